// One writer per store file. A second claimtrail process that opens the same store for writing (an `ingest`
// while `serve` runs) is refused with a message, never allowed to interleave its journal lines and compactions with the
// first one's. The lock is a file beside the store holding the writer's process id: a lock left by a process
// that is gone (killed, crashed) is taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { StoreError } from '../errors.js'

const held = new Set<string>()

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function holder(lock: string): number | null {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** Takes the store's lock for this process; a second store opened on the same file in this process shares it. */
export function lockStore(path: string): void {
  const lock = `${path}.lock`
  if (held.has(lock)) return
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' })
      held.add(lock)
      if (held.size === 1) process.once('exit', releaseAll)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(`cannot lock ${path} for writing (${(error as Error).message}). Check that its folder is writable.`)
      }
      const pid = holder(lock)
      if (pid === process.pid) return
      if (pid !== null && alive(pid)) {
        throw new StoreError(`${path} is open for writing in another claimtrail process (pid ${pid}). Stop that process (a running \`claimtrail serve\`?) or pass --db with another store; reading commands (claims, export) still work.`)
      }
      // Left by a process that is gone: take it over.
      try {
        unlinkSync(lock)
      } catch {
        // another process took it over first; the next attempt says who holds it
      }
    }
  }
  throw new StoreError(`cannot lock ${path} for writing: another process keeps taking the lock. Try again.`)
}

/** Lets go of the store's lock when this process holds it: the store was closed. */
export function unlockStore(path: string): void {
  const lock = `${path}.lock`
  if (!held.delete(lock)) return
  try {
    if (holder(lock) === process.pid) unlinkSync(lock)
  } catch {
    // already gone
  }
}

function releaseAll(): void {
  for (const lock of held) {
    try {
      if (holder(lock) === process.pid) unlinkSync(lock)
    } catch {
      // already gone
    }
  }
  held.clear()
}
