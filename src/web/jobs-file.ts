// The ingest form's jobs on disk (`<store>.jobs`, one JSON line per event), so that a job page still says what
// was stored after the server was killed: the form's 303 only says "queued", and this file is what lets the
// page, after a restart, tell the articles the store holds from those it never received. It keeps each
// article's fingerprint, never its text: texts are kept where the store keeps them, once stored.
import { readFileSync } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { StoreError } from '../errors.js'
import { cutTornTail } from '../store/journal.js'

/** One article of a job as it was queued. */
export interface QueuedArticle {
  source: string
  /** sha256 of the text, as the store keeps it (store/records.ts). */
  fingerprint: string
  id: string | null
  title: string | null
  /** The store held this text already when the job was queued. */
  before: boolean
}

/** What the file says of one job. */
export interface JobRecord {
  id: string
  at: string
  queued: QueuedArticle[]
  /** Lines of a .jsonl file refused before the job was queued, each with its reason. */
  refused: string[]
  /** Articles left out while the job ran, by their place in `queued`. */
  skips: Map<number, string>
  ended: { state: 'done' | 'failed'; failure: string | null } | null
}

export type JobLine =
  | { job: string; at: string; queued: QueuedArticle[]; refused: string[] }
  | { job: string; skip: number; why: string }
  | { job: string; ended: 'done' | 'failed'; failure: string | null }

export const jobsPath = (storePath: string) => `${storePath}.jobs`

export class JobsFile {
  readonly #jobs = new Map<string, JobRecord>()
  // Appends go out one at a time, in the order they were asked for.
  #queue: Promise<unknown> = Promise.resolve()
  #opened = false

  private constructor(readonly path: string) {}

  /** Reads the file; a line half-written when the server was killed was never acknowledged, and is cut. */
  static open(path: string): JobsFile {
    const file = new JobsFile(path)
    cutTornTail(path)
    let content = ''
    try {
      content = readFileSync(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new StoreError(`cannot read ${path} (${(error as Error).message}). Check that it is readable.`)
    }
    for (const line of content.split('\n')) {
      if (!line) continue
      try {
        file.#apply(JSON.parse(line) as JobLine)
      } catch {
        // a line damaged by hand: the store itself still says what is stored
      }
    }
    return file
  }

  get(id: string): JobRecord | undefined {
    return this.#jobs.get(id)
  }

  /** Appends one line and flushes it to the disk; resolves only once it is there. A short write throws. */
  append(line: JobLine): Promise<void> {
    const written = this.#queue.then(() => this.#write(line))
    this.#queue = written.catch(() => undefined)
    return written
  }

  async #write(line: JobLine): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`)
    let file: FileHandle | undefined
    try {
      // Only whoever runs the server reads it: it names the articles sent, and who knows what they hold.
      file = await open(this.path, 'a', 0o600)
      if (!this.#opened) await file.chmod(0o600)
      this.#opened = true
      const { bytesWritten } = await file.write(bytes, 0, bytes.length)
      if (bytesWritten !== bytes.length) throw new Error(`only ${bytesWritten} of ${bytes.length} bytes were written`)
      await file.datasync()
    } catch (error) {
      try {
        cutTornTail(this.path)
      } catch {
        // the next open cuts it
      }
      throw new StoreError(
        `cannot write to ${this.path} (${(error as Error).message}). Check free space and permissions; nothing was queued.`,
      )
    } finally {
      await file?.close()
    }
    this.#apply(line)
  }

  #apply(line: JobLine): void {
    if ('queued' in line) {
      this.#jobs.set(line.job, { id: line.job, at: line.at, queued: line.queued, refused: line.refused, skips: new Map(), ended: null })
      return
    }
    const job = this.#jobs.get(line.job)
    if (!job) return
    if ('skip' in line) job.skips.set(line.skip, line.why)
    else job.ended = { state: line.ended, failure: line.failure }
  }
}
