// Ingests run as jobs: the form's POST queues one and answers at once, and the job's page shows how far it got
// (refreshing itself without JavaScript) until it ends on a summary. A job is written to the jobs file
// (jobs-file.ts) before the POST is answered, so after a restart its page still says, from the store, which of
// its articles were stored and which were not; only the store's own write acknowledges an article.
import { randomUUID } from 'node:crypto'
import { InvalidInputError } from '../errors.js'
import { sharedExtractor } from '../ingest/extractor.js'
import { fileArticles, type PendingArticle } from '../ingest/file-articles.js'
import { fingerprint } from '../store/records.js'
import type { ArticleRecord } from '../store/schema.js'
import { errorId } from './error-id.js'
import type { IngestRequest } from './ingest-form.js'
import { type JobReport, jobReport } from './ingest-report.js'
import type { JobLine, JobRecord, JobsFile } from './jobs-file.js'
import type { WebStore } from './web-store.js'

export interface IngestJob {
  id: string
  state: 'running' | 'done' | 'failed'
  /** Articles looked at so far, of `record.queued`. */
  done: number
  record: JobRecord
  /** What the store's write acknowledged, by place in `record.queued`. */
  outcomes: Map<number, { articleId: string; added: boolean; updated?: boolean }>
  statements: number
  claims: number
  /** Why a failed job stopped; what it stored before that stays stored. */
  failure: string | null
}

// Finished jobs kept in memory for their summary pages; the oldest are forgotten first (the jobs file keeps them).
const KEPT = 200

export interface JobsOptions {
  logError?: (error: unknown, id?: string) => void
  /** Where jobs are recorded before they start; without one they live in this process's memory only. */
  file?: JobsFile
}

export class IngestJobs {
  readonly #jobs = new Map<string, IngestJob>()
  readonly #store: WebStore
  readonly #logError: (error: unknown, id?: string) => void
  readonly #jobsFile: JobsFile | undefined

  constructor(store: WebStore, { logError = console.error, file }: JobsOptions = {}) {
    this.#store = store
    this.#logError = logError
    this.#jobsFile = file
  }

  /** The job's page: from this process while it runs here, else from the jobs file and the store. */
  async get(id: string): Promise<JobReport | undefined> {
    const live = this.#jobs.get(id)
    const record = live?.record ?? this.#jobsFile?.get(id)
    if (!record) return undefined
    // A job running here knows what its writes acknowledged; only one from before a restart asks the store.
    return jobReport(record, live, live ? [] : await this.#storedOf(record.queued.map((q) => q.fingerprint)))
  }

  /** The stored articles among these fingerprints, or all of them from a store that keeps them in memory. */
  async #storedOf(prints: string[]): Promise<ArticleRecord[]> {
    return this.#store.articlesByFingerprint ? this.#store.articlesByFingerprint(prints) : this.#store.articles()
  }

  /** Records the job (on disk, when there is a jobs file), then starts the work and returns the job. */
  /** `by`: who corrections of stored articles' facts are logged as (refacts.ts). */
  async start(request: IngestRequest, by?: string): Promise<IngestJob> {
    const prints = request.pending.map(({ article }) => fingerprint(article.text))
    const stored = new Set((await this.#storedOf(prints)).map((a) => a.fingerprint))
    const queued = request.pending.map(({ source, article }, i) => ({
      source,
      fingerprint: prints[i],
      id: article.id ?? null,
      title: article.title ?? null,
      before: stored.has(prints[i]),
    }))
    const id = randomUUID()
    const at = new Date().toISOString()
    await this.#jobsFile?.append({ job: id, at, queued, refused: request.skipped })
    const job: IngestJob = {
      id,
      state: 'running',
      done: 0,
      outcomes: new Map(),
      statements: 0,
      claims: 0,
      failure: null,
      record: this.#jobsFile?.get(id) ?? { id, at, queued, refused: request.skipped, skips: new Map(), ended: null },
    }
    this.#jobs.set(job.id, job)
    this.#forgetOld()
    this.#run(job, request.pending, by)
      .then(() => this.#end(job, 'done', null))
      .catch((error: unknown) => {
        // The page shows the reason: ours are written for the reader; anything else is the operator's, by its id.
        const id = errorId()
        if (!(error instanceof InvalidInputError)) this.#logError(error, id)
        return this.#end(
          job,
          'failed',
          error instanceof InvalidInputError ? error.message : `the server could not file them (error ${id}: its log says why)`,
        )
      })
    return job
  }

  /** Resolves when every job started so far has ended (tests and benches wait on it). */
  async settled(): Promise<void> {
    while ([...this.#jobs.values()].some((job) => job.state === 'running')) await new Promise((resolve) => setTimeout(resolve, 20))
  }

  async #end(job: IngestJob, state: 'done' | 'failed', failure: string | null): Promise<void> {
    await this.#note({ job: job.id, ended: state, failure }).catch((error: unknown) => this.#logError(error, errorId()))
    job.failure = failure
    job.state = state
  }

  /** A line of the job's record: to the jobs file when there is one, else straight into memory. */
  async #note(line: JobLine): Promise<void> {
    if (this.#jobsFile) return this.#jobsFile.append(line)
    const { record } = this.#jobs.get(line.job)!
    if ('skip' in line) record.skips.set(line.skip, line.why)
    else if ('ended' in line) record.ended = { state: line.ended, failure: line.failure }
  }

  /** Files the articles; the job's page follows each one's outcome, a stored one only once it is on the disk. */
  async #run(job: IngestJob, pending: PendingArticle[], by?: string): Promise<void> {
    await fileArticles(this.#store, pending, sharedExtractor(), {
      by,
      onArticle: () => job.done++,
      onOutcome: async (outcome) => {
        if ('skipped' in outcome) return this.#note({ job: job.id, skip: outcome.place, why: outcome.skipped })
        const { articleId, added, statements, claims, updated } = outcome.stored
        job.outcomes.set(outcome.place, { articleId, added, updated })
        if (!added) return
        job.statements += statements
        job.claims += claims
      },
    })
  }

  #forgetOld(): void {
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size <= KEPT) return
      if (job.state !== 'running') this.#jobs.delete(id)
    }
  }
}
