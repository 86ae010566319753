// A signed-in browser holds one cookie: the user's id, a random nonce its form tokens are made from, when it ends,
// and the user's session epoch. httpOnly (no script reads it), SameSite=Lax (no other site's form or fetch
// carries it), path /. Signing out bumps the user's epoch in the users file (users.ts, endSessions): every cookie
// of theirs made before, in this browser or copied from it, is refused from then on.
import { randomBytes } from 'node:crypto'
import type { Request, Response } from 'express'
import type { UserRecord } from '../../users/users-file.js'
import { cookies, sign, unsign } from './signed.js'
import { type Desk, userById } from './staff.js'

export const SESSION_COOKIE = 'claimtrail_session'
/** Anonymous browsers (the sign-in form, the local mode) get their form tokens from this one instead. */
export const FORM_COOKIE = 'claimtrail_form'
/** With no users, the name a reviewer last signed a decision with, kept until the browser closes. */
export const REVIEWER_COOKIE = 'claimtrail_reviewer'
const SESSION_HOURS = 12

interface Session {
  user: string
  nonce: string
  ends: number
  /** The user's sessionEpoch when signing in; absent in cookies made before epochs, which count as 0. */
  epoch?: number
}

const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure: req.secure })

export function startSession(req: Request, res: Response, desk: Desk, user: UserRecord): void {
  const session: Session = {
    user: user.id,
    nonce: randomBytes(16).toString('base64url'),
    ends: Date.now() + SESSION_HOURS * 3600_000,
    epoch: user.sessionEpoch ?? 0,
  }
  res.cookie(SESSION_COOKIE, sign(desk.secret, session), { ...cookieOptions(req), maxAge: SESSION_HOURS * 3600_000 })
}

export function endSession(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req))
}

/** The signed-in user and the session's nonce; nothing for an unsigned, expired or forged cookie, a removed user, or one signed out since. */
export function sessionOf(req: Request, desk: Desk): { user: UserRecord; nonce: string } | undefined {
  const session = unsign<Session>(desk.secret, cookies(req)[SESSION_COOKIE])
  if (!session || typeof session.ends !== 'number' || session.ends < Date.now() || typeof session.nonce !== 'string') return undefined
  const user = userById(desk, session.user)
  if (!user || (session.epoch ?? 0) !== (user.sessionEpoch ?? 0)) return undefined
  return { user, nonce: session.nonce }
}

/** The anonymous browser's nonce, if it has one (set by newFormNonce on a page it read). */
export function formNonce(req: Request, desk: Desk): string | undefined {
  return unsign<{ nonce: string }>(desk.secret, cookies(req)[FORM_COOKIE])?.nonce
}

export function newFormNonce(req: Request, res: Response, desk: Desk): string {
  const nonce = randomBytes(16).toString('base64url')
  res.cookie(FORM_COOKIE, sign(desk.secret, { nonce }), { ...cookieOptions(req), sameSite: 'strict' })
  return nonce
}

/** The name this browser last signed a decision with, in the local mode; signed, so a page cannot plant one. */
export function reviewerOf(req: Request, desk: Desk): string | undefined {
  const name = unsign<{ name: unknown }>(desk.secret, cookies(req)[REVIEWER_COOKIE])?.name
  return typeof name === 'string' && name.length > 0 && name.length <= 100 ? name : undefined
}

/** Remembers the reviewer's name for this browser's session (no maxAge: it goes when the browser closes). */
export function rememberReviewer(req: Request, res: Response, desk: Desk, name: string): void {
  res.cookie(REVIEWER_COOKIE, sign(desk.secret, { name }), cookieOptions(req))
}
