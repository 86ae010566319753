// The claim store in PostgreSQL, for a desk that has outgrown one file: the same verbs as the JSON store
// (store.ts), answered by queries. Filing takes a transaction-scoped advisory lock, so any number of processes
// on any number of machines file into one database one article batch at a time, and the unique fingerprint
// keeps an article from being stored twice whatever races; readers never wait for it.
import pg from 'pg'
import { StoreError } from '../../errors.js'
import type { ClaimOrder, ClaimsQuery } from '../claim-filter.js'
import type { Decision } from '../decisions.js'
import { byDateThenPosition, claimLedger, claimSummary, ledgerEntry, type RecordLookup } from '../ledger.js'
import { fingerprint } from '../records.js'
import type { ArticleRecord, ClaimRecord, LogEntry, SpeakerRecord, StatementRecord, StoredArticle, StoreTables } from '../schema.js'
import type { SpeakerRow } from '../speaker-rows.js'
import { COUNT_LIMIT, type Counted, type Found, type Slice, type StatementFilter } from '../statement-filter.js'
import type { ExtractedArticle } from '../store.js'
import type { AddResult, ArticlePage, ClaimLedger, ClaimSummary, LedgerEntry, StatementBatch, StatementSelection } from '../views.js'
import { articlePage, articlesByFingerprint, statementsOf } from './article-pages.js'
import { claimBatches, claimFacets, claimsCount, claimsHolding, claimsPage } from './claim-list.js'
import { candidatesFor, indexed, publishedOf } from './claim-postings.js'
import { shownUrl } from './database-url.js'
import { decideIn } from './desk.js'
import { fileBatch } from './filing.js'
import { currentClaim, currentSpeakers, lookupFor } from './lookups.js'
import { appliedMigrations, behind, checkNotNewer, migrate } from './migrate.js'
import { ARTICLE_COLUMNS, type ArticleRow, articleOf, type Db, recordsById } from './rows.js'
import { speakerRows, speakersCalled } from './speaker-list.js'
import { statementBatches } from './statement-batches.js'
import { findStatements } from './statement-search.js'
import { summariseDue } from './summaries.js'
import { FILING_LOCK, inTransaction } from './transaction.js'

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
  #closed = false
  // Counts of the claims list's views, for the store's version they were counted at.
  #counts: { version: number; known: Map<string, number> } = { version: -1, known: new Map() }
  #facets: { version: number; facets: Promise<{ outlets: string[]; verdicts: string[] }> } | undefined

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

  /** The id each text is stored under, if it is (by its fingerprint). */
  async storedIds(texts: string[]): Promise<Array<string | undefined>> {
    const prints = texts.map(fingerprint)
    const { rows } = await this.#pool.query<{ id: string; fingerprint: string }>(
      'SELECT id, fingerprint FROM articles WHERE fingerprint = ANY($1::text[])',
      [prints],
    )
    const ids = new Map(rows.map((r) => [r.fingerprint, r.id]))
    return prints.map((p) => ids.get(p))
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

  async articleTexts(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map()
    const { rows } = await this.#pool.query<{ article_id: string; text: string }>(
      'SELECT article_id, text FROM article_texts WHERE article_id = ANY($1::text[])',
      [ids],
    )
    return new Map(rows.map((r) => [r.article_id, r.text]))
  }

  async statementsById(ids: readonly string[]): Promise<StatementRecord[]> {
    return recordsById<StatementRecord>(this.#pool, 'statements', ids)
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

  /** Every claim that holds a statement, in the order they were stored. */
  async claims(): Promise<ClaimSummary[]> {
    const { rows } = await this.#pool.query<{ summary: ClaimSummary }>('SELECT summary FROM claim_summaries ORDER BY seq')
    return rows.map((r) => r.summary)
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
    const index = await candidatesFor(this.#pool, [mine])
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
  #lookupFor(statementIds: string[]): Promise<RecordLookup> {
    return lookupFor(this.#pool, statementIds)
  }

  /** One page of the claims list: the claims a query keeps, in an order (claim-list.ts). */
  claimsPage(filter: ClaimsQuery, order: ClaimOrder, page: { offset: number; limit: number }): Promise<ClaimSummary[]> {
    return claimsPage(this.#pool, filter, order, page)
  }

  /** How many claims a query keeps; kept until the next write. */
  async claimsCount(filter: ClaimsQuery = {}): Promise<number> {
    const key = `claims ${JSON.stringify(filter)}`
    const known = await this.#counted(key)
    if (known.count !== undefined) return known.count
    const count = await claimsCount(this.#pool, filter)
    this.#keepCount(known.version, key, count)
    return count
  }

  /** A count kept for the store's version as it is now; counting a common word or filter reads every row it finds. */
  async #counted(key: string): Promise<{ version: number; count: number | undefined }> {
    const version = await this.version()
    if (this.#counts.version !== version) this.#counts = { version, known: new Map() }
    return { version, count: this.#counts.known.get(key) }
  }

  /** Kept only if no write was seen since `version` was read: a count of older rows never outlives its version. */
  #keepCount(version: number, key: string, count: number): void {
    if (this.#counts.version !== version) return
    if (this.#counts.known.size >= 1024) this.#counts.known.clear()
    this.#counts.known.set(key, count)
  }

  /** Every claim a query keeps, in an order, a batch at a time. */
  claimBatches(filter: ClaimsQuery, order: ClaimOrder, size?: number): AsyncIterable<ClaimSummary[]> {
    return claimBatches(this.#pool, filter, order, size)
  }

  /** The outlets and verdicts the claims list's form offers, kept until the next write (each is a scan). */
  async claimFacets(): Promise<{ outlets: string[]; verdicts: string[] }> {
    const version = await this.version()
    if (this.#facets?.version !== version) {
      const facets = claimFacets(this.#pool)
      // A failed read is not kept: the next request asks again.
      facets.catch(() => {
        if (this.#facets?.facets === facets) this.#facets = undefined
      })
      this.#facets = { version, facets }
    }
    return this.#facets.facets
  }

  /** Claims whose text holds every word of `find`, or whose id it is; the most quoted first. */
  claimsHolding(find: string, limit: number): Promise<ClaimSummary[]> {
    return claimsHolding(this.#pool, find, limit)
  }

  async #changed(db: Db): Promise<void> {
    // The claims list's rows for what this write touched, committed with it.
    await summariseDue(db)
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

  /**
   * Whole tables for an export that is kept as a dataset, a batch at a time but as of one moment: read in one
   * REPEATABLE READ transaction on a connection of their own, so a filing or a merge meanwhile changes nothing
   * of what is written. (The server's downloads are read batch by batch, without holding a connection.)
   */
  claimTable(size?: number): AsyncIterable<ClaimSummary[]> {
    return this.#oneMoment((db) => claimBatches(db, {}, 'stored', size))
  }

  statementTable(size?: number): AsyncIterable<StatementBatch> {
    return this.#oneMoment((db) => statementBatches(db, {}, size))
  }

  async *#oneMoment<T>(read: (db: Db) => AsyncIterable<T>): AsyncGenerator<T> {
    const client = await this.#pool.connect()
    let done = false
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      // The readers ask several things at once (a batch's records, the next batch); one connection takes them in turn.
      let last: Promise<unknown> = Promise.resolve()
      const inTurn = {
        query: (text: string, values?: unknown[]) => {
          const asked = last.then(() => client.query(text, values))
          last = asked.catch(() => undefined)
          return asked
        },
      } as Db
      yield* read(inTurn)
      await client.query('COMMIT')
      done = true
    } finally {
      // A reader that stopped early (or failed) leaves the transaction open: it is ended before the connection goes back.
      if (!done) await client.query('ROLLBACK').catch(() => undefined)
      client.release()
    }
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

  // What the web would otherwise work out from whole lists (web-store.ts), answered by indexed queries.

  /** Its count is kept until the next write, as the claims list's are: paging through a search counts once. */
  async findStatements(filter: StatementFilter, slice: Slice): Promise<Counted<Found>> {
    const key = `statements ${JSON.stringify(filter)}`
    const { version, count } = await this.#counted(key)
    const found = await findStatements(this.#pool, filter, slice, count)
    if (count === undefined) this.#keepCount(version, key, found.more ? COUNT_LIMIT + 1 : found.total)
    return found
  }

  speakerRows(q: string | undefined, slice: Slice): Promise<Counted<SpeakerRow>> {
    return speakerRows(this.#pool, q, slice)
  }

  speakersCalled(name: string, options: { whole: boolean; except?: string; limit: number }): Promise<Counted<SpeakerRecord>> {
    return speakersCalled(this.#pool, name, options)
  }
}
