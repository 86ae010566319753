// Cookies the server signs and later believes: "payload.mac", the mac an HMAC-SHA256 under the users file's
// secret, checked in constant time. The browser may keep them; it cannot forge or alter them.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Request } from 'express'

export function mac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url')
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function sign(secret: string, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

/** The payload of a cookie this server signed, or undefined for anything else. */
export function unsign<T>(secret: string, value: string | undefined): T | undefined {
  const [body, given, ...rest] = (value ?? '').split('.')
  if (!body || !given || rest.length || !sameMac(mac(secret, body), given)) return undefined
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T
  } catch {
    return undefined
  }
}

/** The request's cookies by name; a malformed one is left out, not an error. */
export function cookies(req: Request): Record<string, string> {
  const found: Record<string, string> = {}
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=')
    if (at < 1) continue
    try {
      found[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim())
    } catch {
      // a value that is not percent-encoding: not one of ours
    }
  }
  return found
}
