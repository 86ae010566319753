// What the queue holds, for a person (`claimtrail jobs`) and for the web's progress: counts by state, the jobs
// failing for now and the dead letters with why, and a dead letter put back in the queue to be tried afresh.
import { InvalidInputError, NotFoundError } from '../errors.js'
import { enqueue } from './enqueue.js'
import { ARTICLES, DEAD_LETTERS, SCHEMA } from './names.js'
import type { ArticleJob, ArticleQueue } from './queue.js'

/** pg-boss's states: waiting (created), waiting to be tried again (retry), held by a worker (active), … */
export const STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const
export type JobState = (typeof STATES)[number]
export type StateCounts = Record<JobState, number>

export interface JobCounts extends StateCounts {
  /** Failed for good and not yet run again. */
  deadLetters: number
}

/** A failed job as a person reads it. */
export interface FailedJob {
  id: string
  source: string
  /** Tries so far (the first included). */
  tries: number
  error: string
  /** The pipeline refused the article (too large, past its time budget): a rerun fails alike unless a limit is raised. */
  refused: boolean
  at: Date
}

/** The articles queue's jobs by state (filed ones until pg-boss archives them, after a day), and the dead letters. */
export async function jobCounts(queue: ArticleQueue): Promise<JobCounts> {
  const rows = await queue.rows<{ name: string; state: JobState; n: number }>(
    `SELECT name, state, count(*)::int AS n FROM ${SCHEMA}.job WHERE name = ANY($1) GROUP BY name, state`,
    [[ARTICLES, DEAD_LETTERS]],
  )
  const counts: JobCounts = { ...zero(), deadLetters: 0 }
  for (const { name, state, n } of rows) {
    if (name === ARTICLES) counts[state] = n
    else if (state === 'created') counts.deadLetters = n
  }
  return counts
}

/** Where the given jobs are, archived ones included: a web page follows the articles it queued by their ids. */
export async function statesOf(queue: ArticleQueue, ids: string[]): Promise<StateCounts> {
  const rows = await queue.rows<{ state: JobState; n: number }>(
    `SELECT state, count(*)::int AS n FROM (
       SELECT state FROM ${SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT state FROM ${SCHEMA}.archive WHERE name = $1 AND id = ANY($2::uuid[])
     ) jobs GROUP BY state`,
    [ARTICLES, ids],
  )
  const counts = zero()
  for (const { state, n } of rows) counts[state] += n
  return counts
}

/** Jobs that failed and wait to be tried again, with their last error. */
export function retrying(queue: ArticleQueue): Promise<FailedJob[]> {
  return failedIn(queue, ARTICLES, 'retry')
}

/** Jobs that failed for good (refused articles, or a filing that failed at every try), oldest first. */
export function deadLetters(queue: ArticleQueue): Promise<FailedJob[]> {
  return failedIn(queue, DEAD_LETTERS, 'created')
}

async function failedIn(queue: ArticleQueue, name: string, state: JobState): Promise<FailedJob[]> {
  const rows = await queue.rows<{ id: string; data: ArticleJob; output: unknown; retry_count: number; retry_limit: number; at: Date }>(
    `SELECT id, data, output, retry_count, retry_limit, COALESCE(completed_on, created_on) AS at FROM ${SCHEMA}.job
     WHERE name = $1 AND state = $2 ORDER BY created_on, id`,
    [name, state],
  )
  return rows.map((row) => ({
    id: row.id,
    source: row.data.source,
    // A dead letter is a new job with its first job's limit: that job failed at its last try (refused ones had
    // their limit cut to the tries made, refuse() in settle.ts).
    tries: (name === DEAD_LETTERS ? row.retry_limit : row.retry_count) + 1,
    ...reason(row.output),
    at: row.at,
  }))
}

/** What a worker or pg-boss wrote when the job failed; pg-boss writes its own in several shapes. */
function reason(output: unknown): { error: string; refused: boolean } {
  const o = output as { message?: unknown; refused?: unknown; value?: { message?: unknown } | string } | null
  const message = o?.message ?? (typeof o?.value === 'string' ? o.value : o?.value?.message)
  return { error: typeof message === 'string' ? message : 'no reason was recorded', refused: o?.refused === true }
}

/** Puts dead letters back in the queue as new jobs, in one transaction; the ids of the new jobs. */
export async function rerun(queue: ArticleQueue, ids: string[] | 'all'): Promise<string[]> {
  const notIds = ids === 'all' ? [] : ids.filter((id) => !UUID.test(id))
  if (notIds.length > 0)
    throw new InvalidInputError(`"${notIds[0]}" is not a job id: \`claimtrail jobs\` lists the dead letters with their ids.`)
  return queue.transaction(async (db) => {
    const { rows } = await db.executeSql(
      `DELETE FROM ${SCHEMA}.job WHERE name = $1 AND state = 'created' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
       RETURNING id, data`,
      [DEAD_LETTERS, ids === 'all' ? null : ids],
    )
    if (ids !== 'all') {
      const found = new Set(rows.map((row: { id: string }) => row.id))
      const missing = ids.filter((id) => !found.has(id))
      if (missing.length > 0)
        throw new NotFoundError(`no dead letter ${missing.join(', ')}: \`claimtrail jobs\` lists them with their ids.`)
    }
    return enqueue(
      queue,
      rows.map((row: { data: ArticleJob }) => row.data),
      { db },
    )
  })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function zero(): StateCounts {
  return { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 }
}
