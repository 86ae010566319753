// Rate limits (express-rate-limit): writes per user (or per address, for those not signed in), and failed sign-ins
// per address, since each costs a slow scrypt check, and per account name, so that guessing one user's password
// from many addresses is as slow as from one. Counted in this process's memory, or, given the database that
// several servers share, in it (shared-counts.ts), so that the limits hold across them.
import type { Request, RequestHandler, Response } from 'express'
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit'
import type pg from 'pg'
import { SAFE } from './guard.js'
import { refuse } from './refuse.js'
import { SharedCounts } from './shared-counts.js'

/** Enough for a script that files 200 articles and their reviews at once; `serve --write-limit` changes it. */
export const DEFAULT_WRITE_LIMIT = 1000
const FAILED_SIGN_INS = 10
const SIGN_IN_WINDOW_MINUTES = 5
const FAILED_SIGN_INS_AS_ONE = 10
const ACCOUNT_WINDOW_MINUTES = 15

const who = (req: Request, res: Response) => {
  const user = res.locals.user as { id: string } | null | undefined
  return user ? `user ${user.id}` : `address ${ipKeyGenerator(req.ip ?? '')}`
}

/** Where a limit counts: in the shared database when there is one, each limit under a prefix of its own. */
const countsIn = (database: pg.Pool | undefined, prefix: string): Store | undefined =>
  database ? new SharedCounts(database, prefix) : undefined

export function writeLimit(perMinute: number, database?: pg.Pool): RequestHandler {
  return rateLimit({
    store: countsIn(database, 'write '),
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => SAFE.has(req.method),
    keyGenerator: who,
    handler: (req, res) =>
      refuse(
        req,
        res,
        429,
        `Too many changes: this server takes ${perMinute} a minute from one user or address, and nothing more was changed. ` +
          `Wait a minute and send the rest (POST /api/articles takes up to 100 articles at once), or ask for a higher --write-limit.`,
      ),
  })
}

export function signInLimit(database?: pg.Pool): RequestHandler {
  return rateLimit({
    store: countsIn(database, 'sign-in '),
    windowMs: SIGN_IN_WINDOW_MINUTES * 60_000,
    limit: FAILED_SIGN_INS,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `address ${ipKeyGenerator(req.ip ?? '')}`,
    handler: (req, res) =>
      refuse(
        req,
        res,
        429,
        `Too many failed sign-ins from this address: wait ${SIGN_IN_WINDOW_MINUTES} minutes, then try again. Whoever runs the server can reset a password with claimtrail users remove and add.`,
      ),
  })
}

const accountOf = (req: Request) => {
  const name = (req.body as Record<string, unknown> | undefined)?.name
  return typeof name === 'string' ? name.trim().normalize('NFC').toLowerCase() : ''
}

/**
 * After the form is read: failed sign-ins as one name, from any address. Whoever guesses can hold a user out for
 * the window this way, but not find the password; the user's other sessions and API tokens keep working.
 */
export function accountSignInLimit(database?: pg.Pool): RequestHandler {
  return rateLimit({
    store: countsIn(database, 'sign-in as '),
    windowMs: ACCOUNT_WINDOW_MINUTES * 60_000,
    limit: FAILED_SIGN_INS_AS_ONE,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => !accountOf(req),
    keyGenerator: (req) => `account ${accountOf(req)}`,
    handler: (req, res) =>
      refuse(
        req,
        res,
        429,
        `Too many failed sign-ins as this user, from any address: wait ${ACCOUNT_WINDOW_MINUTES} minutes, then try again. Whoever runs the server can reset a password with claimtrail users remove and add.`,
      ),
  })
}
