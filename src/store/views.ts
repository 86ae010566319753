// What the store answers about claims: read-only views built from its records, for the web and the CLI.
import type { ArticleRecord, ClaimRecord, SpeakerRecord, StatementRecord } from './schema.js'

/** One speaker's part in a claim: who, with which stance, when, where. */
export interface ClaimVoice {
  speakerId: string | null
  name: string | null
  type: string | null
  role: string | null
  statementId: string
  date: string | null
  outlet: string | null
  articleId: string
}

export interface ClaimSummary {
  claim: ClaimRecord
  /** Who asserted or confirmed it. */
  asserted: ClaimVoice[]
  denied: ClaimVoice[]
  /** Who declined to comment on it. */
  declined: ClaimVoice[]
  statementCount: number
  articleCount: number
  /** How many of those who asserted it are anonymous sources. */
  anonymousSupport: number
  firstDate: string | null
  latestDate: string | null
  /** The first and the latest statement, by when it was made (undated ones last). */
  first: ClaimVoice | null
  latest: ClaimVoice | null
}

export interface LedgerEntry {
  statement: StatementRecord
  speaker: SpeakerRecord | null
  article: ArticleRecord
}

export interface ClaimLedger extends ClaimSummary {
  entries: LedgerEntry[]
}

export interface AddResult {
  articleId: string
  /** false when the same text was already stored: nothing was written. */
  added: boolean
  statements: number
  claims: number
  /** Stored already, and its facts were corrected from this input's (a logged set-article decision, refacts.ts). */
  updated?: boolean
}

/** Which statements a batched read gives: all, one claim's, or those with these ids; always in the store's order. */
export interface StatementSelection {
  claim?: string
  ids?: readonly string[]
}

/** A batch of statements with the records they name, so a reader of any number of batches never needs a whole table. */
export interface StatementBatch {
  statements: StatementRecord[]
  claims: Array<Pick<ClaimRecord, 'id' | 'text'>>
  speakers: Array<Pick<SpeakerRecord, 'id' | 'name' | 'type' | 'role'>>
  articles: Array<Pick<ArticleRecord, 'id' | 'title' | 'outlet' | 'url' | 'published'>>
  /** The articles' texts, for each row's source sentence. */
  texts?: Map<string, string>
}

/**
 * The records the writes after some version made or altered (Store.touchedSince): a view of the whole store is
 * carried to the next version by looking at these again instead of every record.
 */
export interface Touched {
  statements: StatementRecord[]
  speakers: SpeakerRecord[]
}

/** One page of the articles list, with how many statements (not rejected) each article holds. */
export interface ArticlePage {
  rows: Array<{ article: ArticleRecord; statements: number }>
  /** Articles in the whole list. */
  total: number
}
