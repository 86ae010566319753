// Filing articles into the PostgreSQL store with the JSON store's own rules (records.ts, speakers.ts,
// across-articles.ts), run on only the records an article can touch: the speakers its mentions are found by and
// the claims its statements' rarest terms point to. The caller holds the filing lock, so the records read here
// stay as read until the transaction ends.
import { InvalidInputError } from '../../errors.js'
import type { Extraction } from '../../pipeline/types.js'
import { fileMatched, matchAcross } from '../across-articles.js'
import { Changes } from '../changes.js'
import { articleRecord, fileExtraction, fingerprint } from '../records.js'
import type { ArticleInput, ClaimRecord, SpeakerRecord } from '../schema.js'
import { SpeakerRoster, speakerLookups } from '../speakers.js'
import type { ExtractedArticle } from '../store.js'
import type { AddResult } from '../views.js'
import { candidatesFor, indexed, indexStatements } from './claim-postings.js'
import { type Db, moveQuotes, recordsById, writeChanges } from './rows.js'

/** Files a batch, each article once: one whose text is stored, or was earlier in the batch, adds nothing. */
export async function fileBatch(db: Db, batch: ExtractedArticle[], where: string): Promise<AddResult[]> {
  const prints = batch.map(({ article }) => fingerprint(article.text))
  const ids = batch.map(({ article }, i) => article.id ?? prints[i].slice(0, 12))
  const { rows } = await db.query<{ id: string; fingerprint: string }>(
    'SELECT id, fingerprint FROM articles WHERE fingerprint = ANY($1::text[]) OR id = ANY($2::text[])',
    [prints, ids],
  )
  const stored = new Map(rows.map((r) => [r.fingerprint, r.id]))
  const holders = new Map(rows.map((r) => [r.id, r.fingerprint]))
  // A caller's id that already names another text is refused before anything of the batch is filed.
  batch.forEach((_, i) => {
    if (stored.has(prints[i])) return
    const holder = holders.get(ids[i])
    if (holder !== undefined && holder !== prints[i]) {
      throw new InvalidInputError(`article id "${ids[i]}" already names another text in ${where}. Give this article a different id.`)
    }
    holders.set(ids[i], prints[i])
  })
  const results: AddResult[] = []
  for (const [i, { article, extraction }] of batch.entries()) {
    const already = stored.get(prints[i])
    if (already !== undefined) {
      results.push({ articleId: already, added: false, statements: 0, claims: 0 })
      continue
    }
    const result = await fileArticle(db, article, prints[i], extraction)
    stored.set(prints[i], result.articleId)
    results.push(result)
  }
  return results
}

async function fileArticle(db: Db, input: ArticleInput, print: string, extraction: Extraction): Promise<AddResult> {
  const changes = new Changes()
  const article = articleRecord(input, print, new Date().toISOString())
  const moves: Array<[string, string]> = []
  const roster = await rosterFor(db, extraction, article.id, changes, moves)
  const filed = fileExtraction(article.id, extraction, (speaker) => roster.file(speaker, article.id, article.published).id)
  const { statements } = filed
  const queries = statements.map((s) => indexed(s, article.published))
  // One lookup per claim of the article, as fileAcross asks the index.
  const lookups = filed.claims.map((claim) => queries.filter((_, i) => statements[i].claim === claim.id))
  const index = await candidatesFor(db, lookups)
  const asked = matchAcross(index, article, filed.claims, statements)
  // Only the stored claims joined are read: a claim's record lists every statement it holds (hundreds, at 1M).
  const joined = asked.flatMap(({ match }) => (match ? [match.claimId] : []))
  const claims = new Map((await recordsById<ClaimRecord>(db, 'claims', joined)).map((c) => [c.id, c]))
  const fresh = fileMatched(index, asked, (id) => claims.get(id))
  changes.article(article, input.text)
  for (const claim of fresh) changes.claim(claim)
  // Stored claims this article's statements joined.
  for (const statement of statements) changes.claim(claims.get(statement.claim))
  for (const statement of statements) changes.statement(statement)
  await writeChanges(db, changes)
  // A bare surname absorbed by the first full name: its statements in earlier articles follow it.
  for (const [into, from] of moves) await moveQuotes(db, into, from, article.id)
  await indexStatements(db, queries, { fresh: true })
  return { articleId: article.id, added: true, statements: statements.length, claims: fresh.length }
}

/** A roster of the speakers this article's mentions may be filed under, with how often each is quoted. */
async function rosterFor(
  db: Db,
  extraction: Extraction,
  articleId: string,
  changes: Changes,
  moves: Array<[string, string]>,
): Promise<SpeakerRoster> {
  const keys = new Set<string>()
  const surnames = new Set<string>()
  const ids = new Set<string>()
  // Ids made as base-type-2, base-type-3, …: read by prefix, through the id's pattern index.
  const prefixes = new Set<string>()
  for (const { speaker } of extraction.statements) {
    if (!speaker) continue
    const found = speakerLookups(speaker, articleId)
    for (const key of found.keys) keys.add(key)
    for (const surname of found.surnames) surnames.add(surname)
    for (const base of found.idBases) {
      ids.add(base)
      ids.add(`${base}-${speaker.type}`)
      prefixes.add(`${base}-${speaker.type}-`)
    }
  }
  const { rows } = await db.query<{ record: SpeakerRecord; quoted: number }>(
    // How often each is quoted tells the best-known bearer of a surname: the count the statements' triggers keep
    // (0003_search.sql), as counting a common surname's bearers' statements grew with the store.
    `SELECT s.record, CASE WHEN found.bearer AND s.type = 'person' THEN s.quotes ELSE 0 END AS quoted
     FROM speakers s JOIN (
       SELECT id, bool_or(bearer) AS bearer FROM (
         SELECT speaker_id AS id, false AS bearer FROM speaker_keys WHERE key = ANY($1::text[])
         UNION ALL SELECT speaker_id, true FROM speaker_surnames WHERE surname = ANY($2::text[])
         UNION ALL SELECT id, false FROM speakers WHERE id = ANY($3::text[])
         UNION ALL SELECT n.id, false FROM unnest($4::text[]) AS p(prefix)
           CROSS JOIN LATERAL (SELECT id FROM speakers WHERE id ~>=~ p.prefix AND id ~<~ (p.prefix || chr(1114111))) n
       ) any_way GROUP BY id
     ) found USING (id)
     ORDER BY s.seq`,
    [[...keys], [...surnames], [...ids], [...prefixes]],
  )
  const quoted = new Map(rows.map((r) => [r.record.id, r.quoted]))
  return new SpeakerRoster(
    rows.map((r) => r.record),
    (id) => quoted.get(id) ?? 0,
    (into, from) => {
      moves.push([into.id, from.id])
      quoted.set(into.id, (quoted.get(into.id) ?? 0) + (quoted.get(from.id) ?? 0))
    },
    (record) => changes.speaker(record),
  )
}
