// What the store file holds, schema version 3. Statements keep every field `extract` produced; speakers are
// shared across articles (anonymous ones never are); claims gather statement ids; the log keeps every
// reviewer's decision, append-only. Article texts live beside the file (texts.ts), changes since it was last
// written in the journal (journal.ts). Older files are migrated on open (migrate.ts), with a backup.
import type { Article, Speaker, SpeakerType, Statement } from '../pipeline/types.js'

export const SCHEMA_VERSION = 3

/**
 * The record tables, in the order the store file lists them: statements, the longest, after everything a row of
 * the statements table looks up, so that table can be streamed from the file (statement-stream.ts).
 */
export const TABLES = ['articles', 'speakers', 'claims', 'statements', 'log'] as const

export interface ArticleRecord {
  id: string
  title: string | null
  outlet: string | null
  url: string | null
  published: string | null
  /** sha256 of the text: the same text is the same article. */
  fingerprint: string
  addedAt: string
}

/** An article with its text, as a page showing it needs it. */
export interface StoredArticle extends ArticleRecord {
  text: string
}

export interface SpeakerRecord {
  id: string
  name: string
  type: SpeakerType
  role: string | null
  affiliation: string | null
  /** Every other way the speaker was written: "Zhao", "Chinese Foreign Ministry spokesperson Zhao Lijian". */
  aliases: string[]
  /** Every role the articles gave, with when it was first and last seen: roles change over the years. */
  roles: RoleSeen[]
  /** Set when a reviewer merged this speaker into another; its statements moved there. */
  mergedInto?: string
}

export interface RoleSeen {
  role: string
  /** The published dates of the first and latest articles that gave it, when known. */
  firstSeen: string | null
  lastSeen: string | null
}

export interface StatementRecord extends Statement {
  id: string
  articleId: string
  speakerId: string | null
  /** A reviewer found it a false extraction: kept for the record, out of every claim and list. */
  rejected?: { by: string; at: string; reason: string }
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
  /** Set when a reviewer merged this claim into another; its statements moved there. */
  mergedInto?: string
}

/** One reviewer decision, as it was made: who, when, what, and what it replaced. */
export interface LogEntry {
  at: string
  by: string
  action: string
  detail: Record<string, unknown>
}

/** The records an export is made from: every acknowledged article (without its text), speaker, claim and statement. */
export type StoreTables = Pick<StoreData, 'articles' | 'speakers' | 'claims' | 'statements'>

export interface StoreData {
  schema: number
  /** The last journal entry the file holds; later ones are replayed on open. */
  seq?: number
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
