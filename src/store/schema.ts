// What the store file holds, schema version 1. Statements keep every field `extract` produced; speakers are
// shared across articles (anonymous ones never are); claims gather statement ids.
import type { Article, Speaker, SpeakerType, Statement } from '../pipeline/types.js'

export const SCHEMA_VERSION = 1

export interface ArticleRecord {
  id: string
  title: string | null
  outlet: string | null
  url: string | null
  published: string | null
  /** sha256 of the text: the same text is the same article. */
  fingerprint: string
  text: string
  addedAt: string
}

export interface SpeakerRecord {
  id: string
  name: string
  type: SpeakerType
  role: string | null
  affiliation: string | null
  /** Every other way the speaker was written: "Zhao", "Chinese Foreign Ministry spokesperson Zhao Lijian". */
  aliases: string[]
}

export interface StatementRecord extends Statement {
  id: string
  articleId: string
  speakerId: string | null
}

export interface Review {
  verdict: string
  note: string
  by: string
  at: string
}

export interface ClaimRecord {
  id: string
  text: string
  statementIds: string[]
  review: Review | null
}

export interface LogEntry {
  at: string
  by: string
  action: string
  detail: Record<string, unknown>
}

export interface StoreData {
  schema: number
  articles: ArticleRecord[]
  speakers: SpeakerRecord[]
  statements: StatementRecord[]
  claims: ClaimRecord[]
  log: LogEntry[]
}

export interface ArticleInput extends Article {
  /** A caller's own id (from a .jsonl line); kept as the article id when given. */
  id?: string
}

export type { Article, Speaker }
