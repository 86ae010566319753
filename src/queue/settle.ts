// Telling the queue what became of a job. A job is completed only after its article is stored, so a worker that
// dies in between leaves it to be delivered again (at least once), and the store's fingerprint makes that second
// filing add nothing.

import type { AddResult } from '../store/views.js'
import { ARTICLES, SCHEMA } from './names.js'
import type { ArticleQueue } from './queue.js'

/** Stored: the job is done, with where its article went. */
export async function complete(queue: ArticleQueue, id: string, result: AddResult): Promise<void> {
  await queue.boss.complete(ARTICLES, id, { ...result })
}

/** Failed for now: tried again after its backoff, dead-lettered after its last try. */
export async function fail(queue: ArticleQueue, id: string, message: string): Promise<void> {
  await queue.boss.fail(ARTICLES, id, { message })
}

/**
 * Failed for good at the first try: the pipeline refused the article, and would again. pg-boss has no verb for
 * it, so its tries are used up (the limit cut to the tries made) and the failure dead-letters it, in one
 * transaction: a worker that dies between the two leaves a job that is retried, never one half refused.
 */
export async function refuse(queue: ArticleQueue, id: string, message: string): Promise<void> {
  await queue.transaction(async (db) => {
    await db.executeSql(`UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [
      ARTICLES,
      id,
    ])
    await queue.boss.fail(ARTICLES, id, { message, refused: true }, { db })
  })
}
