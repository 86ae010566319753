// The articles' texts, kept out of the store file (`<store>.texts`, one JSON line per article): they are most
// of its bytes and never change once stored, so the file that is rewritten at compaction does not carry them.
// Appended and flushed before the journal line that files the article, so a filed article always has its text.
// Read in only when a page first asks for one: listing claims or exporting tables never needs them.
import { readFileSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { StoreError } from '../errors.js'
import { cutTornTail } from './journal.js'
import { syncFolder } from './snapshot.js'

export class ArticleTexts {
  #texts: Map<string, string> | undefined

  constructor(readonly path: string) {}

  /** An article's text; undefined for an id never stored. */
  get(id: string): string | undefined {
    return this.#load().get(id)
  }

  /** Appends texts and flushes them to the disk. */
  async append(texts: Array<{ id: string; text: string }>): Promise<void> {
    if (!texts.length) return
    const lines = texts.map((entry) => `${JSON.stringify(entry)}\n`).join('')
    let file
    try {
      file = await open(this.path, 'a')
      await file.write(lines)
      await file.datasync()
    } catch (error) {
      try {
        cutTornTail(this.path)
      } catch {
        // the writer's next open cuts it
      }
      throw new StoreError(`cannot write to ${this.path} (${(error as Error).message}). Check free space and permissions; the article was not stored.`)
    } finally {
      await file?.close()
    }
    if (this.#texts) for (const { id, text } of texts) this.#texts.set(id, text)
  }

  /** Writes every text anew, atomically (when a store is upgraded from a file that held them). */
  static async replace(path: string, texts: Array<{ id: string; text: string }>): Promise<void> {
    const temporary = `${path}.writing`
    const file = await open(temporary, 'w')
    try {
      for (const entry of texts) await file.write(`${JSON.stringify(entry)}\n`)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, path)
    await syncFolder(path)
  }

  #load(): Map<string, string> {
    if (this.#texts) return this.#texts
    const texts = new Map<string, string>()
    let content = ''
    try {
      content = readFileSync(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new StoreError(`cannot read ${this.path} (${(error as Error).message}). Check that it is readable.`)
      }
    }
    for (const line of content.split('\n')) {
      if (!line) continue
      try {
        const { id, text } = JSON.parse(line) as { id: string; text: string }
        texts.set(id, text)
      } catch {
        // a torn last line: its article was never filed
      }
    }
    this.#texts = texts
    return texts
  }
}
