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
//   ]}
//
// It is only ever replaced whole and atomically: written to a temporary file beside it, flushed to the disk,
// renamed over the old one, and the folder flushed, so a crash at any moment leaves the old file or the new one.
import { createReadStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { TABLES, type StoreData } from './schema.js'

/** Writes `data` over the file at `path`, atomically, and returns the bytes written. */
export async function writeSnapshot(path: string, data: StoreData): Promise<number> {
  const temporary = `${path}.writing`
  const file = await open(temporary, 'w')
  let bytes = 0
  try {
    let chunk = ''
    const put = async (text: string) => {
      chunk += text
      if (chunk.length < 1 << 20) return
      bytes += (await file.write(chunk)).bytesWritten
      chunk = ''
    }
    const { schema, seq } = data
    await put(`{"schema":${JSON.stringify(schema)},"seq":${JSON.stringify(seq ?? 0)}\n`)
    for (const table of TABLES) {
      await put(`,${JSON.stringify(table)}:[\n`)
      const records = data[table] as unknown[]
      for (let i = 0; i < records.length; i++) await put(`${i ? ',' : ''}${JSON.stringify(records[i])}\n`)
      await put(']\n')
    }
    await put('}\n')
    bytes += (await file.write(chunk)).bytesWritten
    await file.sync()
  } catch (error) {
    await file.close().catch(() => undefined)
    await rm(temporary, { force: true })
    throw error
  }
  await file.close()
  await rename(temporary, path)
  await syncFolder(path)
  return bytes
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

/**
 * Reads a snapshot a line at a time. Answers null when the file is not in the one-record-per-line layout (an
 * older store, or one edited by hand), and the caller parses it whole instead. A file that is empty answers
 * undefined.
 */
export async function readSnapshot(path: string): Promise<Record<string, unknown> | null | undefined> {
  const lines = new Lines(path)
  try {
    const head = await lines.next()
    if (head === null) return undefined
    if (!head.startsWith('{"schema":') || head.endsWith('}')) return null
    const data = JSON.parse(`${head}}`) as Record<string, unknown>
    for (let line = await lines.next(); line !== '}'; line = await lines.next()) {
      const opens = line === null ? null : /^,("[a-z]+"):\[$/.exec(line)
      if (!opens) return null
      const table: unknown[] = []
      data[JSON.parse(opens[1]) as string] = table
      for (let row = await lines.next(); row !== ']'; row = await lines.next()) {
        if (row === null) return null
        table.push(record(row))
      }
    }
    for (let rest = await lines.next(); rest !== null; rest = await lines.next()) if (rest.trim() !== '') return null
    return data
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error
    return null
  } finally {
    lines.close()
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
