// Ingests run as jobs: the form's POST starts one and answers at once, and the job's page shows how far it
// got (refreshing itself without JavaScript) until it ends on a summary. Jobs live in this process's memory:
// what they stored is in the store, and a restarted server simply forgets the progress pages.
import { randomUUID } from 'node:crypto'
import { InvalidInputError, TooLargeError } from '../errors.js'
import { sharedExtractor } from '../ingest/extractor.js'
import type { ExtractedArticle } from '../store/store.js'
import type { IngestRequest, PendingArticle } from './ingest-form.js'
import type { WebStore } from './web-store.js'

export interface IngestJob {
  id: string
  total: number
  done: number
  state: 'running' | 'done' | 'failed'
  added: Array<{ id: string; title: string | null; statements: number }>
  alreadyStored: number
  statements: number
  claims: number
  skipped: string[]
  /** Why a failed job stopped; what it stored before that stays stored. */
  failure: string | null
}

// Articles filed per store change: one journal line and one flush to the disk each, so a long .jsonl is batched.
const BATCH = 20
// Finished jobs kept for their summary pages; the oldest are forgotten first.
const KEPT = 200

export class IngestJobs {
  readonly #jobs = new Map<string, IngestJob>()
  readonly #store: WebStore
  readonly #logError: (error: unknown) => void

  constructor(store: WebStore, logError: (error: unknown) => void = console.error) {
    this.#store = store
    this.#logError = logError
  }

  get(id: string): IngestJob | undefined {
    return this.#jobs.get(id)
  }

  /** Starts the work and returns its job at once. */
  start(request: IngestRequest): IngestJob {
    const job: IngestJob = {
      id: randomUUID(), total: request.pending.length + request.skipped.length, done: request.skipped.length, state: 'running',
      added: [], alreadyStored: 0, statements: 0, claims: 0, skipped: [...request.skipped], failure: null,
    }
    this.#jobs.set(job.id, job)
    this.#forgetOld()
    this.#run(job, request.pending).catch((error: unknown) => {
      job.state = 'failed'
      job.failure = error instanceof Error ? error.message : String(error)
      this.#logError(error)
    })
    return job
  }

  /** Resolves when every job started so far has ended (tests and benches wait on it). */
  async settled(): Promise<void> {
    while ([...this.#jobs.values()].some((job) => job.state === 'running')) await new Promise((resolve) => setTimeout(resolve, 20))
  }

  async #run(job: IngestJob, pending: PendingArticle[]): Promise<void> {
    const extractor = sharedExtractor()
    const texts = new Map<string, string>() // id → text, for the ids this job gave out
    let batch: Array<{ source: string; extracted: ExtractedArticle }> = []
    for (const { source, article } of pending) {
      // Extraction holds the thread; let the progress page be answered between articles.
      await new Promise((resolve) => setImmediate(resolve))
      const id = article.id
      const holder = id === undefined ? undefined : texts.get(id) ?? (await this.#store.article(id))?.text
      if (holder !== undefined) {
        // The store would refuse the whole batch for it; one line reusing an id should cost only that line.
        if (holder === article.text) job.alreadyStored++
        else job.skipped.push(`${source}: id "${id}" already names another article. Give this one a different id.`)
        job.done++
        continue
      }
      // In an extraction thread; one past the time budget is skipped with the reason.
      const extraction = await extractor.extract(article).catch((error: unknown) => {
        if (!(error instanceof TooLargeError)) throw error
        job.skipped.push(`${source}: ${error.message}`)
        return null
      })
      if (!extraction) {
        job.done++
        continue
      }
      if (id) texts.set(id, article.text)
      batch.push({ source, extracted: { article, extraction } })
      if (batch.length >= BATCH) {
        await this.#file(job, batch)
        batch = []
      }
      job.done++
    }
    await this.#file(job, batch)
    job.state = 'done'
  }

  async #file(job: IngestJob, batch: Array<{ source: string; extracted: ExtractedArticle }>): Promise<void> {
    if (batch.length === 0) return
    const results = await this.#store.addArticles(batch.map((b) => b.extracted)).catch(async (error: unknown) => {
      // The store refuses a whole batch for one article's id; file them one by one so only that one is left out.
      if (!(error instanceof InvalidInputError) || batch.length === 1) throw error
      return null
    })
    if (results === null) {
      for (const one of batch) {
        try {
          await this.#file(job, [one])
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error
          job.skipped.push(`${one.source}: ${error.message}`)
        }
      }
      return
    }
    results.forEach((result, i) => {
      if (!result.added) {
        job.alreadyStored++
        return
      }
      job.added.push({ id: result.articleId, title: batch[i].extracted.article.title ?? null, statements: result.statements })
      job.statements += result.statements
      job.claims += result.claims
    })
  }

  #forgetOld(): void {
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size <= KEPT) return
      if (job.state !== 'running') this.#jobs.delete(id)
    }
  }
}
