// The claim index (src/claims/claim-index.ts) kept in the database: each statement under its terms, newest first,
// with each term's count. A lookup reads the postings of the query's rarest terms, as the in-memory index does,
// and scores only what they hold, so filing never loads every claim.
import { ClaimIndex, type ClaimStatement, claimStatement, DEFAULT_OPTIONS, termsOf } from '../../claims/claim-index.js'
import { entryOf } from '../../claims/entry.js'
import type { StatementRecord } from '../schema.js'
import type { Db } from './rows.js'

/** A statement as the index reads it: its article's date stands in when the text gives none. */
export const indexed = (s: StatementRecord, published: string | null): ClaimStatement => claimStatement(s.id, s, published, s.articleId)

const termsOfStatement = (s: ClaimStatement) => {
  const entry = entryOf('', s)
  return [...new Set(termsOf(entry))]
}

/** Puts statements in the index; one already there is put in again with its new terms, unless it is `fresh`. */
export async function indexStatements(db: Db, statements: ClaimStatement[], { fresh = false } = {}): Promise<void> {
  if (!statements.length) return
  if (!fresh)
    await unindexStatements(
      db,
      statements.map((s) => s.id),
    )
  const rows = statements.map((s) => ({ id: s.id, terms: termsOfStatement(s) }))
  await db.query(
    `WITH s AS (
       SELECT x.id, x.terms, nextval('claim_term_seq') AS seq
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id text, terms text[])) WITH ORDINALITY AS x(id, terms, n) ORDER BY n
     ), posted AS (
       INSERT INTO claim_terms (term, seq, statement_id) SELECT DISTINCT unnest(s.terms), s.seq, s.id FROM s RETURNING term
     ), counted AS (
       UPDATE store_state SET indexed = indexed + $2
     )
     INSERT INTO claim_term_counts (term, df) SELECT term, count(*) FROM posted GROUP BY term
     ON CONFLICT (term) DO UPDATE SET df = claim_term_counts.df + excluded.df`,
    [JSON.stringify(rows), rows.length],
  )
}

/** Takes statements out of the index (a rejected one; one about to be indexed again). */
export async function unindexStatements(db: Db, ids: string[]): Promise<void> {
  const { rows } = await db.query<{ gone: number }>(
    `WITH gone AS (DELETE FROM claim_terms WHERE statement_id = ANY($1::text[]) RETURNING term, statement_id),
     counted AS (
       UPDATE claim_term_counts c SET df = c.df - g.n FROM (SELECT term, count(*)::int AS n FROM gone GROUP BY term) g WHERE c.term = g.term
     )
     SELECT count(DISTINCT statement_id)::int AS gone FROM gone`,
    [ids],
  )
  if (rows[0].gone) await db.query('UPDATE store_state SET indexed = indexed - $1', [rows[0].gone])
}

/**
 * For each lookup (one claim's statements), the stored statements holding its rarest terms, the most recent
 * first, at most `maxCandidates`, as the in-memory index retrieves them; an index of only those, scored with
 * the store's own term counts, that scores each lookup against its own.
 */
export async function candidatesFor(db: Db, lookups: ClaimStatement[][], options = DEFAULT_OPTIONS): Promise<ClaimIndex> {
  const termsOfLookup = lookups.map((lookup) => [...new Set(lookup.flatMap(termsOfStatement))])
  const df = await termCounts(db, [...new Set(termsOfLookup.flat())])
  const asked: Array<{ lookup: number; term: string }> = []
  termsOfLookup.forEach((terms, lookup) => {
    const rare = terms.filter((t) => df.has(t)).sort((a, b) => df.get(a)! - df.get(b)!)
    for (const term of rare.slice(0, options.maxTerms)) asked.push({ lookup, term })
  })
  const { rows } = await db.query<{ lookup: number; statement_id: string }>(
    `SELECT t.lookup, p.statement_id
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (lookup int, term text)) WITH ORDINALITY AS t(lookup, term, n)
     CROSS JOIN LATERAL (SELECT statement_id, seq FROM claim_terms c WHERE c.term = t.term ORDER BY seq DESC LIMIT $2) p
     ORDER BY t.n, p.seq DESC`,
    [JSON.stringify(asked), options.maxCandidates],
  )
  const retrieved = lookups.map(() => new Set<string>())
  for (const row of rows) {
    const found = retrieved[row.lookup]
    if (found.size < options.maxCandidates) found.add(row.statement_id)
  }
  const byLookup = new Map(lookups.map((lookup, i) => [lookup[0]?.id, [...retrieved[i]]]))
  const { rows: stored } = await db.query<{ record: StatementRecord; published: string | null }>(
    `SELECT s.record, a.published FROM statements s JOIN articles a ON a.id = s.article_id
     WHERE s.id = ANY($1::text[]) AND NOT s.rejected ORDER BY s.seq`,
    [[...new Set(retrieved.flatMap((found) => [...found]))]],
  )
  const found = stored.map(({ record: s, published }) => ({ s, entry: indexed(s, published) }))
  // A stored statement's own terms weigh by the store's counts too; the store's size is the N of their rarity.
  const more = [...new Set(found.flatMap(({ entry }) => termsOfStatement(entry)))].filter((t) => !df.has(t))
  const { rows: counted } = await db.query<{ indexed: string; counts: Record<string, number> }>(
    `SELECT (SELECT indexed FROM store_state) AS indexed,
            (SELECT coalesce(jsonb_object_agg(term, df), '{}') FROM claim_term_counts WHERE term = ANY($1::text[]) AND df > 0) AS counts`,
    [more],
  )
  for (const [term, n] of Object.entries(counted[0].counts)) df.set(term, n)
  const corpus = { statements: Number(counted[0].indexed), df: (term: string) => df.get(term) ?? 0 }
  const byClaim = new Map<string, ClaimStatement[]>()
  for (const { s, entry } of found) byClaim.set(s.claim, [...(byClaim.get(s.claim) ?? []), entry])
  return ClaimIndex.from(
    [...byClaim].map(([id, list]) => ({ id, statements: list })),
    { ...options, corpus, retrieved: (asked) => byLookup.get(asked[0]?.id) ?? [] },
  )
}

async function termCounts(db: Db, terms: string[]): Promise<Map<string, number>> {
  if (!terms.length) return new Map()
  const { rows } = await db.query<{ term: string; df: number }>(
    'SELECT term, df FROM claim_term_counts WHERE term = ANY($1::text[]) AND df > 0',
    [terms],
  )
  return new Map(rows.map((r) => [r.term, r.df]))
}

export async function publishedOf(db: Db, articleIds: string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(articleIds)]
  if (!ids.length) return new Map()
  const { rows } = await db.query<{ id: string; published: string | null }>(
    'SELECT id, published FROM articles WHERE id = ANY($1::text[])',
    [ids],
  )
  return new Map(rows.map((r) => [r.id, r.published]))
}
