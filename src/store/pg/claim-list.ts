// The claims list as indexed SQL over claim_summaries and claim_voices (migration 0002): one page of a filtered,
// sorted view and its counts, without reading every claim. The rules are the JSON store's (claim-filter.ts
// filterClaims, the web's sort orders); the contract suite holds the two to the same answers.
import type { ClaimOrder, ClaimsQuery } from '../claim-filter.js'
import { normaliseName } from '../speakers.js'
import type { ClaimSummary } from '../views.js'
import { wordsPattern } from './names.js'
import type { Db } from './rows.js'

// Undated claims last whichever way the dates run; ties by id, byte by byte (the columns are COLLATE "C").
const ORDER_BY: Record<ClaimOrder, string> = {
  latest: 's.latest_date DESC NULLS LAST, s.claim_id',
  first: 's.first_date ASC NULLS LAST, s.claim_id',
  statements: 's.statement_count DESC, s.claim_id',
  articles: 's.article_count DESC, s.claim_id',
  stored: 's.seq',
}
// The column each order sorts by besides the id: a page is picked by the ids and these alone, which the indexes hold.
const KEY: Record<ClaimOrder, string> = {
  latest: 'latest_date',
  first: 'first_date',
  statements: 'statement_count',
  articles: 'article_count',
  stored: 'seq',
}

/**
 * A query as SQL over claim_summaries `s`: what comes before SELECT, the WHERE clause, and their parameters; with a
 * speaker asked for, `walking` is the WHERE clause for a walk of the claims in order (claimsPage).
 */
export function claimsWhere(filter: ClaimsQuery): {
  with: string
  where: string
  walking?: string
  /** The speaker's claims are the whole query: `spoken` holds them, each once. */
  spokenOnly?: boolean
  params: unknown[]
} {
  const params: unknown[] = []
  const arg = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const holds: string[] = []
  if (filter.denied !== undefined) holds.push(filter.denied ? 's.denied' : 'NOT s.denied')
  if (filter.acrossArticles) holds.push('s.article_count >= 2')
  if (filter.anonymousOnly) holds.push('s.anonymous_only')
  const review = filter.review
  if (review && 'reviewed' in review) holds.push(review.reviewed ? 's.reviewed' : 'NOT s.reviewed')
  else if (review) holds.push(`s.reviewed AND s.verdict = ${arg(review.verdict.toLowerCase())}`)

  // Type, stance, outlet and dates must all hold for one and the same voice, and the speaker asked for with them.
  const voice: string[] = []
  if (filter.speakerType) voice.push(`v.type = ${arg(filter.speakerType)}`)
  if (filter.stance) voice.push(`v.side = ${arg(filter.stance === 'confirm' ? 'assert' : filter.stance)}`)
  if (filter.outlet) voice.push(`v.outlet = ${arg(filter.outlet.toLowerCase())}`)
  if (filter.from) voice.push(`v.date >= ${arg(filter.from)}`)
  if (filter.to) voice.push(`v.date <= ${arg(filter.to)}`)
  const wanted = filter.speaker ? normaliseName(filter.speaker) : ''
  const and = voice.map((c) => ` AND ${c}`).join('')
  let before = ''
  if (wanted) {
    // A name is rare: the voices it finds (by the name shown, or by any name of the speaker record, through the
    // trigram indexes) are gathered first, then sorted; walking the sorted list would pass every claim.
    const pattern = arg(wordsPattern(wanted))
    before = `spoken AS MATERIALIZED (
      SELECT v.claim_id FROM claim_voices v WHERE v.apart AND v.name_key LIKE ${pattern}${and}
      UNION
      SELECT v.claim_id FROM claim_voices v
      WHERE v.speaker_id = ANY(ARRAY(SELECT id FROM speakers WHERE names LIKE ${pattern}))${and})`
    const walking = [...holds, '(SELECT s.claim_id IN (SELECT claim_id FROM spoken))']
    const spokenOnly = holds.length === 0
    holds.push('s.claim_id IN (SELECT claim_id FROM spoken)')
    return { with: before, where: `WHERE ${holds.join(' AND ')}`, walking: `WHERE ${walking.join(' AND ')}`, spokenOnly, params }
  }
  if (voice.length) holds.push(`EXISTS (SELECT 1 FROM claim_voices v WHERE v.claim_id = s.claim_id${and})`)
  return { with: before, where: holds.length ? `WHERE ${holds.join(' AND ')}` : '', params }
}

/**
 * How many claims a page of a speaker's claims may expect to walk, in the list's order, to be found, rather than
 * sorting every claim the speaker spoke in: a surname in 40 speakers' names spoke in 4,257 of 272,145 claims, and
 * reading each one's sort key took 30 ms with a warm cache and 130-410 ms cold; walking found the first 50 in
 * 2,185 (2 ms). A rare name's few claims are sorted, as walking would pass every claim.
 */
const WALK_CLAIMS = 20_000

