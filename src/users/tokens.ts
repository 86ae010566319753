// API tokens for scripts: "ct_<id>_<secret>". The id finds the record; only a hash of the whole token is kept,
// so the file never holds a usable token, and each is shown once, when issued.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { TokenRecord, UserRecord, UsersData } from './users-file.js'

const TOKEN = /^ct_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/

const digest = (token: string) => createHash('sha256').update(token).digest()

export function newToken(user: UserRecord, now = new Date()): { token: string; record: TokenRecord } {
  const id = randomBytes(6).toString('hex')
  const token = `ct_${id}_${randomBytes(32).toString('base64url')}`
  return { token, record: { id, user: user.id, hash: digest(token).toString('hex'), issued: now.toISOString(), revoked: null } }
}

/** The user a token acts for; undefined for a malformed, unknown or revoked token, or one whose user is gone. */
export function tokenUser(data: UsersData | null, token: string): UserRecord | undefined {
  const id = TOKEN.exec(token)?.[1]
  const record = id ? data?.tokens.find((t) => t.id === id) : undefined
  if (!data || !record || record.revoked) return undefined
  const stored = Buffer.from(record.hash, 'hex')
  if (!timingSafeEqual(digest(token), stored)) return undefined
  return data.users.find((u) => u.id === record.user)
}
