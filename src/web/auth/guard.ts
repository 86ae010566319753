// Who is asking, and may they? Runs before every route. Reading: anyone, unless the desk keeps its claims
// private. Writing (any method but GET/HEAD/OPTIONS): never from another site; with users, only a signed-in user
// or a valid API token; with no users, only from this machine, and then the local user may write.
import type { Request, RequestHandler } from 'express'
import { tokenUser } from '../../users/tokens.js'
import type { UserRecord } from '../../users/users-file.js'
import { isLoopbackName } from '../hosts.js'
import { FORM_REFUSED, type FormCheck, formToken, HEADER, tokenMatches } from './csrf.js'
import { refuse } from './refuse.js'
import { formNonce, newFormNonce, rememberReviewer, reviewerOf, sessionOf } from './sessions.js'
import type { Desk, Staff } from './staff.js'

export type Reading = 'public' | 'private'
export const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Open even when reading is private: one must be able to sign in. */
const OPEN = new Set(['/login'])

/** How this request proved who it is. */
interface Asker {
  desk: Desk
  user: UserRecord | undefined
  via: 'session' | 'token' | 'local' | 'nobody'
  /** The browser's form token, when it has cookies to make one from. */
  token: string | undefined
}

const askers = new WeakMap<Request, Asker>()

export function askerOf(req: Request): Asker | undefined {
  return askers.get(req)
}

export function guard(staff: Staff, reading: Reading): RequestHandler {
  return async (req, res, next) => {
    const desk = await staff.current()
    // Without users anyone who reaches the server may write, so it must be this machine talking to itself, by a
    // loopback name: a page on another site whose name was pointed at 127.0.0.1 (DNS rebinding) is turned away.
    if (!desk.signIn && !(loopbackClient(req) && loopbackHost(req))) {
      return refuse(
        req,
        res,
        403,
        'This claimtrail has no users, so it serves only this machine, at http://127.0.0.1. To serve others, add a user first: claimtrail users add NAME.',
      )
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1]
    const session = bearer ? undefined : sessionOf(req, desk)
    let user = session?.user
    if (bearer) {
      user = tokenUser(desk.data, bearer)
      if (!user)
        return refuse(
          req,
          res,
          401,
          'This API token is not valid: it may have been revoked, or its user removed. Ask for a new one (claimtrail users token NAME).',
        )
    }
    const via = bearer ? 'token' : user ? 'session' : desk.signIn ? 'nobody' : 'local'
    const nonce = session?.nonce ?? formNonce(req, desk)
    const asker: Asker = { desk, user, via, token: nonce ? formToken(desk.secret, nonce, user?.id) : undefined }
    askers.set(req, asker)
    res.locals.user = user ? { id: user.id, name: user.name } : null
    res.locals.signIn = desk.signIn
    // With no users, the forms ask for a name: the one this browser last gave fills them in, and a decision that
    // names someone new makes that the one remembered.
    if (via === 'local') {
      res.locals.reviewerName = reviewerOf(req, desk)
      res.locals.rememberReviewer = (name: string): void => {
        if (name !== res.locals.reviewerName && !res.headersSent) rememberReviewer(req, res, desk, name)
      }
    }
    // A browser without a form cookie is given one only by a page that shows a form: a page without forms sets no
    // cookie, so it is the same page for every reader and may be kept in the page cache (page-cache.ts).
    res.locals.formToken = (): string => {
      if (!asker.token && SAFE.has(req.method) && !bearer && !res.headersSent) {
        asker.token = formToken(desk.secret, newFormNonce(req, res, desk), user?.id)
      }
      return asker.token ?? ''
    }
    // The page to come back to after signing in from the header's link.
    res.locals.here = req.method === 'GET' && req.path !== '/login' ? req.originalUrl : '/'

    if (SAFE.has(req.method)) {
      if (reading === 'private' && via === 'nobody' && !OPEN.has(req.path)) {
        return refuse(
          req,
          res,
          401,
          'This desk keeps its claims private: sign in to read them (scripts: send Authorization: Bearer TOKEN).',
        )
      }
      return next()
    }
    const foreign = crossSite(req)
    if (foreign) return refuse(req, res, 403, foreign)
    next()
  }
}

/** After the write limit: a write needs a writer, and a browser's write needs its form token. */
export const mayWrite: RequestHandler = (req, res, next) => {
  if (SAFE.has(req.method)) return next()
  const asker = askers.get(req)
  if (!asker) return refuse(req, res, 403, 'This server cannot tell who is writing; nothing was changed.')
  const signingIn = req.path === '/login'
  if (asker.via === 'nobody' && !signingIn) {
    return refuse(
      req,
      res,
      401,
      'Sign in to make changes (scripts: send Authorization: Bearer TOKEN, from `claimtrail users token NAME`). Nothing was changed.',
    )
  }
  const check = formCheck(req, asker)
  if (check !== 'not needed' && req.get(HEADER) !== undefined) {
    // A script holding the browser's cookies may send the token as a header instead of a field.
    if (!tokenMatches(req.get(HEADER), check.expected)) return refuse(req, res, 403, FORM_REFUSED)
    res.locals.formCheck = 'not needed' satisfies FormCheck
    return next()
  }
  if (check !== 'not needed' && !isForm(req)) {
    return refuse(
      req,
      res,
      403,
      'A browser write needs its form token: send the form from the page, or send X-CSRF-Token; scripts send Authorization: Bearer TOKEN instead. Nothing was changed.',
    )
  }
  // The token in a form's body is checked once the route has read the body (csrf.ts, checkFormToken).
  res.locals.formCheck = check
  next()
}

function formCheck(req: Request, asker: Asker): FormCheck {
  // No browser attaches an Authorization header by itself: a token in one was sent on purpose.
  if (asker.via === 'token') return 'not needed'
  // A local script's JSON (curl, fetch in Node): another site's page cannot send application/json here without a
  // CORS preflight, which this server never grants, and a browser's request would carry Origin or Sec-Fetch-Site.
  if (asker.via === 'local' && req.is('application/json') === 'application/json' && !req.get('origin') && !req.get('sec-fetch-site'))
    return 'not needed'
  return { expected: asker.token ?? 'no form cookie' }
}

const isForm = (req: Request) => !!req.is(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** Why a write comes from another site, or null: the browser's own word (Sec-Fetch-Site), else its Origin. */
export function crossSite(req: Request): string | null {
  const site = req.get('sec-fetch-site')
  const refused = "This request came from another site, so nothing was changed. Changes are made from claimtrail's own pages."
  if (site === 'cross-site' || site === 'same-site') return refused
  const origin = req.get('origin')
  if (origin === undefined) return null
  let host: string | null = null
  try {
    host = new URL(origin).host
  } catch {
    host = null // "null": a sandboxed frame or a file:// page
  }
  return host !== null && host === req.get('host') ? null : refused
}

// The Host was checked whole (hosts.ts) before the guard runs; here only whether it names loopback.
function loopbackHost(req: Request): boolean {
  return isLoopbackName(req.hostname ?? '')
}

function loopbackClient(req: Request): boolean {
  const address = req.socket.remoteAddress ?? ''
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}
