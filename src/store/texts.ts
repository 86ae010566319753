// The articles' texts, kept out of the store file (`<store>.texts`, one checked line per article): they are most
// of its bytes and never change once stored, so the file that is rewritten at compaction does not carry them.
// Appended and flushed before the journal line that files the article, so a filed article always has its text;
// each line also holds the article's record, so `claimtrail repair` can file again an article whose journal line
// was lost. Line n says it is line n (`seq`): a line deleted or repeated is found when the file is read.
import { closeSync, fdatasync, fstatSync, ftruncate, openSync, readFileSync, readSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { promisify } from 'node:util'
import { StoreError } from '../errors.js'
import { cutTornTail, FILE_MODE } from './journal.js'
import { checkedLine, damaged, lineJson } from './line-check.js'
import type { ArticleRecord } from './schema.js'
import { syncFolder } from './snapshot.js'
import { writeAll, writeFailed, writeLines } from './write-all.js'

export interface ArticleText {
  id: string
  text: string
  /** The article's record as it was filed; missing on lines written before texts carried it. */
  article?: ArticleRecord
}

/** Where an article's line is in the texts file, in bytes: its text is read from there when asked for. */
export interface TextAt {
  start: number
  end: number
}

export interface TextsRead {
  /** Each article's line. The texts themselves are not kept: at 15,000 articles they were 27 MB of the heap. */
  texts: Map<string, TextAt>
  /** Whole lines, and the bytes they take. */
  lines: number
  size: number
  /** Some lines were written before lines carried a checksum. */
  legacy: boolean
}

/** Reads and checks every whole line; a missing file has none. */
export function readTexts(path: string, store = path.replace(/\.texts$/, '')): TextsRead {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { texts: new Map(), lines: 0, size: 0, legacy: false }
    throw new StoreError(`cannot read ${path} (${(error as Error).message}). Check that it is readable.`)
  }
  const size = bytes.lastIndexOf(0x0a) + 1
  const texts = new Map<string, TextAt>()
  let legacy = false
  let checkedSeen = false
  let line = 0
  for (let start = 0; start < size; ) {
    const end = bytes.indexOf(0x0a, start)
    const text = bytes.toString('utf8', start, end)
    const at = { start, end }
    start = end + 1
    line++
    let entry: ArticleText & { seq?: unknown }
    let checked: boolean
    try {
      const parsed = lineJson(text)
      checked = parsed.checked
      entry = JSON.parse(parsed.json) as ArticleText & { seq?: unknown }
      if (typeof entry?.id !== 'string' || typeof entry.text !== 'string') throw new Error('it holds no article text')
    } catch (error) {
      throw damaged(path, line, (error as Error).message, store)
    }
    // Lines from before checksums may only open the file; after the first checked line every line is checked.
    if (!checked) {
      if (checkedSeen) throw damaged(path, line, 'it has no checksum', store)
      legacy = true
    } else {
      checkedSeen = true
      if (entry.seq !== line) {
        const what =
          typeof entry.seq === 'number' && entry.seq < line
            ? `it repeats line ${entry.seq}`
            : `it says it is line ${String(entry.seq)}: lines before it are missing`
        throw damaged(path, line, what, store)
      }
    }
    texts.set(entry.id, at)
  }
  return { texts, lines: line, size, legacy }
}

/** The lines `readTexts` found (or those of `ids`), read again one at a time: a backup, an upgrade. */
export function* eachText(path: string, read: TextsRead, ids: Iterable<string> = read.texts.keys()): Generator<ArticleText> {
  for (const id of ids) {
    const at = read.texts.get(id)
    const entry = at && readTextAt(path, id, at)
    if (!entry) throw new StoreError(`${path} changed while it was being read (article ${id}). Nothing was changed: try again.`)
    yield entry
  }
}

/**
 * An article's text by id, read from the texts file when asked for (the last one kept, as rows come an article
 * at a time): what a streamed export needs beside its statements, with no text held.
 */
export function textLookup(path: string): (id: string) => string | undefined {
  const { texts } = readTexts(path)
  let last: { id: string; text: string | undefined } | undefined
  return (id) => {
    if (last?.id !== id) {
      const at = texts.get(id)
      last = { id, text: at && readTextAt(path, id, at)?.text }
    }
    return last.text
  }
}

/**
 * One article's line, read again from where `readTexts` found it. Undefined when the line there is not that
 * article's (the file was written anew since: a repair, an upgrade), so the caller reads the file again.
 */
