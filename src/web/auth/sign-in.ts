// The sign-in page and signing out. Both are forms with a token; a failed sign-in says only that the name and
// password do not match, never which of them was wrong. Signing out ends all the user's sessions (sessions.ts).
import express, { Router } from 'express'
import type pg from 'pg'
import { endSessions, signIn } from '../../users/users.js'
import { checkFormToken } from './csrf.js'
import { askerOf } from './guard.js'
import { endSession, startSession } from './sessions.js'
import type { Staff } from './staff.js'
import { accountSignInLimit, signInLimit } from './write-limits.js'

const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 })

/** Back to where the reader was, but only to a page of this site. */
export function localPath(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/'
}

const field = (body: unknown, name: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** `database`: where the failed sign-ins are counted, when servers share one (write-limits.ts). */
export function signInRoutes(staff: Staff, database?: pg.Pool): Router {
  const router = Router()

  router.get('/login', (req, res) => {
    res.render('sessions/new', { title: 'Sign in', problem: null, name: '', next: localPath(req.query.next) })
  })

  router.post('/login', signInLimit(database), form, checkFormToken, accountSignInLimit(database), async (req, res) => {
    const { desk } = askerOf(req)!
    const name = field(req.body, 'name').trim()
    const next = localPath(field(req.body, 'next'))
    const user = desk.signIn && name ? await signIn(desk.data, name, field(req.body, 'password')) : undefined
    if (!user) {
      const problem = desk.signIn
        ? 'That name and password do not match a user of this desk. Check both and try again.'
        : 'This claimtrail has no users to sign in as: whoever uses this machine may make changes. `claimtrail users add NAME` adds one.'
      res.status(desk.signIn ? 401 : 400).render('sessions/new', { title: 'Sign in', problem, name, next })
      return
    }
    startSession(req, res, desk, user)
    res.redirect(303, next)
  })

  router.post('/logout', form, checkFormToken, async (req, res) => {
    const asker = askerOf(req)
    // This browser's cookie goes first: should the users file not be writable, the error page says why the
    // session could not be ended everywhere, and this browser is signed out all the same.
    endSession(req, res)
    if (asker?.via === 'session' && asker.user && staff.path) {
      await endSessions(staff.path, asker.user.id)
      staff.forget()
    }
    res.redirect(303, '/')
  })

  return router
}
