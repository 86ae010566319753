// The holding side of a lease lock (lease-lock.ts takes it): the lease renewed every third of `staleMs` through
// the holder file's own descriptor, checked before each write, and the lock let go of only after claiming it.
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fstatSync, futimesSync, mkdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Holder } from './holder.js'

export const HOLDER = 'holder'
export const REAPER = 'reaper'

/** The tokens of the locks this process holds. */
export const mine = new Set<string>()
const leases = new Set<Lease>()
let exitHooked = false
export const code = (error: unknown) => (error as NodeJS.ErrnoException).code

export const quietly = <T>(read: () => T): T | null => {
  try {
    return read()
  } catch {
    return null
  }
}

export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

export class Lease {
  #lost: string | null = null
  #renewed = Date.now()
  readonly #fd: number
  readonly #ino: number
  readonly #timer: NodeJS.Timeout

  constructor(
    readonly lock: string,
    readonly holder: Holder,
    readonly staleMs: number,
    fd: number,
    readonly onLost?: (why: string) => void,
  ) {
    this.#fd = fd
    this.#ino = fstatSync(this.#fd).ino
    mine.add(holder.token)
    if (!exitHooked) process.once('exit', releaseAll)
    exitHooked = true
    leases.add(this)
    this.#timer = setInterval(() => this.#renew(), staleMs / 3).unref()
  }

  /** Why the lock is no longer this process's, or null while it is; renewed first once a third of the lease has passed. */
  check(): string | null {
    if (!this.#lost && Date.now() - this.#renewed >= this.staleMs / 3) this.#renew()
    return this.#lost
  }

  #renew(): void {
    if (this.#lost) return
    const now = new Date()
    try {
      // Through our own file's descriptor: a lock that is no longer ours is never renewed by mistake.
      futimesSync(this.#fd, now, now)
    } catch (error) {
      this.#lose(`its lease could not be renewed: ${(error as Error).message}`)
      return
    }
    for (let waited = 0; ; waited += 5) {
      if (quietly(() => statSync(join(this.lock, HOLDER)).ino) !== this.#ino) {
        this.#lose('another process took it over')
        return
      }
      if (!existsSync(join(this.lock, REAPER))) break
      // A take-over under way: the reaper's second look decides, in a moment.
      if (waited >= 1000) {
        this.#lose('another process is taking it over')
        return
      }
      pause(5)
    }
    this.#renewed = now.getTime()
  }

  #lose(why: string): void {
    this.#lost = why
    this.#end()
    this.onLost?.(why)
  }

  #end(): void {
    clearInterval(this.#timer)
    leases.delete(this)
    mine.delete(this.holder.token)
    quietly(() => closeSync(this.#fd))
  }

  /** Lets go of the lock, if it is still this process's: claimed first, as a reaper would, so never another's. */
  release(): void {
    if (this.#lost) return
    this.#lost = 'released'
    const claim = join(this.lock, REAPER)
    for (let waited = 0; waited < 1000; waited += 5) {
      try {
        mkdirSync(claim, { mode: 0o700 })
      } catch (error) {
        if (code(error) !== 'EEXIST') break
        pause(5)
        continue
      }
      if (quietly(() => statSync(join(this.lock, HOLDER)).ino) === this.#ino) moveAway(this.lock)
      else quietly(() => rmdirSync(claim))
      break
    }
    this.#end()
  }
}

function releaseAll(): void {
  for (const lease of leases) lease.release()
}

export function moveAway(lock: string): void {
  const away = `${lock}.${randomBytes(6).toString('hex')}.gone`
  renameSync(lock, away)
  rmSync(away, { recursive: true, force: true })
}
