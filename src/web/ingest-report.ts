// What a job's page says of each article. Only "stored" is an acknowledgement: an article the store's write
// has put on the disk. While the job runs here that is what the write answered; after a restart it is read
// from the store itself, by the fingerprints the jobs file kept, so the page cannot claim more than is there.
import type { ArticleRecord } from '../store/schema.js'
import type { IngestJob } from './ingest-jobs.js'
import type { JobRecord } from './jobs-file.js'

export type ArticleStatus = 'stored' | 'already stored' | 'facts updated' | 'skipped' | 'queued' | 'not stored'

export interface ArticleRow {
  source: string
  title: string | null
  status: ArticleStatus
  articleId: string | null
  why: string | null
}

export interface JobReport {
  id: string
  at: string
  /** interrupted: recorded, never ended, and not running in this process (the server was stopped or killed). */
  state: 'running' | 'done' | 'failed' | 'interrupted'
  total: number
  done: number
  rows: ArticleRow[]
  refused: string[]
  counts: Record<ArticleStatus, number>
  /** Known only to the process that ran the job. */
  statements: number | null
  claims: number | null
  failure: string | null
}

export function jobReport(record: JobRecord, live: IngestJob | undefined, articles: readonly ArticleRecord[]): JobReport {
  const byPrint = new Map(articles.map((a) => [a.fingerprint, a.id]))
  const rows = record.queued.map((queued, i): ArticleRow => {
    const row = { source: queued.source, title: queued.title, articleId: null, why: null }
    const why = record.skips.get(i)
    if (why !== undefined) return { ...row, status: 'skipped', why }
    if (live) {
      const outcome = live.outcomes.get(i)
      if (outcome)
        return {
          ...row,
          status: outcome.added ? 'stored' : outcome.updated ? 'facts updated' : 'already stored',
          articleId: outcome.articleId,
        }
      return { ...row, status: live.state === 'running' ? 'queued' : 'not stored' }
    }
    const id = byPrint.get(queued.fingerprint)
    if (id === undefined) return { ...row, status: 'not stored' }
    return { ...row, status: queued.before ? 'already stored' : 'stored', articleId: id }
  })
  const counts: Record<ArticleStatus, number> = {
    stored: 0,
    'already stored': 0,
    'facts updated': 0,
    skipped: 0,
    queued: 0,
    'not stored': 0,
  }
  for (const row of rows) counts[row.status]++
  return {
    id: record.id,
    at: record.at,
    state: live?.state ?? record.ended?.state ?? 'interrupted',
    total: rows.length,
    done: live ? live.done : rows.length,
    rows,
    refused: record.refused,
    counts,
    statements: live ? live.statements : null,
    claims: live ? live.claims : null,
    failure: live ? live.failure : (record.ended?.failure ?? null),
  }
}
