// Queuing articles: every one checked as an article first, with the words every other way in uses, and all of
// them queued in one statement or none. A caller told "queued" may forget them: a worker files each in time.
import { randomUUID } from 'node:crypto'
import type PgBoss from 'pg-boss'
import { checkArticle } from '../ingest/article-input.js'
import type { PendingArticle } from '../ingest/file-articles.js'
import { ARTICLES } from './names.js'
import type { ArticleJob, ArticleQueue } from './queue.js'

/** The ids of the queued jobs, in input order. The first article that is not one refuses the lot. `db`: in a transaction. */
export async function enqueue(queue: ArticleQueue, pending: PendingArticle[], { db }: { db?: PgBoss.Db } = {}): Promise<string[]> {
  const jobs = pending.map(({ source, article }) => {
    const data: ArticleJob = { source, article: checkArticle(article, source) }
    return { id: randomUUID(), name: ARTICLES, data, ...stamp(queue) }
  })
  if (jobs.length > 0) await queue.boss.insert(jobs, { db })
  return jobs.map((job) => job.id)
}

/** The queue's policy on each job: pg-boss takes a job's own over the queue's, which only its creator set. */
function stamp({ policy }: ArticleQueue) {
  return {
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: policy.expireSeconds,
    keepUntil: new Date(Date.now() + policy.keepDays * 86_400_000).toISOString(),
  }
}
