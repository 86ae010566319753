// What one change to the store made or altered, gathered while it runs and written as one journal line when it
// ends. Records are noted when they are made, so new ones replay in the order the change made them; a record
// a change only looked up is noted too, which costs a few bytes and never misses an alteration.
import type { JournalEntry } from './journal.js'
import { checkedLine } from './line-check.js'
import type { ArticleRecord, ClaimRecord, LogEntry, SpeakerRecord, StatementRecord } from './schema.js'
import type { ArticleText } from './texts.js'

export class Changes {
  readonly articles = new Map<string, ArticleRecord>()
  readonly statements = new Map<string, StatementRecord>()
  readonly claims = new Map<string, ClaimRecord>()
  readonly speakers = new Map<string, SpeakerRecord>()
  readonly log: LogEntry[] = []
  readonly texts: ArticleText[] = []

  article(record: ArticleRecord, text: string): void {
    this.articles.set(record.id, record)
    this.texts.push({ id: record.id, text, article: record })
  }

  /** An article already filed whose record (not its text) changed: its facts. */
  articleFacts(record: ArticleRecord): void {
    this.articles.set(record.id, record)
  }

  statement<T extends StatementRecord | undefined>(record: T): T {
    if (record) this.statements.set(record.id, record)
    return record
  }

  claim<T extends ClaimRecord | undefined>(record: T): T {
    if (record) this.claims.set(record.id, record)
    return record
  }

  speaker<T extends SpeakerRecord | undefined>(record: T): T {
    if (record) this.speakers.set(record.id, record)
    return record
  }

  get empty(): boolean {
    return !this.articles.size && !this.statements.size && !this.claims.size && !this.speakers.size && !this.log.length
  }

  /** The journal line, written now: later changes must not reach into it before it is on disk. */
  line(seq: number): string {
    const entry: JournalEntry = { seq }
    if (this.articles.size) entry.articles = [...this.articles.values()]
    if (this.speakers.size) entry.speakers = [...this.speakers.values()]
    if (this.statements.size) entry.statements = [...this.statements.values()]
    if (this.claims.size) entry.claims = [...this.claims.values()]
    if (this.log.length) entry.log = this.log
    return checkedLine(JSON.stringify(entry))
  }
}
