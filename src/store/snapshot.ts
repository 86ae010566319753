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
import { createInterface } from 'node:readline'
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
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  const data: Record<string, unknown> = {}
  let table: unknown[] | null = null
  let state: 'head' | 'between' | 'rows' | 'end' = 'head'
  let any = false
  try {
    for await (const line of lines) {
      any = true
      if (state === 'head') {
        if (!line.startsWith('{"schema":') || line.endsWith('}')) return null
        Object.assign(data, JSON.parse(`${line}}`))
        state = 'between'
      } else if (state === 'between') {
        const opens = /^,("[a-z]+"):\[$/.exec(line)
        if (opens) {
          table = []
          data[JSON.parse(opens[1]) as string] = table
          state = 'rows'
        } else if (line === '}') state = 'end'
        else return null
      } else if (state === 'rows') {
        if (line === ']') state = 'between'
        else table!.push(JSON.parse(line.startsWith(',') ? line.slice(1) : line))
      } else if (line.trim() !== '') return null
    }
  } catch {
    return null
  } finally {
    lines.close()
  }
  if (!any) return undefined
  return state === 'end' ? data : null
}
