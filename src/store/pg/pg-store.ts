// The claim store in PostgreSQL, for a desk that has outgrown one file: the same verbs as the JSON store
// (store.ts), answered by queries. Filing takes a transaction-scoped advisory lock, so any number of processes
// on any number of machines file into one database one article batch at a time, and the unique fingerprint
// keeps an article from being stored twice whatever races; readers never wait for it.
import pg from 'pg'
import { StoreError } from '../../errors.js'
import type { Decision } from '../decisions.js'
import { byDateThenPosition, claimLedger, claimSummary, ledgerEntry, type RecordLookup } from '../ledger.js'
import type { ArticleRecord, ClaimRecord, LogEntry, SpeakerRecord, StatementRecord, StoredArticle, StoreTables } from '../schema.js'
import type { ExtractedArticle } from '../store.js'
import type { AddResult, ArticlePage, ClaimLedger, ClaimSummary, LedgerEntry, StatementBatch, StatementSelection } from '../views.js'
import { articlePage, articlesByFingerprint, statementsOf } from './article-pages.js'
import { candidatesFor, indexed, publishedOf } from './claim-postings.js'
import { shownUrl } from './database-url.js'
import { decideIn } from './desk.js'
import { fileBatch } from './filing.js'
import { appliedMigrations, behind, checkNotNewer, migrate } from './migrate.js'
import { ARTICLE_COLUMNS, type ArticleRow, articleOf, articlesById, type Db, recordsById } from './rows.js'
import { statementBatches } from './statement-batches.js'
import { inTransaction } from './transaction.js'

/** Filing one batch at a time across every process that files into the database. */
const FILING_LOCK = 0x636c6169 // "clai"
/** Told to every listener when a write commits; the payload is the store's new version. */
export const CHANGED = 'claimtrail_changed'

export interface PgOpenOptions {
  readOnly?: boolean
  /** Apply missing migrations on open (default); `claimtrail migrate` does it on its own otherwise. */
  migrate?: boolean
  /** Connections kept open at most. */
  connections?: number
}

export class PgStore {
  readonly #pool: pg.Pool
  readonly #readOnly: boolean
  #summaries: { version: number; list: ClaimSummary[] } | undefined
  #closed = false

  private constructor(
    readonly path: string,
    pool: pg.Pool,
    readOnly: boolean,
  ) {
    this.#pool = pool
    this.#readOnly = readOnly
  }

