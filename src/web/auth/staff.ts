// The users file as the running server sees it: read again whenever it changes on disk, so `claimtrail users
// add`, `remove` and `revoke` take effect on a running server without a restart.
import { randomBytes } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { readUsers, type UserRecord, type UsersData } from '../../users/users-file.js'

export interface Desk {
  data: UsersData | null
  /** Users exist: sign-in is required to write. Without any, the local mode: this machine only, anyone writes. */
  signIn: boolean
  /** Signs cookies: the file's secret, or (no file yet) one made for this process. */
  secret: string
}

export class Staff {
  private seen = ''
  private desk: Desk
  private readonly processSecret = randomBytes(32).toString('base64url')

  constructor(readonly path: string | undefined) {
    this.desk = { data: null, signIn: false, secret: this.processSecret }
  }

  async current(): Promise<Desk> {
    if (!this.path) return this.desk
    const mark = await stat(this.path).then(
      (s) => `${s.ino}:${s.size}:${s.mtimeMs}`,
      () => 'none',
    )
    if (mark !== this.seen) {
      const data = mark === 'none' ? null : await readUsers(this.path)
      this.desk = { data, signIn: !!data?.users.length, secret: data?.secret ?? this.processSecret }
      this.seen = mark
    }
    return this.desk
  }

  /** Read the file again at the next request: this process changed it, maybe within the same mtime tick. */
  forget(): void {
    this.seen = ''
  }
}

export function userById(desk: Desk, id: unknown): UserRecord | undefined {
  return desk.data?.users.find((u) => u.id === id)
}
