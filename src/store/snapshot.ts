// The store file itself: every record as it stood at one point of the journal (its `seq`). It is plain JSON,
// but laid out one record per line so that it can be written and read a record at a time: a store of 100,000
// statements never sits in memory as one string, which would cost more than the records themselves.
//
//   {"schema":3,"seq":41
//   ,"articles":[
//   {"id":"…",…}
//   ,{"id":"…",…}
//   ]
//   ,"speakers":[
//   …
//   ]
//   ,"check":{"seq":41,"bytes":…,"body":…,"records":{…},"crc":{…}}
//   }
//
// It is only ever replaced whole and atomically: written to a temporary file beside it, flushed to the disk,
// read back against its checksum, renamed over the old one, and the folder flushed, so a crash at any moment
// leaves the old file or the new one, and a disk that filled up midway leaves the old one.
import { createReadStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { crc32 } from 'node:zlib'
import { StoreError } from '../errors.js'
import { damaged } from './line-check.js'
import { type StoreData, TABLES } from './schema.js'
import { writeAll, writeFailed } from './write-all.js'

/**
 * The last line but one of a store file: what the file must hold, so that a file cut short, or with a byte
 * changed, is never taken for the store. `body` is the CRC-32 of every byte before this line; `crc` has each
 * table's rows apart, so that damage can be placed.
 */
export interface SnapshotCheck {
  seq: number
  bytes: number
  body: number
  records: Record<string, number>
  crc: Record<string, number>
}

export interface WriteOptions {
  /** Runs once the new file is written and verified, just before it replaces the old one (a backup of the old). */
  beforeReplace?: () => Promise<void>
}

/**
 * Writes `data` over the file at `path`, atomically, and returns the bytes written. The new file replaces the old
 * one only once every byte of it is on the disk and read back to the same checksum.
 */
export async function writeSnapshot(path: string, data: StoreData, { beforeReplace }: WriteOptions = {}): Promise<number> {
  const temporary = `${path}.writing`
  let bytes = 0
  let body = 0
  try {
    const file = await open(temporary, 'w', 0o600)
    try {
      let chunk = ''
      const flush = async () => {
        const buffer = Buffer.from(chunk, 'utf8')
        await writeAll(file, buffer)
        body = crc32(buffer, body)
        bytes += buffer.length
        chunk = ''
      }
      const put = async (text: string) => {
        chunk += text
        if (chunk.length >= 1 << 20) await flush()
      }
      const { schema } = data
      const seq = data.seq ?? 0
      const check: SnapshotCheck = { seq, bytes: 0, body: 0, records: {}, crc: {} }
      await put(`{"schema":${JSON.stringify(schema)},"seq":${JSON.stringify(seq)}\n`)
      for (const table of TABLES) {
        await put(`,${JSON.stringify(table)}:[\n`)
        const records = data[table] as unknown[]
        let crc = 0
        for (let i = 0; i < records.length; i++) {
          const line = `${i ? ',' : ''}${JSON.stringify(records[i])}\n`
          crc = crc32(line, crc)
          await put(line)
        }
        check.records[table] = records.length
        check.crc[table] = crc
        await put(']\n')
      }
      await flush()
      check.bytes = bytes
      check.body = body
      await writeAll(file, Buffer.from(`,"check":${JSON.stringify(check)}\n}\n`, 'utf8'))
      await file.sync()
    } finally {
      await file.close()
    }
    await verifyWritten(temporary, bytes, body)
  } catch (error) {
    await rm(temporary, { force: true })
    if (error instanceof StoreError) throw error
    throw writeFailed(temporary, error, `${path} was left as it was and the journal still holds every change.`)
  }
  try {
    await beforeReplace?.()
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  await rename(temporary, path)
  await syncFolder(path)
  return bytes
}

/** Reads a just-written file back: its body must have the checksum it was written with, and its trailer must follow. */
async function verifyWritten(path: string, bytes: number, body: number): Promise<void> {
  let crc = 0
  let seen = 0
  let tail = ''
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const inBody = Math.max(0, Math.min(chunk.length, bytes - seen))
    crc = crc32(chunk.subarray(0, inBody), crc)
    tail += chunk.toString('utf8', inBody)
    seen += chunk.length
  }
  if (seen < bytes || crc !== body || !tail.startsWith(',"check":') || !tail.endsWith('\n}\n')) {
    throw new StoreError(
      `the new ${path} did not read back as it was written (${seen} bytes); the store file was left as it was and the journal still holds every change. Check the disk.`,
    )
  }
}

/** A rename is durable once the folder holding it is flushed. */
export async function syncFolder(path: string): Promise<void> {
  const folder = await open(dirname(path), 'r')
  try {
    await folder.sync()
  } catch {
    // some file systems cannot flush a folder; the rename is then as durable as they make it
  } finally {
    await folder.close()
  }
}

/** A store file as read: its records, and whether it carried the trailer it is checked against. */
export interface Snapshot {
  data: Record<string, unknown>
  checked: boolean
}

/**
 * Reads a snapshot a line at a time, checking each table against the file's trailer. Answers null when the file
 * is not in the one-record-per-line layout (an older store, or one edited by hand), and the caller parses it
 * whole instead; undefined for an empty file. A file in the layout that is cut, altered or out of order is
 * refused with the line where it goes wrong.
 */
export async function readSnapshot(path: string): Promise<Snapshot | null | undefined> {
  const lines = new Lines(path)
  let at = 1
  const next = async () => {
    const line = await lines.next()
    if (line !== null) at++
    return line
  }
  const wrong = (what: string) => damaged(path, at, what, path)
  try {
    const head = await lines.next()
    if (head === null) return undefined
    if (!head.startsWith('{"schema":') || head.endsWith('}')) return null
    let data: Record<string, unknown>
    try {
      data = JSON.parse(`${head}}`) as Record<string, unknown>
    } catch {
      return null // not the layout after all: the caller reads it whole
    }
    const seen: Record<string, { crc: number; from: number; to: number }> = {}
    let check: SnapshotCheck | undefined
    for (let line = await next(); line !== '}'; line = await next()) {
      if (line === null) throw wrong('the file ends before its last line: it was cut short')
      if (line.startsWith(',"check":')) {
        check = parseCheck(line.slice(9), wrong)
        continue
      }
      const opens = /^,("[a-z]+"):\[$/.exec(line)
      if (!opens || check) throw wrong('a table was expected to begin here')
      const name = JSON.parse(opens[1]) as string
      const table: unknown[] = []
      data[name] = table
      let crc = 0
      const from = at + 1
      for (let row = await next(); row !== ']'; row = await next()) {
        if (row === null) throw wrong('the file ends inside a table: it was cut short')
        crc = crc32(`${row}\n`, crc)
        try {
          table.push(record(row))
        } catch {
          throw wrong(`a ${name} record here is not valid JSON`)
        }
      }
      seen[name] = { crc, from, to: at - 1 }
    }
    for (let rest = await lines.next(); rest !== null; rest = await lines.next()) {
      if (rest.trim() !== '') throw wrong("there is more after the store's last line")
    }
    if (check) compare(check, data, seen, path)
    return { data, checked: check !== undefined }
  } finally {
    lines.close()
  }
}

function parseCheck(json: string, wrong: (what: string) => StoreError): SnapshotCheck {
  try {
    const check = JSON.parse(json) as SnapshotCheck
    if (typeof check.seq === 'number' && typeof check.records === 'object' && typeof check.crc === 'object') return check
  } catch {
    // said below
  }
  throw wrong("the store's check line is damaged")
}

/** Each table as read against what the trailer says was written. */
function compare(
  check: SnapshotCheck,
  data: Record<string, unknown>,
  seen: Record<string, { crc: number; from: number; to: number }>,
  path: string,
): void {
  if (check.seq !== data.seq) throw damaged(path, 1, `it says change ${String(data.seq)} where its check line says ${check.seq}`, path)
  for (const table of TABLES) {
    const read = seen[table]
    const rows = (data[table] as unknown[] | undefined)?.length
    if (!read) throw damaged(path, 1, `its ${table} table is missing`, path)
    if (rows !== check.records[table] || read.crc !== check.crc[table]) {
      throw damaged(
        path,
        read.from,
        `the ${table} (lines ${read.from} to ${read.to}) are not what was written: ${rows} read where ${check.records[table]} were written, or a byte changed`,
        path,
      )
    }
  }
}

/** A record's line: every one after the first of its table begins with the comma that separates it. */
export function record(line: string): unknown {
  return JSON.parse(line.charCodeAt(0) === 44 ? line.slice(1) : line)
}

/** A file's lines, one at a time or all the whole lines of the next chunk at once. */
export class Lines {
  readonly #chunks: AsyncIterator<Buffer>
  #rest: Buffer = Buffer.alloc(0)
  #ready: string[] = []
  #done = false

  constructor(path: string) {
    this.#chunks = (createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  }

  async next(): Promise<string | null> {
    while (!this.#ready.length) if (!(await this.#read())) return null
    return this.#ready.shift()!
  }

  /** The lines read and not yet taken, or the next chunk's. */
  async batch(): Promise<string[] | null> {
    while (!this.#ready.length) if (!(await this.#read())) return null
    const lines = this.#ready
    this.#ready = []
    return lines
  }

  close(): void {
    void this.#chunks.return?.()
  }

  async #read(): Promise<boolean> {
    if (this.#done) return false
    const { value, done } = await this.#chunks.next()
    if (done) {
      this.#done = true
      if (this.#rest.length) this.#ready.push(this.#rest.toString('utf8'))
      this.#rest = Buffer.alloc(0)
      return this.#ready.length > 0
    }
    const bytes = this.#rest.length ? Buffer.concat([this.#rest, value]) : value
    let start = 0
    for (let end = bytes.indexOf(0x0a); end >= 0; end = bytes.indexOf(0x0a, start)) {
      this.#ready.push(bytes.toString('utf8', start, end))
      start = end + 1
    }
    this.#rest = bytes.subarray(start)
    return true
  }
}