  /** Connects, and brings the schema up to this program's inside a transaction (migrate.ts). */
  static async open(url: string, { readOnly = false, migrate: migrating = true, connections = 10 }: PgOpenOptions = {}): Promise<PgStore> {
    const shown = shownUrl(url)
    // Short indexed queries: PostgreSQL's JIT compiler would spend more on them (~180 ms seen) than they take.
    const pool = new pg.Pool({ connectionString: url, max: connections, options: '-c jit=off' })
    // An idle connection the server dropped must not take the process down.
    pool.on('error', () => {})
    try {
      const client = await pool.connect().catch((error: Error) => {
        throw new StoreError(`cannot connect to ${shown}: ${error.message}. Check that PostgreSQL is running and the URL is right.`)
      })
      try {
        if (migrating && !readOnly) await migrate(client, shown)
        else {
          checkNotNewer(await appliedMigrations(client), shown)
          if (await behind(client))
            throw new StoreError(`${shown} has no claimtrail schema, or an older one. Run \`claimtrail migrate --db URL\`.`)
        }
      } finally {
        client.release()
      }
      return new PgStore(shown, pool, readOnly)
    } catch (error) {
      await pool.end()
      throw error
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#pool.end()
  }

  /** The pool, for what lives beside the store in the same database (the job queue, the web's sessions). */
  get pool(): pg.Pool {
    return this.#pool
  }

  async version(): Promise<number> {
    const { rows } = await this.#pool.query<{ version: string }>('SELECT version FROM store_state')
    return Number(rows[0].version)
  }

  async addArticle(article: ExtractedArticle['article'], extraction: ExtractedArticle['extraction']): Promise<AddResult> {
    const [result] = await this.addArticles([{ article, extraction }])
    return result
  }

  /** Files a batch in one transaction: all of it is stored, or none. `write` is the JSON store's; every batch is written. */
  async addArticles(batch: ExtractedArticle[], _options: { write?: boolean } = {}): Promise<AddResult[]> {
    this.#writable()
    return this.#transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [FILING_LOCK])
      const results = await fileBatch(db, batch, this.path)
      if (results.some((r) => r.added)) await this.#changed(db)
      return results
    })
  }

  /** Every write is committed before it is answered: there is nothing to flush. */
  async flush(): Promise<void> {}

  async decide(decision: Decision, by: string): Promise<LogEntry> {
    this.#writable()
    return this.#transaction(async (db) => {
      // Decisions and filing change the same records: one at a time.
      await db.query('SELECT pg_advisory_xact_lock($1)', [FILING_LOCK])
      const logged = await decideIn(db, decision, by)
      await this.#changed(db)
      return logged
    })
  }

  async articles(): Promise<ArticleRecord[]> {
    const { rows } = await this.#pool.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY seq`)
    return rows.map(articleOf)
  }

  async article(id: string): Promise<StoredArticle | undefined> {
    const { rows } = await this.#pool.query<ArticleRow & { text: string }>(
      `SELECT ${ARTICLE_COLUMNS.replace(/(\w+)/g, 'a.$1')}, t.text FROM articles a JOIN article_texts t ON t.article_id = a.id WHERE a.id = $1`,
      [id],
    )
    return rows[0] && { ...articleOf(rows[0]), text: rows[0].text }
  }

  async speakers(): Promise<SpeakerRecord[]> {
    const { rows } = await this.#pool.query<{ record: SpeakerRecord }>('SELECT record FROM speakers ORDER BY seq')
    return rows.map((r) => r.record)
  }

  /** A speaker by id; a merged speaker's id answers with the speaker it was merged into. */
  async speaker(id: string): Promise<SpeakerRecord | undefined> {
    return (await currentSpeakers(this.#pool, [id])).get(id)
  }

  async statements(): Promise<StatementRecord[]> {
    const { rows } = await this.#pool.query<{ record: StatementRecord }>('SELECT record FROM statements ORDER BY seq')
    return rows.map((r) => r.record)
  }

  async statement(id: string): Promise<StatementRecord | undefined> {
    return (await recordsById<StatementRecord>(this.#pool, 'statements', [id]))[0]
  }

  /** Every claim that holds a statement, built once per version of the store. */
  async claims(): Promise<ClaimSummary[]> {
    const version = await this.version()
    if (this.#summaries?.version !== version) {
      const tables = await this.tables()
      const lookup = lookupOf(tables.articles, tables.speakers, tables.statements)
      const live = tables.claims.filter((c) => !c.mergedInto && c.statementIds.length)
      this.#summaries = { version, list: live.map((claim) => claimSummary(claim, lookup)) }
    }
    return [...this.#summaries.list]
  }

  /** A claim's ledger; a merged claim's id answers with the claim it was merged into. */
  async claim(id: string): Promise<ClaimLedger | undefined> {
    const claim = await currentClaim(this.#pool, id)
    return claim && claimLedger(claim, await this.#lookupFor(claim.statementIds))
  }

  /** The stored claims most like this one by the pair model, best first, above `floor`. */
  async similarClaims(id: string, limit = 5, floor = 0.2): Promise<Array<{ claim: ClaimSummary; confidence: number }>> {
    const claim = await currentClaim(this.#pool, id)
    if (!claim) return []
    const statements = (await recordsById<StatementRecord>(this.#pool, 'statements', claim.statementIds)).filter((s) => !s.rejected)
    const published = await publishedOf(
      this.#pool,
      statements.map((s) => s.articleId),
    )
    const mine = statements.map((s) => indexed(s, published.get(s.articleId) ?? null))
    const { index } = await candidatesFor(this.#pool, [mine])
    const out: Array<{ claim: ClaimSummary; confidence: number }> = []
    for (const match of index.rank(mine)) {
      if (out.length >= limit || match.confidence < floor) break
      const other = await currentClaim(this.#pool, match.claimId)
      if (!other || other.id === claim.id || out.some((o) => o.claim.claim.id === other.id) || !other.statementIds.length) continue
      out.push({
        claim: claimSummary(other, await this.#lookupFor(other.statementIds)),
        confidence: Math.round(match.confidence * 100) / 100,
      })
    }
    return out
  }

  async decisions(): Promise<LogEntry[]> {
    const { rows } = await this.#pool.query<LogEntry>('SELECT at, by, action, detail FROM decisions ORDER BY seq')
    return rows
  }

  /** Everything a speaker said, across articles, oldest first. */
  async quotesBy(speakerId: string): Promise<LedgerEntry[]> {
    const { rows } = await this.#pool.query<{ record: StatementRecord }>(
      'SELECT record FROM statements WHERE speaker_id = $1 AND NOT rejected ORDER BY seq',
      [speakerId],
    )
    const lookup = await this.#lookupFor(rows.map((r) => r.record.id))
    return rows.map((r) => ledgerEntry(r.record, lookup)).sort(byDateThenPosition)
  }

  /** The records, as the exports read them. */
  async tables(): Promise<StoreTables> {
    const [articles, speakers, statements, claims] = await Promise.all([
      this.articles(),
      this.speakers(),
      this.statements(),
      this.#pool.query<{ record: ClaimRecord }>('SELECT record FROM claims ORDER BY seq').then((r) => r.rows.map((row) => row.record)),
    ])
    return { articles, speakers, statements, claims }
  }

  /** The records a ledger of these statements looks up: them, their articles, their speakers as they are now. */
  async #lookupFor(statementIds: string[]): Promise<RecordLookup> {
    const statements = await recordsById<StatementRecord>(this.#pool, 'statements', statementIds)
    const [articles, speakers] = await Promise.all([
      articlesById(
        this.#pool,
        statements.map((s) => s.articleId),
      ),
      currentSpeakers(
        this.#pool,
        statements.flatMap((s) => (s.speakerId ? [s.speakerId] : [])),
      ),
    ])
    const byId = new Map(statements.map((s) => [s.id, s]))
    const articleById = new Map(articles.map((a) => [a.id, a]))
    return { article: (id) => articleById.get(id), speaker: (id) => speakers.get(id), statement: (id) => byId.get(id) }
  }

  async #changed(db: Db): Promise<void> {
    const { rows } = await db.query<{ version: string }>('UPDATE store_state SET version = version + 1 RETURNING version')
    await db.query('SELECT pg_notify($1, $2)', [CHANGED, rows[0].version])
  }

  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    this.#writable()
    return this.#transaction(work)
  }

  #transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.#pool, work)
  }

  #writable(): void {
    if (this.#readOnly) throw new StoreError(`${this.path} was opened for reading only; nothing was written.`)
  }

  // A batch or a page at a time, where the JSON store's callers read whole tables (the web's downloads and lists).
  statementBatches(only?: StatementSelection): AsyncIterable<StatementBatch> {
    return statementBatches(this.#pool, only)
  }

  articlePage(page: number, size: number): Promise<ArticlePage> {
    return articlePage(this.#pool, page, size)
  }

  statementsOf(articleId: string): Promise<StatementRecord[]> {
    return statementsOf(this.#pool, articleId)
  }

  articlesByFingerprint(prints: readonly string[]): Promise<ArticleRecord[]> {
    return articlesByFingerprint(this.#pool, prints)
  }
}

/** The lookup the ledger reads, over records at hand; a merged speaker answers with the one it joined. */
function lookupOf(articles: ArticleRecord[], speakers: SpeakerRecord[], statements: StatementRecord[]): RecordLookup {
  const articleById = new Map(articles.map((a) => [a.id, a]))
  const speakerById = new Map(speakers.map((s) => [s.id, s]))
  const statementById = new Map(statements.map((s) => [s.id, s]))
  const current = (id: string) => {
    let record = speakerById.get(id)
    for (let hops = 0; record?.mergedInto && hops < 100; hops++) record = speakerById.get(record.mergedInto)
    return record
  }
  return { article: (id) => articleById.get(id), speaker: current, statement: (id) => statementById.get(id) }
}

/** Each speaker id with the record it lives in now, following merges. */
export async function currentSpeakers(db: Db, ids: string[]): Promise<Map<string, SpeakerRecord>> {
  const list = [...new Set(ids)]
  if (!list.length) return new Map()
  const { rows } = await db.query<{ asked: string; record: SpeakerRecord }>(
    `WITH RECURSIVE chain(asked, id, merged_into, hops) AS (
       SELECT id, id, merged_into, 0 FROM speakers WHERE id = ANY($1::text[])
       UNION ALL
       SELECT c.asked, s.id, s.merged_into, c.hops + 1 FROM chain c JOIN speakers s ON s.id = c.merged_into WHERE c.hops < 100
     )
     SELECT DISTINCT ON (c.asked) c.asked, s.record FROM chain c JOIN speakers s ON s.id = c.id ORDER BY c.asked, c.hops DESC`,
    [list],
  )
  return new Map(rows.map((r) => [r.asked, r.record]))
}

/** A claim, or the one it was merged into. */
export async function currentClaim(db: Db, id: string): Promise<ClaimRecord | undefined> {
  const { rows } = await db.query<{ record: ClaimRecord }>(
    `WITH RECURSIVE chain(id, merged_into, hops) AS (
       SELECT id, merged_into, 0 FROM claims WHERE id = $1
       UNION ALL
       SELECT c2.id, c2.merged_into, chain.hops + 1 FROM chain JOIN claims c2 ON c2.id = chain.merged_into WHERE chain.hops < 100
     )
     SELECT c.record FROM chain JOIN claims c ON c.id = chain.id ORDER BY chain.hops DESC LIMIT 1`,
    [id],
  )
  return rows[0]?.record
}
