// A reviewer's decision in the PostgreSQL store: the records it names, and those it may reach (a claim's
// statements, a speaker's quotes, the ids a new record's id is chosen among), are read into memory; the JSON
// store's own desk (desk.ts, decisions.ts) applies the decision to them; what it changed is written back. The
// caller holds the filing lock, so nothing read here changes before the transaction ends.
import { InvalidInputError } from '../../errors.js'
import { Changes } from '../changes.js'
import type { Decision } from '../decisions.js'
import { type DeskRecords, logDecision, openDesk, refuseUndoneTwice, undoes } from '../desk.js'
import type { ArticleRecord, ClaimRecord, LogEntry, SpeakerRecord, StatementRecord } from '../schema.js'
import { keptApart, SpeakerRoster, slug } from '../speakers.js'
import { indexed, indexStatements, publishedOf, unindexStatements } from './claim-postings.js'
import { articlesById, type Db, moveQuotes, recordsById, writeChanges } from './rows.js'

export async function decideIn(db: Db, decision: Decision, by: string): Promise<LogEntry> {
  if (!by.trim()) throw new InvalidInputError("a decision needs the reviewer's name. Pass --by NAME.")
  const at = new Date().toISOString()
  // The caller holds the filing lock: an undo logged since the page checked is seen here (desk.ts).
  const place = undoes(decision)
  if (place !== undefined) {
    const { rows } = await db.query("SELECT 1 FROM decisions WHERE detail->>'undoes' = $1 LIMIT 1", [String(place)])
    refuseUndoneTwice(decision, [], rows.length > 0)
  }
  const { claims, statements, speakers, published, articles } = await gather(db, decision)
  const changes = new Changes()
  const moves: Array<[string, string]> = []
  const quotes = new Map<string, StatementRecord[]>()
  const indexStatement = (statement: StatementRecord) => {
    statements.set(statement.id, statement)
    if (statement.speakerId === null || statement.rejected) return
    quotes.set(statement.speakerId, [...(quotes.get(statement.speakerId) ?? []), statement])
  }
  for (const statement of statements.values()) indexStatement(statement)
  const speakerList = [...speakers.values()]
  const roster = new SpeakerRoster(
    speakerList,
    (id) => quotes.get(id)?.length ?? 0,
    (into, from) => {
      // As the JSON store moves a merged speaker's quotes; the database moves those not read (moveQuotes below).
      for (const statement of quotes.get(from.id) ?? []) {
        statement.speakerId = into.id
        changes.statement(statement)
      }
      quotes.set(into.id, [...(quotes.get(into.id) ?? []), ...(quotes.get(from.id) ?? [])])
      quotes.delete(from.id)
      moves.push([into.id, from.id])
    },
    (record) => changes.speaker(record),
  )
  const currentClaim = (id: string) => {
    let claim = claims.get(id)
    for (let hops = 0; claim?.mergedInto && hops < 100; hops++) claim = claims.get(claim.mergedInto)
    return claim
  }
  const records: DeskRecords = {
    data: { schema: 0, articles: [], speakers: speakerList, statements: [...statements.values()], claims: [...claims.values()], log: [] },
    claims,
    statements,
    quotes,
    speakers: roster,
    // The claim index is the database's postings, brought up to date below.
    index: () => undefined,
    currentClaim,
    indexStatement,
    published: (articleId) => published.get(articleId) ?? null,
    article: (id) => articles.get(id),
    statementsOf: (articleId) => [...statements.values()].filter((s) => s.articleId === articleId),
  }
  const logged = logDecision(decision, openDesk(records, by, at, changes), [], changes)
  await writeChanges(db, changes)
  for (const [into, from] of moves) await moveQuotes(db, into, from)
  if (decision.action === 'reject-statement') await unindexStatements(db, [decision.statement])
  if (decision.action === 'set-article') {
    // The triggers of 0002 queue the claims of an article whose outlet or day changed; its statements' postings
    // carry the day the claim index matches on.
    const article = articles.get(decision.article)!
    await db.query('UPDATE articles SET title = $2, outlet = $3, published = $4, url = $5 WHERE id = $1', [
      article.id,
      article.title,
      article.outlet,
      article.published,
      article.url,
    ])
    const live = [...statements.values()].filter((s) => s.articleId === article.id && !s.rejected)
    await indexStatements(
      db,
      live.map((s) => indexed(s, article.published)),
    )
  }
  if (decision.action === 'set-speaker') {
    const statement = statements.get(decision.statement)!
    await indexStatements(db, [indexed(statement, published.get(statement.articleId) ?? null)])
  }
  return logged
}

