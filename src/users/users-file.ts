// The desk's users: one JSON file beside the store (claimtrail.json → claimtrail.users.json), readable only by
// its owner. It holds each user's scrypt hash, the hashes of their API tokens, and the secret that signs the
// web app's cookies, made once with the file. Nothing in it can be turned back into a password or a token.
// Every change is read, made and written under the file's lock (`<file>.lock/`, lock/lease-lock.ts), so that two
// commands (a `users add` hashing its password while a `users revoke` runs) never lose one another's change.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { StoreError } from '../errors.js'
import { Lease, take } from '../lock/lease-lock.js'
import type { PasswordHash } from './passwords.js'

export interface UserRecord {
  id: string
  name: string
  password: PasswordHash
  added: string
  /** Counts the user's sign-outs: a session cookie made before the last one is refused (web/auth/sessions.ts). */
  sessionEpoch?: number
}

export interface TokenRecord {
  id: string
  /** The id of the user it acts for. */
  user: string
  /** sha256 of the token, hex: tokens are long and random, so a plain hash is enough. */
  hash: string
  issued: string
  revoked: string | null
}

export interface UsersData {
  version: 1
  /** Signs session and form cookies (HMAC-SHA256). */
  secret: string
  users: UserRecord[]
  tokens: TokenRecord[]
}

/** Where the users of a store are kept unless --users says: data/claimtrail.json → data/claimtrail.users.json. */
export function usersPathFor(db: string): string {
  return `${db.replace(/\.json$/i, '')}.users.json`
}

export function emptyUsers(): UsersData {
  return { version: 1, secret: randomBytes(32).toString('base64url'), users: [], tokens: [] }
}

/** The file's users, or null when there is no file yet (no users: the local mode). */
export async function readUsers(path: string): Promise<UsersData | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new StoreError(`${path} cannot be read (${(error as Error).message}): check its permissions.`)
  }
  return parseUsers(text, path)
}

function parseUsers(text: string, path: string): UsersData {
  let data: Partial<UsersData> | null = null
  try {
    data = JSON.parse(text) as Partial<UsersData>
  } catch {
    data = null
  }
  if (data?.version !== 1 || typeof data.secret !== 'string' || !Array.isArray(data.users) || !Array.isArray(data.tokens)) {
    throw new StoreError(`${path} is not a claimtrail users file: restore it from a backup, or move it away and add the users again.`)
  }
  return data as UsersData
}

/** Replaces the file whole: a temporary file, fsync, rename, fsync of the folder; only its owner may read it. */
async function writeUsers(path: string, data: UsersData): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const file = await open(temporary, 'wx', 0o600)
    try {
      await file.writeFile(`${JSON.stringify(data, null, 2)}\n`)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, path)
    // The rename itself is on disk only once the folder is.
    const folder = await open(dirname(path), 'r')
    await folder.sync().finally(() => folder.close())
  } catch (error) {
    await rm(temporary, { force: true })
    throw new StoreError(`${path} cannot be written (${(error as Error).message}): check the folder exists and may be written to.`)
  }
}

/** Reads the file, changes it and writes it back, all under its lock; `edit` is quick (hash passwords before). */
export async function changeUsers<T>(path: string, edit: (data: UsersData) => T): Promise<T> {
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined)
  const lease = await lockUsers(path)
  try {
    const data = (await readUsers(path)) ?? emptyUsers()
    const result = edit(data)
    const lost = lease.check()
    if (lost) throw new StoreError(`${path} was not changed: its lock was lost (${lost}). Try again.`)
    await writeUsers(path, data)
    return result
  } finally {
    lease.release()
  }
}

/** The users file's lock, waited for: each change holds it for milliseconds. */
async function lockUsers(path: string): Promise<Lease> {
  const lock = `${path}.lock`
  const giveUp = Date.now() + 10_000
  for (;;) {
    let taken: ReturnType<typeof take>
    try {
      taken = take(lock)
    } catch (error) {
      throw new StoreError(
        `${path} cannot be locked for a change (${(error as Error).message}): check the folder exists and may be written to.`,
      )
    }
    if (taken instanceof Lease) return taken
    if (taken.why === 'stuck') {
      throw new StoreError(
        `${path} cannot be changed: a take-over of its lock never finished. Once no claimtrail command runs, remove the folder ${lock} and try again.`,
      )
    }
    if (Date.now() > giveUp) {
      const who = taken.holder ? ` (pid ${taken.holder.pid})` : ''
      throw new StoreError(
        `${path} has been locked by another claimtrail process${who} for 10 s; nothing was changed. Try again once it is done.`,
      )
    }
    await sleep(10 + Math.random() * 20)
  }
}

export const sameName = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase()

export function userNamed(data: UsersData | null, name: string): UserRecord | undefined {
  return data?.users.find((u) => sameName(u.name, name))
}
