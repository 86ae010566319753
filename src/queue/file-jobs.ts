// One batch of jobs, as a worker takes it: every article extracted on the threads, those extracted filed in one
// call, then each job settled by what became of its article. Nothing here is completed before the filing has
// resolved.
import type PgBoss from 'pg-boss'
import { InvalidInputError } from '../errors.js'
import type { Extractor } from '../ingest/extractor.js'
import { INGEST_BY, newFacts } from '../ingest/refacts.js'
import type { ExtractedArticle } from '../store/store.js'
import type { AddResult } from '../store/views.js'
import type { ArticleFiler } from './filer.js'
import type { ArticleJob, ArticleQueue } from './queue.js'
import { complete, fail, refuse } from './settle.js'

export type TakenJob = PgBoss.JobWithMetadata<ArticleJob>

/** What a worker says as it goes: one line per job, for its log. Messages leave the job's source to the log. */
export interface WorkLog {
  filed(job: TakenJob, result: AddResult): void
  /** `retry`: the job will be tried again; otherwise it is dead-lettered. */
  failed(job: TakenJob, message: string, retry: boolean): void
}

type Looked = { job: TakenJob; extracted: ExtractedArticle } | { job: TakenJob; refused: string } | { job: TakenJob; failed: string }

export async function fileJobs(
  queue: ArticleQueue,
  jobs: TakenJob[],
  extractor: Extractor,
  filer: ArticleFiler,
  log: WorkLog,
): Promise<void> {
  // A job delivered again after its article was filed (its worker died before settling it) is settled as filed.
  const stored = filer.storedIds ? await filer.storedIds(jobs.map((job) => job.data.article.text)) : []
  const fresh: TakenJob[] = []
  for (const [i, job] of jobs.entries()) {
    const articleId = stored[i]
    if (articleId === undefined) {
      fresh.push(job)
      continue
    }
    // Queued again with other facts (a title, a date it lacked), the stored article takes them (refacts.ts).
    const record = filer.article && filer.decide ? await filer.article(articleId) : undefined
    const facts = record && newFacts(record, job.data.article)
    if (facts) await filer.decide!({ action: 'set-article', article: articleId, facts }, INGEST_BY)
    const result = { articleId, added: false, statements: 0, claims: 0, ...(facts ? { updated: true } : {}) }
    await complete(queue, job.id, result)
    log.filed(job, result)
  }
  const looked = await Promise.all(fresh.map((job) => extract(job, extractor)))
  const ready: Array<{ job: TakenJob; extracted: ExtractedArticle }> = []
  for (const one of looked) {
    if ('extracted' in one) ready.push(one)
    else if ('refused' in one) await refuseJob(queue, one.job, one.refused, log)
    else await failJob(queue, one.job, one.failed, log)
  }
  if (ready.length === 0) return
  let filed: Array<AddResult | InvalidInputError>
  try {
    filed = await fileAll(
      filer,
      ready.map((r) => r.extracted),
    )
  } catch (error) {
    // The store failed (down, full, locked): every article of the filing is tried again after its backoff.
    for (const { job } of ready) await failJob(queue, job, `filing failed: ${(error as Error).message}`, log)
    return
  }
  for (const [i, { job }] of ready.entries()) {
    const result = filed[i]
    if (result instanceof InvalidInputError) await refuseJob(queue, job, result.message, log)
    else {
      await complete(queue, job.id, result)
      log.filed(job, result)
    }
  }
}

async function extract(job: TakenJob, extractor: Extractor): Promise<Looked> {
  try {
    return { job, extracted: { article: job.data.article, extraction: await extractor.extract(job.data.article) } }
  } catch (error) {
    // Too large, past its time budget: the pipeline would refuse it again.
    if (error instanceof InvalidInputError) return { job, refused: error.message }
    // A thread that died (out of memory) or a pipeline bug: worth another try, and dead-lettered if it recurs.
    return { job, failed: `extracting failed: ${(error as Error).message}` }
  }
}

/** The store's answer for each article; one it refuses (its id names another text) costs only that article. */
async function fileAll(filer: ArticleFiler, batch: ExtractedArticle[]): Promise<Array<AddResult | InvalidInputError>> {
  try {
    return await filer.addArticles(batch)
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    if (batch.length === 1) return [error]
    const answers: Array<AddResult | InvalidInputError> = []
    for (const one of batch) answers.push(...(await fileAll(filer, [one])))
    return answers
  }
}

async function refuseJob(queue: ArticleQueue, job: TakenJob, message: string, log: WorkLog): Promise<void> {
  await refuse(queue, job.id, message)
  log.failed(job, message, false)
}

async function failJob(queue: ArticleQueue, job: TakenJob, message: string, log: WorkLog): Promise<void> {
  await fail(queue, job.id, message)
  log.failed(job, message, job.retryCount < job.retryLimit)
}