export function readTextAt(path: string, id: string, { start, end }: TextAt): ArticleText | undefined {
  const bytes = Buffer.alloc(end - start)
  let file: number
  try {
    file = openSync(path, 'r')
  } catch (error) {
    throw new StoreError(`cannot read ${path} (${(error as Error).message}). Check that it is readable.`)
  }
  try {
    for (let got = 0; got < bytes.length; ) {
      const n = readSync(file, bytes, got, bytes.length - got, start + got)
      if (n === 0) return undefined
      got += n
    }
  } finally {
    closeSync(file)
  }
  try {
    const entry = JSON.parse(lineJson(bytes.toString('utf8')).json) as ArticleText
    return entry?.id === id && typeof entry.text === 'string' ? entry : undefined
  } catch {
    return undefined
  }
}

const flushToDisk = promisify(fdatasync)
const cutFile = promisify(ftruncate)

export class ArticleTexts {
  #texts: Map<string, TextAt> | undefined
  #file: number | undefined
  #size = 0
  #lines = 0

  constructor(readonly path: string) {}

  /** Opens for appending (a writer), cutting a torn last line first and reading what is there. */
  openForWriting(read: TextsRead): void {
    cutTornTail(this.path)
    this.#texts = read.texts
    this.#lines = read.lines
    try {
      this.#file = openSync(this.path, 'a', FILE_MODE)
    } catch (error) {
      throw new StoreError(`cannot open ${this.path} for writing (${(error as Error).message}). Check that its folder is writable.`)
    }
    this.#size = fstatSync(this.#file).size
  }

  /** What was read when the store opened, so the first page asking for a text does not read the file again. */
  adopt(read: TextsRead): void {
    this.#texts = read.texts
  }

  /** An article's text; undefined for an id never stored. */
  get(id: string): string | undefined {
    return this.entry(id)?.text
  }

  /** An article's line: its text and, on lines that carry it, the record it was filed with. */
  entry(id: string): ArticleText | undefined {
    const at = this.#load().get(id)
    if (!at) return undefined
    const entry = readTextAt(this.path, id, at)
    if (entry) return entry
    // Written anew since it was read: read where every line is now, once.
    this.#texts = undefined
    const now = this.#load().get(id)
    return now && readTextAt(this.path, id, now)
  }

  /** Bytes on disk: where `cutBack` returns to when what follows must be undone. */
  get size(): number {
    return this.#size
  }

  /** Appends texts and flushes them to the disk; on failure the file is cut back to where it was. */
  async append(texts: ArticleText[]): Promise<void> {
    if (!texts.length) return
    if (this.#file === undefined) throw new StoreError(`${this.path} was opened for reading only; nothing was written.`)
    const first = this.#lines + 1
    // Made a line at a time as they are written: thousands of texts are never one string.
    const at: TextAt[] = []
    let start = this.#size
    const lines = (function* () {
      for (const [i, entry] of texts.entries()) {
        const line = checkedLine(JSON.stringify({ seq: first + i, id: entry.id, article: entry.article, text: entry.text }))
        const end = start + Buffer.byteLength(line) - 1
        at.push({ start, end })
        start = end + 1
        yield line
      }
    })()
    let bytes = 0
    try {
      bytes = await writeLines(this.#file, lines)
      await flushToDisk(this.#file)
    } catch (error) {
      await this.cutBack(this.#size, this.#lines).catch(() => undefined)
      throw writeFailed(this.path, error, 'the article was not stored.')
    }
    this.#size += bytes
    this.#lines += texts.length
    const loaded = this.#load()
    for (const [i, { id }] of texts.entries()) loaded.set(id, at[i])
  }

  /** Takes back what was appended after `size` bytes and `lines` lines (the change they belonged to was not stored). */
  async cutBack(size: number, lines: number): Promise<void> {
    if (this.#file === undefined) return
    await cutFile(this.#file, size)
    await flushToDisk(this.#file)
    this.#size = size
    this.#lines = lines
    this.#texts = undefined
  }

  get lines(): number {
    return this.#lines
  }

  close(): void {
    if (this.#file !== undefined) closeSync(this.#file)
    this.#file = undefined
  }

  /** Writes every text anew, atomically (an upgrade from a file that held them, or a repair). */
  static async replace(path: string, texts: Iterable<ArticleText>): Promise<void> {
    const temporary = `${path}.writing`
    const file = await open(temporary, 'w', FILE_MODE)
    try {
      let seq = 0
      for (const entry of texts)
        await writeAll(
          file,
          Buffer.from(checkedLine(JSON.stringify({ seq: ++seq, id: entry.id, article: entry.article, text: entry.text }))),
        )
      await file.sync()
    } catch (error) {
      await file.close()
      await rm(temporary, { force: true })
      // Reading the texts being written failed, not the writing: its own message says what to do.
      throw error instanceof StoreError ? error : writeFailed(temporary, error, `${path} was left as it was.`)
    }
    await file.close()
    await rename(temporary, path)
    await syncFolder(path)
  }

  #load(): Map<string, TextAt> {
    this.#texts ??= readTexts(this.path).texts
    return this.#texts
  }
}
