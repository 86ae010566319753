// Who may read and change what, mounted by createApp before every route: the guard, the write limit, the check
// that a writer may write, and the sign-in pages. Forms check their token after reading their body (csrf.ts).
import { Router } from 'express'
import type pg from 'pg'
import { guard, mayWrite, type Reading } from './guard.js'
import { signInRoutes } from './sign-in.js'
import { Staff } from './staff.js'
import { DEFAULT_WRITE_LIMIT, writeLimit } from './write-limits.js'

export { checkFormToken } from './csrf.js'

export interface AccessOptions {
  /** The users file; without one (or with no users in it) only this machine is served, and it may write. */
  usersFile?: string
  /** With users: may anyone read (public, the default), or only those signed in (private)? */
  reading?: Reading
  /** Writes a minute from one user or address. */
  writeLimit?: number
  /**
   * The database the store is in: the limits are counted there, together with every other server on it.
   * Without one each process counts its own (a store file has one server).
   */
  limitsIn?: pg.Pool
}

export function access({
  usersFile,
  reading = 'public',
  writeLimit: perMinute = DEFAULT_WRITE_LIMIT,
  limitsIn,
}: AccessOptions = {}): Router {
  const router = Router()
  const staff = new Staff(usersFile)
  router.use(guard(staff, reading), writeLimit(perMinute, limitsIn), mayWrite)
  router.use(signInRoutes(staff, limitsIn))
  return router
}
