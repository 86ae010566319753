// Search and GET /api/statements in the database: the statements a filter finds, by the rules the web applies to
// the JSON store's lists (src/web/statement-query.ts), answered by indexes so a page never loads the store. Every
// query word must be among a statement's words or its speaker's name words (the GIN indexes of 0003_search.sql);
// a speaker is asked for by id or by a name it answers to (the speakers' trigram index). One page, in store order,
// and the count of all it finds.
import { phrasePatternSql, phrasesOf } from '../../text/phrases.js'
import { queryWords } from '../../text/word-keys.js'
import type { SpeakerRecord, StatementRecord } from '../schema.js'
import { normaliseName } from '../speakers.js'
import { COUNT_LIMIT, type Counted, type Found, type Slice, type StatementFilter } from '../statement-filter.js'
import { ARTICLE_COLUMNS, type ArticleRow, articleOf, type Db } from './rows.js'

/**
 * How many statements, from the first, a page of a common word's search is looked for in by walking them in store
 * order, before every statement the words index finds is read: a phrase found in 41,845 of 1M statements took
 * 0.4-1.3 s read whole and 2 ms walked (its first 25 are among the first 1,337). Walking costs ~2 µs a statement.
 */
const WALK_ROWS = 10_000

/** How many speakers' names holding a word a walk checks in a list; with more, it looks each speaker up. */
const FEW_SPEAKERS = 1_000

/** How far a search counts and walks; the tests make each small to take every path on a small store. */
export interface SearchLimits {
  countLimit: number
  walkRows: number
  fewSpeakers: number
}

/**
 * `known`: the count for this filter (up to `countLimit` + 1), when the caller kept it from an earlier page of the
 * same store version.
 */
export async function findStatements(
  db: Db,
  filter: StatementFilter,
  { offset, limit }: Slice,
  known?: number,
  { countLimit = COUNT_LIMIT, walkRows = WALK_ROWS, fewSpeakers = FEW_SPEAKERS }: Partial<SearchLimits> = {},
): Promise<Counted<Found>> {
  const params: unknown[] = []
  const param = (value: unknown) => `$${params.push(value)}`
  const where = ['NOT s.rejected']
  // The words' conditions as a walk in store order checks them, row by row (see below).
  const walked: string[] = []
  const walkWords: Array<{ word: string; param: string }> = []
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
    // Walking, the words are taken one by one; the lists of them are still parameters the query must name.
    const lists = [all]
    const speakersWith = (test: '@>' | '&&', asked = all) =>
      `s.speaker_id = ANY(ARRAY(SELECT id FROM speakers WHERE name_words ${test} ${asked}::text[]))`
    // The ways a statement can hold the words, each one the indexes answer: with up to three words, each split of
    // them between the statement's own words and its speaker's names ("Atlas Bank": both its own, both the
    // speaker's, "atlas" its own and "bank" the speaker's, or the other way). Each way is exact, so the rows read
    // are the rows found; the looser "holds one, and its speaker one" read 11,286 rows for 2,389 (60 ms, now 20).
    // With more words: all its own, all the speaker's, or some of each, checked word by word after.
    const ways = (asked: string[]): string[] => {
      if (asked.length > 3)
        return [`s.words @> ${all}::text[]`, speakersWith('@>'), `(s.words && ${all}::text[] AND ${speakersWith('&&')})`]
      const found: string[] = []
      const list = (part: string[]) => {
        lists.push(param(part))
        return lists.at(-1)!
      }
      for (let mask = 0; mask < 1 << asked.length; mask++) {
        const own = asked.filter((_, i) => mask & (1 << i))
        const named = asked.filter((_, i) => !(mask & (1 << i)))
        const conditions = [
          ...(own.length ? [`s.words @> ${own.length === asked.length ? all : list(own)}::text[]`] : []),
          ...(named.length ? [speakersWith('@>', named.length === asked.length ? all : list(named))] : []),
        ]
        found.push(conditions.length > 1 ? `(${conditions.join(' AND ')})` : conditions[0])
      }
      return found
    }
    where.push(`(${ways(words).join(' OR ')})`)
    walked.push(lists.map((list) => `cardinality(${list}::text[]) > 0`).join(' AND '))
    for (const word of words) {
      const w = param([word])
      where.push(`(s.words @> ${w}::text[] OR ${speakersWith('@>', w)})`)
      walkWords.push({ word, param: w })
    }
  }
  const rest: string[] = []
  // A quoted phrase, on the content text as contentText (records.ts) joins its spans.
  for (const phrase of phrasesOf(filter.q)) {
    rest.push(
      `(SELECT string_agg(x->>'text', ' … ') FROM jsonb_array_elements(s.record->'content') x) ~* ${param(phrasePatternSql(phrase))}`,
    )
  }
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
  const pageOf = (picking: string, values = params) =>
    db.query<{ record: StatementRecord; speaker: SpeakerRecord | null } & ArticleRow>(
      `WITH picked AS (SELECT s.seq ${picking} ORDER BY s.seq OFFSET $${values.length + 1} LIMIT $${values.length + 2})
       SELECT s.record, sp.record AS speaker, ${ARTICLE_COLUMNS.replace(/(\w+)/g, 'a.$1')}
       FROM picked JOIN statements s ON s.seq = picked.seq
       LEFT JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN articles a ON a.id = s.article_id
       ORDER BY s.seq`,
      [...values, offset, limit],
    )
  // Words found past the count are first looked for in the first `walkRows` statements, walked in store order: if
  // the page is there, it is the page (what comes first in that stretch comes first in the whole). Wrapped in a
  // sub-select, the words' conditions are one the planner cannot see into, so it walks; seen into, it expects a
  // few hundred rows (its estimate for common words is 20 times too low) and reads every one the index finds.
  if (walked.length && total > countLimit) {
    const values = [...params]
    for (const { word, param: w } of walkWords) {
      const few = await speakersNamed(db, word, fewSpeakers)
      // A statement's speaker is found in a list of those whose names hold the word, hashed once, when they are
      // few; when many ("officials" is in 27,875 speakers' names: hashing them took 80 ms), it is looked up.
      walked.push(
        few
          ? `(s.words @> ${w}::text[] OR s.speaker_id = ANY($${values.push(few)}::text[]))`
          : `(s.words @> ${w}::text[] OR EXISTS (SELECT 1 FROM speakers x WHERE x.id = s.speaker_id AND x.name_words @> ${w}::text[]))`,
      )
    }
    const walking = (rows: number) => `${joins} WHERE NOT s.rejected AND s.seq < (SELECT min(seq) FROM statements) + ${rows}
      AND (SELECT ${walked.join(' AND ')})${rest.map((c) => ` AND ${c}`).join('')}`
    // A first page is first looked for in a fifth of the stretch: a common word's is there, and a word too rare to
    // fill it in the whole stretch, spread as in the fifth, is read through the index at once ("Atlas Bank": 6 of the
    // first 10,000, whose walk took 18 ms before the index's 21).
    for (const rows of offset === 0 ? [Math.ceil(walkRows / 5), walkRows] : [walkRows]) {
      const page = await pageOf(walking(rows), values)
      if (page.rows.length === limit) return found(page.rows)
      if (page.rows.length * (walkRows / rows) < limit) break
    }
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

/** The ids of the speakers whose names hold a word, when there are at most `few`; else null. */
async function speakersNamed(db: Db, word: string, few: number): Promise<string[] | null> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM speakers WHERE name_words @> $1::text[] LIMIT $2', [[word], few + 1])
  return rows.length > few ? null : rows.map((r) => r.id)
}
