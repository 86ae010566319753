// Form tokens against cross-site requests. Every POST form carries one in a hidden field (_csrf); it is an HMAC of
// the browser's own cookie nonce (and its user), so a page on another site can neither read nor make one. Scripts
// sending a Bearer token need none: no browser attaches that header on its own.
import type { RequestHandler } from 'express'
import { refuse } from './refuse.js'
import { mac, sameMac } from './signed.js'

export const FIELD = '_csrf'
export const HEADER = 'x-csrf-token'

export function formToken(secret: string, nonce: string, userId = ''): string {
  return mac(secret, `form|${nonce}|${userId}`)
}

/** What the guard left for the form check: the token this request must carry, or that it needs none. */
export type FormCheck = { expected: string } | 'not needed'

const MISSING =
  'This form is out of date or did not come from this site, so nothing was changed. Open the page again and send the form from there.'

/**
 * Runs after a form's body is read (the guard cannot see it): the token in the body must match. Without the
 * guard's answer it refuses, so a route mounted without the guard cannot be written to.
 */
export const checkFormToken: RequestHandler = (req, res, next) => {
  const check = res.locals.formCheck as FormCheck | undefined
  if (check === 'not needed') return next()
  const given = (req.body as Record<string, unknown> | undefined)?.[FIELD]
  if (check && typeof given === 'string' && sameMac(given, check.expected)) return next()
  refuse(req, res, 403, MISSING)
}

export const tokenMatches = (given: unknown, expected: string) => typeof given === 'string' && sameMac(given, expected)
export { MISSING as FORM_REFUSED }
