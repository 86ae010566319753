// What a search or an API call asks of the statements, and what it gets: one definition for the web, which
// finds them in whole lists (src/web/statement-query.ts), and the PostgreSQL store, which asks its indexes
// (src/store/pg/statement-search.ts).
import type { SpeakerType, Stance } from '../pipeline/types.js'
import type { ArticleRecord, SpeakerRecord, StatementRecord } from './schema.js'

export interface StatementFilter {
  q?: string
  /** A speaker id, or any name the speaker was written with. */
  speaker?: string
  type?: SpeakerType
  stance?: Stance
  outlet?: string
  claim?: string
  article?: string
  from?: string
  to?: string
}

export interface Found {
  statement: StatementRecord
  speaker: SpeakerRecord | null
  article: ArticleRecord | null
}

/** One page of a list: where it starts and how many it holds. */
export interface Slice {
  offset: number
  limit: number
}

/** A page of a longer list, and how long the whole list is. */
export interface Counted<T> {
  total: number
  items: T[]
  /** The list is longer than `total`: the store stopped counting there (COUNT_LIMIT). */
  more?: boolean
}

/**
 * How far the database store counts what a search finds: a word in a tenth of a million statements was counted
 * over every one of them, 0.5-1 s a search, and counting to 10,000 still took 40-330 ms at 1M statements. Past
 * this a list says "1,000+", as search engines do.
 */
export const COUNT_LIMIT = 1_000