/** One page of the claims a query keeps, in an order. */
export async function claimsPage(
  db: Db,
  filter: ClaimsQuery,
  order: ClaimOrder,
  { offset, limit }: { offset: number; limit: number },
  walkClaims = WALK_CLAIMS,
): Promise<ClaimSummary[]> {
  const sql = claimsWhere(filter)
  // The page's ids are picked first, reading only ids and sort keys (index-only where it can), and only those 50
  // summaries are read: sorting a speaker's 8,000 claims by reading each whole row took twice as long.
  const choose = (where: string) =>
    `SELECT s.claim_id, s.${KEY[order]} FROM claim_summaries s ${where} ORDER BY ${ORDER_BY[order]} LIMIT ${limit} OFFSET ${offset}`
  let picked = `picked AS (${choose(sql.where)})`
  if (sql.walking) {
    // A speaker's claims are walked in the list's order when, spread evenly, the page's last one would be reached
    // within `walkClaims`; else they are sorted. The condition is asked once (a one-time filter): one branch runs.
    // Inside a sub-select the planner cannot see how few claims pass, so it walks the order's index.
    const walks = `(SELECT count(*) FROM spoken) * ${walkClaims} >= ${offset + limit} *
      greatest((SELECT reltuples FROM pg_class WHERE oid = 'claim_summaries'::regclass), 1)`
    picked = `picked AS ((${choose(`${sql.walking} AND ${walks}`)}) UNION ALL (${choose(`${sql.where} AND NOT ${walks}`)}))`
  }
  const { rows } = await db.query<{ summary: ClaimSummary }>(
    `WITH ${[sql.with, picked].filter(Boolean).join(', ')}
     SELECT s.summary FROM picked p JOIN claim_summaries s ON s.claim_id = p.claim_id ORDER BY ${ORDER_BY[order].replace(/\bs\./g, 'p.')}`,
    sql.params,
  )
  return rows.map((r) => r.summary)
}

/** How many claims a query keeps. */
export async function claimsCount(db: Db, filter: ClaimsQuery): Promise<number> {
  const sql = claimsWhere(filter)
  // A voice is written with its claim's summary (summaries.ts), so a speaker's claims alone are counted without
  // reading a summary: "Lindqvist" asserted 22,453 claims of 1M statements, and looking each up took 85 of 130 ms.
  const { rows } = await db.query<{ n: string }>(
    sql.spokenOnly
      ? `WITH ${sql.with} SELECT count(*) AS n FROM spoken`
      : `${sql.with ? `WITH ${sql.with}` : ''} SELECT count(*) AS n FROM claim_summaries s ${sql.where}`,
    sql.params,
  )
  return Number(rows[0].n)
}

/**
 * Every claim a query keeps, in an order, a batch at a time, for downloads of a whole view: the view's ids in one
 * query, then their summaries a batch at a time. No connection is held between batches, so slow readers cannot
 * take the pool (a cursor held one, in an open transaction, per download); paging by OFFSET would sort the view
 * again for every batch. A claim merged away meanwhile is left out.
 */
export async function* claimBatches(db: Db, filter: ClaimsQuery, order: ClaimOrder, size = 250): AsyncGenerator<ClaimSummary[]> {
  const sql = claimsWhere(filter)
  // The ids as one JSON text, parsed at once: 272,493 of them took a server from 56 to 113 MB as rows, 83 MB so.
  const { rows } = await db.query<{ ids: string | null }>(
    `${sql.with ? `WITH ${sql.with}` : ''} SELECT json_agg(s.claim_id ORDER BY ${ORDER_BY[order]})::text AS ids
     FROM claim_summaries s ${sql.where}`,
    sql.params,
  )
  const ids = JSON.parse(rows[0].ids ?? '[]') as string[]
  for (let at = 0; at < ids.length; at += size) {
    const part = ids.slice(at, at + size)
    const found = await db.query<{ claim_id: string; summary: ClaimSummary }>(
      'SELECT claim_id, summary FROM claim_summaries WHERE claim_id = ANY($1::text[])',
      [part],
    )
    const byId = new Map(found.rows.map((r) => [r.claim_id, r.summary]))
    const batch = part.flatMap((id) => byId.get(id) ?? [])
    if (batch.length) yield batch
  }
}

/** The outlets and the verdicts given, for the list's filter form. */
export async function claimFacets(db: Db): Promise<{ outlets: string[]; verdicts: string[] }> {
  const [outlets, verdicts] = await Promise.all([
    db.query<{ outlet: string }>('SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL'),
    // In the order the claims were stored, as the JSON store lists them.
    db.query<{ verdict: string }>(
      `SELECT summary->'claim'->'review'->>'verdict' AS verdict FROM claim_summaries WHERE reviewed
       GROUP BY 1 ORDER BY min(seq)`,
    ),
  ])
  return {
    outlets: outlets.rows.map((r) => r.outlet).sort((a, b) => a.localeCompare(b)),
    verdicts: verdicts.rows.map((r) => r.verdict),
  }
}

/** Claims whose text holds every word asked for, or whose id it is; the most quoted first. */
export async function claimsHolding(db: Db, find: string, limit: number): Promise<ClaimSummary[]> {
  const words = find.toLowerCase().split(/\s+/).filter(Boolean)
  const like = words.map((w) => `%${w.replace(/[\\%_]/g, '\\$&')}%`)
  const { rows } = await db.query<{ summary: ClaimSummary }>(
    `SELECT summary FROM claim_summaries WHERE claim_id = $1 OR lower(text COLLATE "und-x-icu") LIKE ALL ($2::text[])
     ORDER BY statement_count DESC, seq LIMIT $3`,
    [find, like, limit],
  )
  return rows.map((r) => r.summary)
}
