// The verbs the `claimtrail users` commands and the sign-in page use, each one read-change-write of the users file.
import { randomBytes } from 'node:crypto'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { hashPassword, passwordMatches, wastePasswordCheck } from './passwords.js'
import { newToken } from './tokens.js'
import { changeUsers, readUsers, sameName, type TokenRecord, type UserRecord, type UsersData, userNamed } from './users-file.js'

// Names go into the review log and the page header: letters and digits with . _ - inside, as on a byline.
const NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N}._-]{0,62}[\p{L}\p{N}])?$/u

export function checkName(name: string): string {
  if (!NAME.test(name)) {
    throw new InvalidInputError(`"${name}" is not a user name: use 1 to 64 letters or digits (with . _ - inside), e.g. jo.park.`)
  }
  return name.normalize('NFC')
}

function known(data: UsersData | null, name: string, path: string): UserRecord {
  const user = userNamed(data, name)
  if (!user) throw new NotFoundError(`There is no user "${name}" in ${path}: \`claimtrail users list\` shows who there is.`)
  return user
}

function notTaken(data: UsersData | null, name: string): void {
  const taken = userNamed(data, name)
  if (taken)
    throw new InvalidInputError(
      `There is already a user "${taken.name}": pick another name, or \`claimtrail users remove ${taken.name}\` first.`,
    )
}

export async function addUser(path: string, name: string, password: string): Promise<UserRecord> {
  checkName(name)
  notTaken(await readUsers(path), name)
  // The slow hash (~0.6 s) before the lock, so that the lock is held for milliseconds.
  const user: UserRecord = {
    id: randomBytes(8).toString('hex'),
    name: name.normalize('NFC'),
    password: await hashPassword(password),
    added: new Date().toISOString(),
  }
  return changeUsers(path, (data) => {
    notTaken(data, name)
    data.users.push(user)
    return user
  })
}

/** Removes a user and every token of theirs; their signed-in sessions end with them. */
export function removeUser(path: string, name: string): Promise<{ user: UserRecord; tokens: number }> {
  return changeUsers(path, (data) => {
    const user = known(data, name, path)
    const tokens = data.tokens.filter((t) => t.user === user.id).length
    data.users = data.users.filter((u) => u !== user)
    data.tokens = data.tokens.filter((t) => t.user !== user.id)
    return { user, tokens }
  })
}

export function issueToken(path: string, name: string): Promise<{ token: string; record: TokenRecord; user: UserRecord }> {
  return changeUsers(path, (data) => {
    const user = known(data, name, path)
    const { token, record } = newToken(user)
    data.tokens.push(record)
    return { token, record, user }
  })
}

export function revokeToken(path: string, id: string): Promise<{ record: TokenRecord; user: string }> {
  return changeUsers(path, (data) => {
    const record = data.tokens.find((t) => t.id === id || `ct_${t.id}` === id)
    if (!record) throw new NotFoundError(`There is no token "${id}" in ${path}: \`claimtrail users list\` shows each user's token ids.`)
    record.revoked ??= new Date().toISOString()
    return { record, user: data.users.find((u) => u.id === record.user)?.name ?? '(removed user)' }
  })
}

/** Ends every session of the user (signing out): cookies made before are refused from now on. */
export function endSessions(path: string, userId: string): Promise<void> {
  return changeUsers(path, (data) => {
    const user = data.users.find((u) => u.id === userId)
    if (user) user.sessionEpoch = (user.sessionEpoch ?? 0) + 1
  })
}

/** The user a name and password sign in as; the same answer, after the same work, for a wrong name or password. */
export async function signIn(data: UsersData | null, name: string, password: string): Promise<UserRecord | undefined> {
  const user = data?.users.find((u) => sameName(u.name, name))
  if (!user) return wastePasswordCheck(password).then(() => undefined)
  return (await passwordMatches(password, user.password)) ? user : undefined
}
