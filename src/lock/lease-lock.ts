// A lock one process at a time holds: a folder beside the file it guards (`<file>.lock/`) with its holder inside,
// on a lease the holder renews (the holder file's mtime). Why not proper-lockfile, which has the same folder and
// lease: it takes over a stale lock by removing it and making it again, so two processes that found the same
// stale lock can both come out holding it (moxystudio/node-proper-lockfile#121, open) — the very bug we had.
//
// Taking: the folder is made whole under a name of its own, holder inside, then renamed into place. rename fails
// when a lock is there, so there is never a lock without its holder, and two takers cannot both win.
// Taking over: a lock whose holder is provably gone (holder.ts), or whose lease has not been renewed for
// `staleMs`, is moved away by one process only — the one that made the folder `reaper` inside it (mkdir is
// atomic). That process looks again before moving it. The holder renews first and then looks for a `reaper`:
// so either the reaper's second look sees the renewed lease and backs off, or the holder sees the take-over.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { alive, gone, type Holder, me, parseHolder } from './holder.js'
import { code, HOLDER, Lease, mine, moveAway, pause, quietly, REAPER } from './lease.js'

export { Lease }

/** How long a lease lasts unrenewed; renewed every third of it. */
export const staleMs = () => Number(process.env.CLAIMTRAIL_LOCK_STALE_MS) || 10_000

/** Why a lock could not be taken: held (by `holder`, or by an older claimtrail's `pid` file), or a take-over stuck. */
export interface Refusal {
  why: 'held' | 'busy' | 'stuck'
  holder: Holder | null
  pid: number | null
}

type Found = { kind: 'folder'; holder: Holder | null; mtimeMs: number } | { kind: 'file'; pid: number | null; mtimeMs: number }

function examine(lock: string): Found | null {
  const stat = quietly(() => lstatSync(lock))
  if (!stat) return null
  let found: Found
  if (stat.isDirectory()) {
    const text = quietly(() => readFileSync(join(lock, HOLDER), 'utf8'))
    const mtimeMs = quietly(() => statSync(join(lock, HOLDER)).mtimeMs) ?? stat.mtimeMs
    found = { kind: 'folder', holder: text === null ? null : parseHolder(text), mtimeMs }
  } else {
    // claimtrail before the folder lock: a file holding the writer's pid.
    const pid = Number(quietly(() => readFileSync(lock, 'utf8'))?.trim())
    found = { kind: 'file', pid: Number.isInteger(pid) && pid > 0 ? pid : null, mtimeMs: stat.mtimeMs }
  }
  // Moved or replaced while being read, what was read may be half of two locks. (Inode numbers are reused at
  // once: a folder made where a file was just removed may have the file's; the kind and ctime tell them apart.)
  const after = quietly(() => lstatSync(lock))
  const same = after && after.ino === stat.ino && after.isDirectory() === stat.isDirectory() && after.ctimeMs === stat.ctimeMs
  return same ? found : null
}

/** Gone or stale. A lock without a holder (one being made by another tool, an empty file) only once stale. */
function removable(found: Found, stale: number): boolean {
  const expired = Date.now() - found.mtimeMs > stale
  if (found.kind === 'file') return found.pid === null ? expired : found.pid === process.pid || !alive(found.pid)
  return found.holder ? expired || gone(found.holder, mine) : expired
}

function reap(lock: string, found: Found, stale: number): 'again' | 'busy' | 'stuck' {
  if (found.kind === 'file') {
    // Only an older claimtrail makes such files, so no other taker can put a new one there meanwhile. unlink, not
    // rm: rm looks first and then removes, and would empty the folder of a taker who got there in between.
    const again = examine(lock)
    if (again?.kind === 'file' && removable(again, stale)) quietly(() => unlinkSync(lock))
    return 'again'
  }
  const claim = join(lock, REAPER)
  try {
    mkdirSync(claim, { mode: 0o700 })
  } catch (error) {
    if (code(error) !== 'EEXIST') return 'again'
    const since = quietly(() => statSync(claim).mtimeMs)
    return since !== null && Date.now() - since > stale ? 'stuck' : 'busy'
  }
  // Ours to decide alone now: no other process can move this lock while our claim is in it.
  const again = examine(lock)
  if (again?.kind === 'folder' && removable(again, stale)) moveAway(lock)
  else quietly(() => rmdirSync(claim))
  return 'again'
}

function put(lock: string, holder: Holder): number | null {
  const fresh = `${lock}.${holder.token}.new`
  mkdirSync(fresh, { mode: 0o700 })
  let fd: number | null = null
  try {
    writeFileSync(join(fresh, HOLDER), `${JSON.stringify(holder)}\n`, { mode: 0o600 })
    fd = openSync(join(fresh, HOLDER), 'r')
    renameSync(fresh, lock)
    return fd
  } catch (error) {
    if (fd !== null) closeSync(fd)
    rmSync(fresh, { recursive: true, force: true })
    if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR'].includes(code(error) ?? '')) return null
    throw error
  }
}

/** Takes the lock at `lock` (a path; its folder must exist), or says who holds it. Never waits for a holder. */
export function take(lock: string, onLost?: (why: string) => void): Lease | Refusal {
  const stale = staleMs()
  const holder = me(randomBytes(9).toString('base64url'))
  const giveUp = Date.now() + 2000
  for (;;) {
    const fd = put(lock, holder)
    if (fd !== null) return new Lease(lock, holder, stale, fd, onLost)
    const found = examine(lock)
    if (!found && Date.now() < giveUp) continue
    if (!found) return { why: 'busy', holder: null, pid: null }
    const refusal: Refusal = {
      why: 'held',
      holder: found.kind === 'folder' ? found.holder : null,
      pid: found.kind === 'file' ? found.pid : null,
    }
    if (!removable(found, stale)) return refusal
    const reaped = reap(lock, found, stale)
    if (reaped === 'stuck') return { ...refusal, why: 'stuck' }
    if (Date.now() > giveUp) return { ...refusal, why: 'busy' }
    if (reaped === 'busy') pause(5)
  }
}
