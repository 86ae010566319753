// Passwords are kept only as scrypt hashes, each with a salt of its own, and compared in constant time. The cost
// parameters are stored beside each hash so that raising them later does not lock anyone out.
import { randomBytes, type ScryptOptions, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { InvalidInputError } from '../errors.js'

export interface PasswordHash {
  salt: string
  hash: string
  N: number
  r: number
  p: number
}

// OWASP's scrypt floor (N=2^17, r=8, p=1): 128 MB and ~0.6 s per check on the 2-core dev machine. Sign-ins are
// rare, and the sign-in form has a limit of its own (web/auth/write-limits.ts) so they cannot tie up the threads.
const COST = { N: 2 ** 17, r: 8, p: 1 }
const KEY_LENGTH = 64
export const SHORTEST_PASSWORD = 10
const LONGEST_PASSWORD = 1024

function scrypt(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r }
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** Refuses a password too short to resist guessing, or too long to hash cheaply. */
export function checkPassword(password: string): string {
  if (password.length < SHORTEST_PASSWORD) {
    throw new InvalidInputError(
      `The password is ${password.length} characters long; give one of at least ${SHORTEST_PASSWORD} (a few words work well).`,
    )
  }
  if (password.length > LONGEST_PASSWORD)
    throw new InvalidInputError(`The password is longer than ${LONGEST_PASSWORD} characters; give a shorter one.`)
  return password
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16)
  const key = await scrypt(checkPassword(password), salt, COST)
  return { salt: salt.toString('base64'), hash: key.toString('base64'), ...COST }
}

export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  if (password.length > LONGEST_PASSWORD) return false
  const expected = Buffer.from(stored.hash, 'base64')
  const key = await scrypt(password, Buffer.from(stored.salt, 'base64'), stored)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

// Checked when a name is unknown, so that a wrong name takes as long to refuse as a wrong password.
let decoy: Promise<PasswordHash> | undefined
export async function wastePasswordCheck(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'))
  await passwordMatches(password, await decoy)
  return false
}
