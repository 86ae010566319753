// `claimtrail copy`: a store moved into PostgreSQL whole, with its decision log, each record as it is (nothing is
// extracted or matched again). One transaction: the target holds all of it or none. Records already there are
// written again as the source has them, so a second run adds nothing; the log is appended only past what the
// target already holds of it. Both sides are then counted and fingerprinted.
import { createHash } from 'node:crypto'
import { StoreError } from '../../errors.js'
import { Changes } from '../changes.js'
import type { ArticleRecord, LogEntry, StoreTables } from '../schema.js'
import { indexed, indexStatements } from './claim-postings.js'
import type { PgStore } from './pg-store.js'
import { type Db, writeChanges } from './rows.js'
import { summariseDue } from './summaries.js'
import { FILING_LOCK } from './transaction.js'

/** What a copy reads of its source: both stores answer it. */
export interface CopySource {
  readonly path: string
  tables(): StoreTables | Promise<StoreTables>
  article(id: string): { text: string } | undefined | Promise<{ text: string } | undefined>
  decisions(): readonly LogEntry[] | Promise<readonly LogEntry[]>
}

export interface Tally {
  articles: number
  speakers: number
  statements: number
  claims: number
  decisions: number
  /** sha256 of every record, text and decision, in a canonical form. */
  fingerprint: string
}

// Records per statement sent: a bound parameter is one string, and strings have a limit.
const CHUNK = 2000

export async function copyStore(source: CopySource, target: PgStore): Promise<{ before: Tally; from: Tally; to: Tally }> {
  const before = await tallyOf(target)
  const [tables, log] = await Promise.all([source.tables(), source.decisions()])
  const texts = new Map<string, string>()
  for (const article of tables.articles) {
    const stored = await source.article(article.id)
    if (!stored)
      throw new StoreError(`${source.path} has no text for article ${article.id}; nothing was copied. Run \`claimtrail check\` on it.`)
    texts.set(article.id, stored.text)
  }
  await target.transaction(async (db) => {
    // One writer at a time, as filing: the counts the triggers keep are worked out from what this transaction sees.
    await db.query('SELECT pg_advisory_xact_lock($1)', [FILING_LOCK])
    await db.query('SET CONSTRAINTS ALL DEFERRED')
    const { rows } = await db.query<{ fingerprint: string; id: string }>('SELECT id, fingerprint FROM articles')
    const there = new Map(rows.map((r) => [r.id, r.fingerprint]))
    const clash = tables.articles.find((a) => there.has(a.id) && there.get(a.id) !== a.fingerprint)
    if (clash)
      throw new StoreError(
        `${target.path} holds another text under article id ${clash.id}; nothing was copied. Copy into an empty database.`,
      )
    for (const part of chunks(tables.speakers))
      await write(db, (c) => {
        for (const s of part) c.speaker(s)
      })
    for (const part of chunks(tables.claims))
      await write(db, (c) => {
        for (const claim of part) c.claim(claim)
      })
    for (const part of chunks(tables.articles.filter((a) => !there.has(a.id)))) {
      await write(db, (c) => {
        for (const a of part) c.article(a, texts.get(a.id)!)
      })
    }
    for (const part of chunks(tables.statements))
      await write(db, (c) => {
        for (const s of part) c.statement(s)
      })
    await appendLog(db, log, target.path)
    // The claim index: every statement a live claim holds, as the JSON store indexes them when opened.
    const published = new Map<string, string | null>(tables.articles.map((a: ArticleRecord) => [a.id, a.published]))
    const live = new Set(tables.claims.filter((c) => !c.mergedInto).flatMap((c) => c.statementIds))
    const toIndex = tables.statements.filter((s) => live.has(s.id) && !s.rejected)
    for (const part of chunks(toIndex))
      await indexStatements(
        db,
        part.map((s) => indexed(s, published.get(s.articleId) ?? null)),
      )
    // The claims list's rows for every claim copied (the triggers noted them).
    await summariseDue(db)
    await db.query('UPDATE store_state SET version = version + 1')
  })
  // After a bulk load the planner's statistics and the visibility map are stale: counting a speaker's statements
  // went from 20 ms to 5 ms at 100,000 statements once vacuumed.
  await target.pool.query('VACUUM ANALYZE')
  return { before, from: tally(tables, texts, log), to: await tallyOf(target) }
}

async function write(db: Db, fill: (changes: Changes) => void): Promise<void> {
  const changes = new Changes()
  fill(changes)
  await writeChanges(db, changes)
}

/** The target's log must be the start of the source's: then only what follows it is new. */
async function appendLog(db: Db, log: readonly LogEntry[], where: string): Promise<void> {
  const { rows } = await db.query<LogEntry>('SELECT at, by, action, detail FROM decisions ORDER BY seq')
  const same = rows.every((row, i) => i < log.length && canonical(row) === canonical(log[i]))
  if (!same) throw new StoreError(`${where} holds decisions the source does not; nothing was copied. Copy into an empty database.`)
  const changes = new Changes()
  changes.log.push(...log.slice(rows.length))
  await writeChanges(db, changes)
}

export async function tallyOf(store: PgStore): Promise<Tally> {
  const tables = await store.tables()
  const texts = new Map<string, string>()
  const { rows } = await store.pool.query<{ article_id: string; text: string }>('SELECT article_id, text FROM article_texts')
  for (const row of rows) texts.set(row.article_id, row.text)
  return tally(tables, texts, await store.decisions())
}

export function tally(tables: StoreTables, texts: Map<string, string>, log: readonly LogEntry[]): Tally {
  const hash = createHash('sha256')
  for (const name of ['articles', 'speakers', 'statements', 'claims'] as const) {
    for (const record of [...tables[name]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
      hash.update(`${name}\n${canonical(record)}\n`)
  }
  for (const id of [...texts.keys()].sort()) hash.update(`text\n${id}\n${texts.get(id)}\n`)
  for (const entry of log) hash.update(`log\n${canonical(entry)}\n`)
  return {
    articles: tables.articles.length,
    speakers: tables.speakers.length,
    statements: tables.statements.length,
    claims: tables.claims.length,
    decisions: log.length,
    fingerprint: hash.digest('hex'),
  }
}

/** JSON with every object's keys in order: the database gives a record's keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )
}

function* chunks<T>(list: readonly T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK)
}
