// The journal beside the store file (`<store>.journal`): every change since the store file was last written,
// one JSON line each, appended and flushed to the disk before the change is acknowledged. Writing a change
// costs what the change is, never what the store is; now and then the store file is rewritten with every change
// in it and the journal starts over (compaction, in store.ts).
//
// Only a line's end makes it a change: a process killed mid-append leaves a last line without one, which was
// never acknowledged and is dropped. A broken line anywhere else is damage, and the store refuses to open.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync } from 'node:fs'
import { fdatasync, ftruncate, write, close } from 'node:fs'
import { promisify } from 'node:util'
import { StoreError } from '../errors.js'
import type { ArticleRecord, ClaimRecord, LogEntry, SpeakerRecord, StatementRecord } from './schema.js'

/** One change: the records it created or altered, whole, and the reviewer decision it logged, if any. */
export interface JournalEntry {
  seq: number
  articles?: ArticleRecord[]
  statements?: StatementRecord[]
  claims?: ClaimRecord[]
  speakers?: SpeakerRecord[]
  log?: LogEntry[]
}

/** Reads every whole line of a journal; a missing journal has none. */
export function readJournal(path: string): JournalEntry[] {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new StoreError(`cannot read ${path} (${(error as Error).message}). Check that it is readable.`)
  }
  const whole = bytes.lastIndexOf(0x0a) + 1
  const entries: JournalEntry[] = []
  let start = 0
  let line = 1
  while (start < whole) {
    const end = bytes.indexOf(0x0a, start)
    const text = bytes.toString('utf8', start, end)
    try {
      const entry = JSON.parse(text) as JournalEntry
      if (typeof entry?.seq !== 'number') throw new Error('no seq')
      entries.push(entry)
    } catch {
      throw new StoreError(`${path} is damaged at line ${line}. Restore the store from a backup, or move the journal aside to open the store as it was at its last compaction.`)
    }
    start = end + 1
    line++
  }
  return entries
}

/** The journal a writer appends to. Appends are the caller's to serialise. */
// A plain descriptor rather than a FileHandle: a store a test or a script never closes must not be reported
// as a leak when it is collected.
const writeTo = promisify(write)
const flushToDisk = promisify(fdatasync)
const cutFile = promisify(ftruncate)
const closeFile = promisify(close)

export class Journal {
  #file: number
  /** Bytes known to be whole lines on disk. */
  #size: number

  private constructor(readonly path: string, file: number, size: number) {
    this.#file = file
    this.#size = size
  }

  /** Opens for appending, cutting off a torn last line first. */
  static async open(path: string): Promise<Journal> {
    cutTornTail(path)
    let file: number
    try {
      file = openSync(path, 'a')
    } catch (error) {
      throw new StoreError(`cannot open ${path} for writing (${(error as Error).message}). Check that its folder is writable.`)
    }
    return new Journal(path, file, fstatSync(file).size)
  }

  get size(): number {
    return this.#size
  }

  /** Appends whole lines and flushes them to the disk; on failure the journal is cut back to its last whole line. */
  async append(lines: string): Promise<void> {
    const bytes = Buffer.from(lines, 'utf8')
    try {
      let written = 0
      while (written < bytes.length) written += (await writeTo(this.#file, bytes, written, bytes.length - written)).bytesWritten
      await flushToDisk(this.#file)
      this.#size += bytes.length
    } catch (error) {
      try {
        await cutFile(this.#file, this.#size)
      } catch {
        // the next append cuts it again
      }
      throw new StoreError(`cannot write to ${this.path} (${(error as Error).message}). Check free space and permissions; the change was not stored.`)
    }
  }

  /** Empties the journal once the store file holds everything in it. */
  async restart(): Promise<void> {
    await cutFile(this.#file, 0)
    await flushToDisk(this.#file)
    this.#size = 0
  }

  async close(): Promise<void> {
    await closeFile(this.#file)
  }
}

/**
 * Cuts a file of JSON lines back to its last line end: what follows was a write a killed process never
 * finished, and the next append must not run on from it. A missing file is left missing.
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
