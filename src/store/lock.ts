// One writer per store file. A second claimtrail process that opens the same store for writing (an `ingest`
// while `serve` runs) is refused with a message, never allowed to interleave its journal lines and compactions
// with the first one's. The lock is the folder `<store>.lock/` (lock/lease-lock.ts): a lock left by a process
// that is gone is taken over at once, one whose holder stopped renewing it once its lease has run out; and a
// writer whose lock was taken over writes nothing more.
import { existsSync } from 'node:fs'
import { StoreError } from '../errors.js'
import { Lease, type Refusal, staleMs, take } from '../lock/lease-lock.js'

/** Stores open for writing in this process, by lock, with how many are open: they share the lock. */
const held = new Map<string, { lease: Lease; opened: number }>()

function refused(path: string, lock: string, { why, holder, pid }: Refusal): string {
  if (why === 'stuck') {
    return `${path} cannot be locked for writing: a take-over of its lock never finished (a process died in the middle of it). Once no claimtrail process uses the store, remove the folder ${lock} and try again.`
  }
  if (why === 'busy') return `cannot lock ${path} for writing: another process keeps taking the lock. Try again.`
  const who = holder ? `pid ${holder.pid}` : pid !== null ? `pid ${pid}` : 'just now starting'
  return `${path} is open for writing in another claimtrail process (${who}). Stop that process (a running \`claimtrail serve\`?) or pass --db with another store; reading commands (claims, export) still work.`
}

const lostMessage = (path: string, why: string, stale: number) =>
  `${path}: this process no longer holds the store's writer lock (${why}; it was not renewed for ${stale / 1000} s, e.g. the process was paused), so nothing more is written to it. Stop the other claimtrail process, or this one, then start this one again.`

/** Takes the store's lock for this process; a second store opened on the same file in this process shares it. */
export function lockStore(path: string): void {
  const lock = `${path}.lock`
  const open = held.get(lock)
  if (open && !open.lease.check()) {
    open.opened++
    return
  }
  let taken: Lease | Refusal
  try {
    const stale = staleMs()
    // Said at once when another process holds it now; a lock folder simply gone (the store's folder removed) is
    // said by the next write, which is refused.
    taken = take(lock, (why) => existsSync(lock) && console.error(`claimtrail: ${lostMessage(path, why, stale)}`))
  } catch (error) {
    throw new StoreError(`cannot lock ${path} for writing (${(error as Error).message}). Check that its folder is writable.`)
  }
  if (!(taken instanceof Lease)) throw new StoreError(refused(path, lock, taken))
  held.set(lock, { lease: taken, opened: 1 })
}

/** Refuses a write when this process no longer holds the store's lock (another process took it over). */
export function stillLocked(path: string): void {
  const open = held.get(`${path}.lock`)
  const lost = open ? open.lease.check() : 'it was let go of'
  if (lost) throw new StoreError(`${lostMessage(path, lost, open?.lease.staleMs ?? staleMs())} This change was not written.`)
}

/** Lets go of the store's lock once the last store this process opened on the file is closed. */
export function unlockStore(path: string): void {
  const lock = `${path}.lock`
  const open = held.get(lock)
  if (!open || --open.opened > 0) return
  held.delete(lock)
  open.lease.release()
}
