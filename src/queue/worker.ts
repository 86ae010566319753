// A worker: takes jobs from the articles queue and files them, until stopped. Any number run side by side, on
// any number of machines: pg-boss hands each job to one of them (SELECT … FOR UPDATE SKIP LOCKED).
//
// Concurrency N is N extraction threads and N subscriptions to the queue, each taking up to BATCH jobs at a time
// and filing them in one call: while one subscription files, the others' articles keep the threads busy, and the
// store is written once a batch rather than once an article.
import { type Extractor, openExtractor } from '../ingest/extractor.js'
import { fileJobs, type WorkLog } from './file-jobs.js'
import type { ArticleFiler } from './filer.js'
import { ARTICLES } from './names.js'
import type { ArticleJob, ArticleQueue } from './queue.js'

// Jobs a subscription takes at a time: few, since each is held (and expires) from the moment it is taken.
const BATCH = 4
// How often an idle subscription asks for work; a busy one asks again as soon as its batch is settled.
const POLL_SECONDS = 1

export interface WorkerOptions {
  concurrency: number
  log: WorkLog
  batchSize?: number
  /** Threads of the caller's, which it closes; by default the worker opens `concurrency` of its own. */
  extractor?: Extractor
}

export interface RunningWorker {
  /** Stops taking jobs, settles those in hand (up to a minute), then closes the queue and the threads. */
  stop(): Promise<void>
}

/** Starts taking jobs once the threads have loaded the pipeline; the worker closes `queue` when stopped. */
export async function startWorker(
  queue: ArticleQueue,
  filer: ArticleFiler,
  { concurrency, log, batchSize = BATCH, extractor: given }: WorkerOptions,
): Promise<RunningWorker> {
  const extractor = given ?? (await openExtractor(concurrency))
  const closeThreads = () => (given ? Promise.resolve() : extractor.close())
  try {
    await warmUp(extractor, concurrency)
    const options = { batchSize, pollingIntervalSeconds: POLL_SECONDS, includeMetadata: true as const }
    for (let i = 0; i < concurrency; i++)
      await queue.boss.work<ArticleJob>(ARTICLES, options, (jobs) => fileJobs(queue, jobs, extractor, filer, log))
  } catch (error) {
    await closeThreads()
    throw error
  }
  let stopping: Promise<void> | undefined
  return {
    stop() {
      stopping ??= queue.close().finally(closeThreads)
      return stopping
    },
  }
}

// A job's time runs from when it is taken: loading the pipeline (seconds) is not spent from it.
async function warmUp(extractor: Extractor, threads: number): Promise<void> {
  const article = { text: 'The minister said on Monday that fares would rise.', published: null, title: null, outlet: null, url: null }
  await Promise.all(Array.from({ length: threads }, () => extractor.extract(article)))
}
