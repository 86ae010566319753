// Who holds a lock, written into it so that a waiting process can tell a holder that is gone (killed, crashed,
// its machine restarted) from one that is only slow. A pid alone cannot: pids are reused, and a pid means
// nothing on another machine or in another container. So the holder also writes where it runs (host name, boot
// id, pid namespace) and when its process started; a waiter trusts the pid only from the same place.
import { readFileSync, readlinkSync } from 'node:fs'
import { hostname } from 'node:os'

export interface Holder {
  pid: number
  /** Host name, boot id and pid namespace: the pid can be checked only by a process in the same place. */
  place: string
  /** The process's start time in clock ticks since boot (Linux /proc/<pid>/stat), or null where unknown. */
  started: string | null
  /** Unique to one taking of the lock. */
  token: string
}

const quietly = <T>(read: () => T): T | null => {
  try {
    return read()
  } catch {
    return null
  }
}

let here: string | undefined
export function place(): string {
  here ??= [
    hostname(),
    quietly(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()) ?? '',
    quietly(() => readlinkSync('/proc/self/ns/pid')) ?? '',
  ].join(' ')
  return here
}

/** Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces and parentheses). */
export function startTime(pid: number): string | null {
  const stat = quietly(() => readFileSync(`/proc/${pid}/stat`, 'utf8'))
  if (!stat) return null
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
}

export function me(token: string): Holder {
  return { pid: process.pid, place: place(), started: startTime(process.pid), token }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Provably gone: on this machine, and its pid is dead, or now names a process that started at another time (a
 * reused pid). `mine` are the tokens this process holds: a lock of this pid under another token was left behind.
 */
export function gone(holder: Holder, mine: ReadonlySet<string>): boolean {
  if (holder.place !== place()) return false
  if (holder.pid === process.pid) return !mine.has(holder.token)
  if (!alive(holder.pid)) return true
  const started = startTime(holder.pid)
  return holder.started !== null && started !== null && started !== holder.started
}

export function parseHolder(text: string): Holder | null {
  const found = quietly(() => JSON.parse(text) as Partial<Holder>)
  if (!found || !Number.isInteger(found.pid) || typeof found.place !== 'string' || typeof found.token !== 'string') return null
  return { pid: found.pid!, place: found.place, started: typeof found.started === 'string' ? found.started : null, token: found.token }
}
