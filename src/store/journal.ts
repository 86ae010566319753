// The journal beside the store file (`<store>.journal`): every change since the store file was last written,
// one checked line each (line-check.ts), appended and flushed to the disk before the change is acknowledged.
// Writing a change costs what the change is, never what the store is; now and then the store file is rewritten
// with every change in it and the journal is moved to the backups and started anew (compaction, in group-commit.ts).
//
// Its first line says which store file it follows (`base`, the file's seq); each change is the next seq. A line
// missing, repeated or changed is found on reading and the store refuses to open. Only a line's end makes it a
// line: a process killed mid-append leaves a last line without one, which was never acknowledged and is dropped.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync } from 'node:fs'
import { type FileHandle, open, rename, rm } from 'node:fs/promises'
import { StoreError } from '../errors.js'
import { checkedLine, damaged, lineJson } from './line-check.js'
import type { ArticleRecord, ClaimRecord, LogEntry, SpeakerRecord, StatementRecord } from './schema.js'
import { syncFolder } from './snapshot.js'
import { writeFailed, writeLines } from './write-all.js'

/** One change: the records it created or altered, whole, and the reviewer decision it logged, if any. */
export interface JournalEntry {
  seq: number
  articles?: ArticleRecord[]
  statements?: StatementRecord[]
  claims?: ClaimRecord[]
  speakers?: SpeakerRecord[]
  log?: LogEntry[]
}

export interface JournalRead {
  /** The seq of the store file this journal follows; null for a journal written before journals said so. */
  base: number | null
  entries: JournalEntry[]
}

/** Store files are the newsroom's own: only their owner reads them. */
export const FILE_MODE = 0o600

/** Reads and checks every whole line of a journal; a missing journal has none. `store` names the store in messages. */
export function readJournal(path: string, store = path.replace(/\.journal$/, '')): JournalRead {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { base: null, entries: [] }
    throw new StoreError(`cannot read ${path} (${(error as Error).message}). Check that it is readable.`)
  }
  const whole = bytes.lastIndexOf(0x0a) + 1
  const entries: JournalEntry[] = []
  let base: number | null = null
  let checkedSeen = false
  let start = 0
  for (let line = 1; start < whole; line++) {
    const end = bytes.indexOf(0x0a, start)
    const text = bytes.toString('utf8', start, end)
    start = end + 1
    let parsed: { json: string; checked: boolean }
    let value: Record<string, unknown>
    try {
      parsed = lineJson(text)
      value = JSON.parse(parsed.json) as Record<string, unknown>
      if (typeof value !== 'object' || value === null) throw new Error('it is not a record')
    } catch (error) {
      throw damaged(path, line, (error as Error).message, store)
    }
    // Lines from before checksums may only open the journal: one unchecked line after a checked one is damage. Checked
    // lines may follow them: a writer that could not start a new journal at its first compaction appends to the old one.
    if (!parsed.checked && checkedSeen) throw damaged(path, line, 'it has no checksum', store)
    checkedSeen ||= parsed.checked
    if (line === 1 && parsed.checked) {
      if (value.journal !== 1 || !Number.isInteger(value.base))
        throw damaged(path, line, "the journal's first line, which names the store file it follows, is missing", store)
      base = value.base as number
      continue
    }
    const seq = value.seq
    if (!Number.isInteger(seq)) throw damaged(path, line, 'it has no sequence number', store)
    const expected = (entries.at(-1)?.seq ?? base ?? (seq as number) - 1) + 1
    if (seq !== expected) {
      const what =
        (seq as number) < expected
          ? `it repeats change ${seq as number}`
          : `changes ${expected} to ${(seq as number) - 1} are missing before it`
      throw damaged(path, line, what, store)
    }
    entries.push(value as unknown as JournalEntry)
  }
  return { base, entries }
}

/** The journal a writer appends to. Appends are the caller's to serialise. */
export class Journal {
  #file: FileHandle
  /** Bytes known to be whole lines on disk. */
  #size: number
  /** A failed append could not be cut back: the next one must first. */
  #torn = false
  /** Its descriptor is closed: the number may already name another file, so nothing is written through it. */
  #closed = false

  private constructor(
    readonly path: string,
    file: FileHandle,
    size: number,
  ) {
    this.#file = file
    this.#size = size
  }

  /** Opens for appending, cutting off a torn last line first; a new journal begins with the seq it follows. */
  static async open(path: string, base: number): Promise<Journal> {
    cutTornTail(path)
    let file: FileHandle
    try {
      file = await open(path, 'a', FILE_MODE)
    } catch (error) {
      throw new StoreError(`cannot open ${path} for writing (${(error as Error).message}). Check that its folder is writable.`)
    }
    const journal = new Journal(path, file, (await file.stat()).size)
    if (journal.#size === 0) {
      try {
        await journal.append(checkedLine(JSON.stringify({ journal: 1, base })))
      } catch (error) {
        await file.close().catch(() => undefined)
        throw error
      }
    }
    return journal
  }

  /** Cuts off whatever follows the last line known to be on the disk (an append that failed and could not be cut back). */
  async discardUnwritten(): Promise<void> {
    await this.#file.truncate(this.#size)
    this.#torn = false
  }

  get size(): number {
    return this.#size
  }

  get closed(): boolean {
    return this.#closed
  }

  /** Appends whole lines and flushes them to the disk; on failure the journal is cut back to its last whole line. */
  async append(lines: string | readonly string[]): Promise<void> {
    if (this.#closed) throw new StoreError(`${this.path} is closed; the change was not stored.`)
    try {
      if (this.#torn) await this.#file.truncate(this.#size)
      this.#torn = false
      const bytes = await writeLines(this.#file, typeof lines === 'string' ? [lines] : lines)
      await this.#file.datasync()
      this.#size += bytes
    } catch (error) {
      try {
        await this.#file.truncate(this.#size)
      } catch {
        this.#torn = true
      }
      throw writeFailed(this.path, error, 'the change was not stored.')
    }
  }

  /** Moves this journal to `to` (the backups) and starts a new one after `base`: the store file now holds all of it. */
  async rotate(to: string, base: number): Promise<Journal> {
    if (this.#closed) throw new StoreError(`${this.path} is closed; it was not moved.`)
    await rename(this.path, to)
    this.#closed = true
    await this.#file.close()
    try {
      const started = await Journal.open(this.path, base)
      await syncFolder(this.path)
      return started
    } catch {
      // No room for a new one: the old journal comes back. The store file holds all of it, and changes follow on.
      await rm(this.path, { force: true })
      await rename(to, this.path)
      await syncFolder(this.path)
      return Journal.open(this.path, base)
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#file.close()
  }
}

/**
 * Cuts a file of lines back to its last line end: what follows was a write a killed process never finished,
 * and the next append must not run on from it. A missing file is left missing.
 */
export function cutTornTail(path: string): void {
  let fd: number
  try {
    fd = openSync(path, 'r+')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw new StoreError(`cannot open ${path} (${(error as Error).message}). Check its permissions.`)
  }
  try {
    const size = fstatSync(fd).size
    const chunk = Buffer.alloc(1 << 16)
    let end = size
    while (end > 0) {
      const start = Math.max(0, end - chunk.length)
      const read = readSync(fd, chunk, 0, end - start, start)
      const newline = chunk.subarray(0, read).lastIndexOf(0x0a)
      if (newline >= 0) {
        end = start + newline + 1
        break
      }
      end = start
    }
    if (end < size) {
      ftruncateSync(fd, end)
      fsyncSync(fd)
    }
  } finally {
    closeSync(fd)
  }
}
