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
 * How many statements, from the first, a page of a common word's search is looked for in by walking them in store
 * order, before every statement the words index finds is read: a phrase found in 41,845 of 1M statements took
 * 0.4-1.3 s read whole and 2 ms walked (its first 25 are among the first 1,337). Walking costs ~4 µs a statement.
 */
const WALK_ROWS = 10_000

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
  // The words' conditions as a walk in store order checks them, row by row (see below).
  const walked: string[] = []
  let allWords: string | undefined
  if (filter.q) {
    const words = queryWords(filter.q)
    if (!words.length) return { total: 0, items: [] }
    // Each word among the statement's own words or its speaker's name words. The speakers are looked up first
    // (an array, not a join), so both halves are bitmap index scans and the count reads each statement once. The
    // first condition follows from the others (a word not among the statement's own is among its speaker's) and
    // lets the index intersect every word's postings at once: "Nairobi contract" read 2,015 rows for 153 without, and
    // its first page walked 15,000 statements in store order, the planner misjudging how few there were.
    const all = param(words)
    allWords = all
    // Walking, the words are taken one by one; the list of them is still a parameter the query must name.
    walked.push(`cardinality(${all}::text[]) > 0`)
    const speakersWith = (test: '@>' | '&&', asked = all) =>
      `s.speaker_id = ANY(ARRAY(SELECT id FROM speakers WHERE name_words ${test} ${asked}::text[]))`
    // With several words a statement holds them all itself, or its speaker's names do, or each holds some: then the
    // statement holds one and its speaker one. Its speaker holding any, alone, let in every statement of a speaker
    // named for one word: "Atlas Bank" read 25,170 statements of 150 speakers named for "bank" (125 ms); so, 75 ms.
    where.push(
      words.length === 1
        ? `(s.words @> ${all}::text[] OR ${speakersWith('@>')})`
        : `(s.words @> ${all}::text[] OR ${speakersWith('@>')} OR (s.words && ${all}::text[] AND ${speakersWith('&&')}))`,
    )
    for (const word of words) {
      const w = param([word])
      where.push(`(s.words @> ${w}::text[] OR ${speakersWith('@>', w)})`)
      // Walking, a statement's own speaker is looked up: "officials" is in 27,875 speakers' names.
      walked.push(
        `(s.words @> ${w}::text[] OR EXISTS (SELECT 1 FROM speakers x WHERE x.id = s.speaker_id AND x.name_words @> ${w}::text[]))`,
      )
    }
  }
  const rest: string[] = []
  if (filter.speaker) {
    const wanted = normaliseName(filter.speaker)
    // An empty name is answered to by every speaker (answersTo); names hold letters, digits and spaces, never % or _.
    rest.push(
      wanted
        ? `s.speaker_id = ANY(ARRAY(SELECT id FROM speakers WHERE id = ${param(filter.speaker)} OR names LIKE ${param(`% ${wanted} %`)}))`
        : 'sp.id IS NOT NULL',
    )
  }
  if (filter.type) rest.push(`coalesce(sp.type, s.record->'speaker'->>'type') = ${param(filter.type)}`)
  if (filter.stance) rest.push(`s.record->>'stance' = ${param(filter.stance)}`)
  if (filter.claim) rest.push(`s.claim_id = ${param(filter.claim)}`)
  if (filter.article) rest.push(`s.article_id = ${param(filter.article)}`)
  // JavaScript's toLowerCase maps case by Unicode's full rules, as ICU's lower() does.
  if (filter.outlet) rest.push(`lower(a.outlet COLLATE "und-x-icu") = ${param(filter.outlet.toLowerCase())}`)
  if (filter.from || filter.to) {
    const said = `coalesce(s.record->>'date', a.published) COLLATE "C"`
    rest.push(`${said} <> ''`)
    if (filter.from) rest.push(`${said} >= ${param(filter.from)}`)
    if (filter.to) rest.push(`${said} <= ${param(filter.to)}`)
  }
  // Outer joins, so the count skips the tables no condition names (every statement has its article).
  const joins = 'FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN articles a ON a.id = s.article_id'
  const from = `${joins} WHERE ${[...where, ...rest].join(' AND ')}`
  const n = params.length
  // Counted up to one past the limit: the count says whether there are more, and reads no further. With words, the
  // statements holding them all themselves are counted first, by the words index alone: when they are past the
  // limit, so is the whole, and the speakers whose names hold a word are never read ("officials" is in 27,875
  // names, and reading their statements took 100 ms). CASE asks the second count only when the first falls short.
  const counting = (most: number) => {
    const whole = `(SELECT count(*) FROM (SELECT 1 ${from} LIMIT ${most + 1}) found)`
    if (!allWords) return whole
    const own = `${joins} WHERE ${['NOT s.rejected', `s.words @> ${allWords}::text[]`, ...rest].join(' AND ')}`
    return `CASE WHEN (SELECT count(*) FROM (SELECT 1 ${own} LIMIT ${most + 1}) held) > ${most} THEN ${most + 1} ELSE ${whole} END`
  }
  const total = known ?? Number((await db.query<{ total: string }>(`SELECT ${counting(countLimit)} AS total`, params)).rows[0].total)
  // The page's statements are picked by seq alone (the joins fall away where no condition names them), and only
  // they are joined to their speakers and articles: "dam warnings" finds 41,845 of 1M statements, and joining
  // every one before keeping 25 was half of a 0.7 s search.
  const pageOf = (picking: string) =>
    db.query<{ record: StatementRecord; speaker: SpeakerRecord | null } & ArticleRow>(
      `WITH picked AS (SELECT s.seq ${picking} ORDER BY s.seq OFFSET $${n + 1} LIMIT $${n + 2})
       SELECT s.record, sp.record AS speaker, ${ARTICLE_COLUMNS.replace(/(\w+)/g, 'a.$1')}
       FROM picked JOIN statements s ON s.seq = picked.seq
       LEFT JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN articles a ON a.id = s.article_id
       ORDER BY s.seq`,
      [...params, offset, limit],
    )
  // Words found past the count are first looked for in the first WALK_ROWS statements, walked in store order: if
  // the page is there, it is the page (what comes first in that stretch comes first in the whole). Wrapped in a
  // sub-select, the words' conditions are one the planner cannot see into, so it walks; seen into, it expects a
  // few hundred rows (its estimate for common words is 20 times too low) and reads every one the index finds.
  if (walked.length && total > countLimit) {
    const walking = `${joins} WHERE NOT s.rejected AND s.seq < (SELECT min(seq) FROM statements) + ${WALK_ROWS}
      AND (SELECT ${walked.join(' AND ')})${rest.map((c) => ` AND ${c}`).join('')}`
    const page = await pageOf(walking)
    if (page.rows.length === limit) return found(page.rows)
  }
  return found((await pageOf(from)).rows)

  function found(rows: Array<{ record: StatementRecord; speaker: SpeakerRecord | null } & ArticleRow>): Counted<Found> {
    return {
      total: Math.min(total, countLimit),
      ...(total > countLimit ? { more: true } : {}),
      items: rows.map((row) => ({ statement: row.record, speaker: row.speaker, article: row.id ? articleOf(row) : null })),
    }
  }
}