interface Gathered {
  articles: Map<string, ArticleRecord>
  claims: Map<string, ClaimRecord>
  statements: Map<string, StatementRecord>
  speakers: Map<string, SpeakerRecord>
  published: Map<string, string | null>
}

/** Every record the decision may read or change. */
async function gather(db: Db, d: Decision): Promise<Gathered> {
  const statementIds: string[] = []
  const claimIds: string[] = []
  const speakerIds: string[] = []
  if ('statement' in d) statementIds.push(d.statement)
  if (d.action === 'unmerge-claims') statementIds.push(...d.statements)
  if ('claim' in d) claimIds.push(d.claim)
  if (d.action === 'merge-claims') claimIds.push(d.into, d.from)
  if (d.action === 'merge-speakers') speakerIds.push(d.into, d.from)
  if (d.action === 'split-speaker' || d.action === 'set-speaker') speakerIds.push(d.speaker)

  const statements = new Map<string, StatementRecord>()
  const addStatements = (list: StatementRecord[]) => {
    for (const s of list) statements.set(s.id, s)
  }
  addStatements(await recordsById<StatementRecord>(db, 'statements', statementIds))
  const articles = new Map<string, ArticleRecord>()
  if (d.action === 'set-article') {
    for (const article of await articlesById(db, [d.article])) articles.set(article.id, article)
    const { rows } = await db.query<{ record: StatementRecord }>('SELECT record FROM statements WHERE article_id = $1 ORDER BY seq', [
      d.article,
    ])
    addStatements(rows.map((r) => r.record))
  }
  const claims = await withMerges<ClaimRecord>(db, 'claims', [...claimIds, ...[...statements.values()].map((s) => s.claim)])
  // A claim's statements, each of which a merge or a move may refile.
  addStatements(
    await recordsById<StatementRecord>(
      db,
      'statements',
      [...claims.values()].flatMap((c) => c.statementIds),
    ),
  )
  if (d.action === 'split-statement') {
    // The new claim takes the article's first free number.
    const article = statements.get(d.statement)?.articleId
    if (article) {
      const { rows } = await db.query<{ record: ClaimRecord }>("SELECT record FROM claims WHERE id LIKE $1 || ':c%'", [escapeLike(article)])
      for (const { record } of rows) if (!claims.has(record.id)) claims.set(record.id, record)
    }
  }
  const speakers = await withMerges<SpeakerRecord>(db, 'speakers', [
    ...speakerIds,
    ...[...statements.values()].flatMap((s) => (s.speakerId ? [s.speakerId] : [])),
  ])
  if (d.action === 'merge-speakers' || d.action === 'split-speaker') {
    // Their quotes follow a merge, and a split takes those written as the alias.
    const { rows } = await db.query<{ record: StatementRecord }>(
      'SELECT record FROM statements WHERE speaker_id = ANY($1::text[]) AND NOT rejected',
      [[...speakers.keys()]],
    )
    addStatements(rows.map((r) => r.record))
  }
  const named = d.action === 'set-speaker' ? d.speaker : d.action === 'split-speaker' ? d.alias : undefined
  if (named !== undefined) {
    // set-speaker files under a record of that name, or a new one; a split's alias becomes a new record. A new
    // record's id is the first free of its base, base-type, base-type-2, …
    const record = d.action === 'split-speaker' ? speakers.get(d.speaker) : undefined
    const base = record && keptApart(record) ? `${slug(named)}-${slug(record.id)}` : slug(named)
    const { rows } = await db.query<{ record: SpeakerRecord }>(
      `SELECT record FROM speakers WHERE (name = $1 AND merged_into IS NULL AND type <> 'anonymous') OR id = $2 OR id LIKE $3 ORDER BY seq`,
      [named, base, `${escapeLike(base)}-%`],
    )
    for (const { record: found } of rows) if (!speakers.has(found.id)) speakers.set(found.id, found)
  }
  const published = await publishedOf(
    db,
    [...statements.values()].map((s) => s.articleId),
  )
  return { articles, claims, statements, speakers, published }
}

/** Records by id with every record they were merged into, however many hops. */
async function withMerges<T extends { id: string; mergedInto?: string }>(
  db: Db,
  table: 'claims' | 'speakers',
  ids: string[],
): Promise<Map<string, T>> {
  const found = new Map<string, T>()
  let asked = [...new Set(ids)]
  for (let hops = 0; asked.length && hops < 100; hops++) {
    const list = await recordsById<T>(db, table, asked)
    for (const record of list) found.set(record.id, record)
    asked = list.flatMap((r) => (r.mergedInto && !found.has(r.mergedInto) ? [r.mergedInto] : []))
  }
  return found
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&')
