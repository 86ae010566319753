// Search and GET /api/statements in the database: the statements a filter finds, by the rules the web applies to
// the JSON store's lists (src/web/statement-query.ts), answered by indexes so a page never loads the store. Every
// query word must be among a statement's words or its speaker's name words (the GIN indexes of 0003_search.sql);
// a speaker is asked for by id or by a name it answers to (the speakers' trigram index). One page, in store order,
// and the count of all it finds.
import { queryWords } from '../../text/word-keys.js'
import type { SpeakerRecord, StatementRecord } from '../schema.js'
import { normaliseName } from '../speakers.js'
import { COUNT_LIMIT, type Counted, type Found, type Slice, type StatementFilter } from '../statement-filter.js'
import { ARTICLE_COLUMNS, type ArticleRow, articleOf, type Db } from './rows.js'

/**
 * `known`: the count for this filter (up to `countLimit` + 1), when the caller kept it from an earlier page of the
 * same store version.
 */
export async function findStatements(
  db: Db,
  filter: StatementFilter,
  { offset, limit }: Slice,
  known?: number,
  countLimit = COUNT_LIMIT,
): Promise<Counted<Found>> {
  const params: unknown[] = []
  const param = (value: unknown) => `$${params.push(value)}`
  const where = ['NOT s.rejected']
  if (filter.q) {
    const words = queryWords(filter.q)
    if (!words.length) return { total: 0, items: [] }
    // Each word among the statement's own words or its speaker's name words. The speakers are looked up first
    // (an array, not a join), so both halves are bitmap index scans and the count reads each statement once. The
    // first condition follows from the others (a word not among the statement's own is among its speaker's) and
    // lets the index intersect every word's postings at once: "Nairobi contract" read 2,015 rows for 153 without, and
    // its first page walked 15,000 statements in store order, the planner misjudging how few there were.
    const all = param(words)
    where.push(`(s.words @> ${all}::text[] OR s.speaker_id = ANY(ARRAY(SELECT id FROM speakers WHERE name_words && ${all}::text[])))`)
    for (const word of words) {
      const w = param([word])
      where.push(`(s.words @> ${w}::text[] OR s.speaker_id = ANY(ARRAY(SELECT id FROM speakers WHERE name_words @> ${w}::text[])))`)
    }
  }
  if (filter.speaker) {
    const wanted = normaliseName(filter.speaker)
    // An empty name is answered to by every speaker (answersTo); names hold letters, digits and spaces, never % or _.
    where.push(
      wanted
        ? `s.speaker_id = ANY(ARRAY(SELECT id FROM speakers WHERE id = ${param(filter.speaker)} OR names LIKE ${param(`% ${wanted} %`)}))`
        : 'sp.id IS NOT NULL',
    )
  }
  if (filter.type) where.push(`coalesce(sp.type, s.record->'speaker'->>'type') = ${param(filter.type)}`)
  if (filter.stance) where.push(`s.record->>'stance' = ${param(filter.stance)}`)
  if (filter.claim) where.push(`s.claim_id = ${param(filter.claim)}`)
  if (filter.article) where.push(`s.article_id = ${param(filter.article)}`)
  // JavaScript's toLowerCase maps case by Unicode's full rules, as ICU's lower() does.
  if (filter.outlet) where.push(`lower(a.outlet COLLATE "und-x-icu") = ${param(filter.outlet.toLowerCase())}`)
  if (filter.from || filter.to) {
    const said = `coalesce(s.record->>'date', a.published) COLLATE "C"`
    where.push(`${said} <> ''`)
    if (filter.from) where.push(`${said} >= ${param(filter.from)}`)
    if (filter.to) where.push(`${said} <= ${param(filter.to)}`)
  }
  // Outer joins, so the count skips the tables no condition names (every statement has its article).
  const from = `FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN articles a ON a.id = s.article_id
                WHERE ${where.join(' AND ')}`
  const n = params.length
  // Counted up to one past the limit: the count says whether there are more, and reads no further.
  const [counted, page] = await Promise.all([
    known !== undefined
      ? { rows: [{ total: String(known) }] }
      : db.query<{ total: string }>(`SELECT count(*) AS total FROM (SELECT 1 ${from} LIMIT ${countLimit + 1}) found`, params),
    // The page's statements are picked by seq alone (the joins fall away where no condition names them), and only
    // they are joined to their speakers and articles: "dam warnings" finds 41,845 of 1M statements, and joining
    // every one before keeping 25 was half of a 0.7 s search.
    db.query<{ record: StatementRecord; speaker: SpeakerRecord | null } & ArticleRow>(
      `WITH picked AS (SELECT s.seq ${from} ORDER BY s.seq OFFSET $${n + 1} LIMIT $${n + 2})
       SELECT s.record, sp.record AS speaker, ${ARTICLE_COLUMNS.replace(/(\w+)/g, 'a.$1')}
       FROM picked JOIN statements s ON s.seq = picked.seq
       LEFT JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN articles a ON a.id = s.article_id
       ORDER BY s.seq`,
      [...params, offset, limit],
    ),
  ])
  const total = Number(counted.rows[0].total)
  return {
    total: Math.min(total, countLimit),
    ...(total > countLimit ? { more: true } : {}),
    items: page.rows.map((row) => ({ statement: row.record, speaker: row.speaker, article: row.id ? articleOf(row) : null })),
  }
}
