// The speakers index and the name pickers in the database, by the rules of src/store/speaker-rows.ts: current
// speakers, the most quoted first, then by name, each with its counts, which the statements' triggers keep on the
// speaker (0003_search.sql): a page reads its rows and nothing else.
import type { SpeakerRecord } from '../schema.js'
import type { SpeakerRow } from '../speaker-rows.js'
import { normaliseName } from '../speakers.js'
import type { Counted, Slice } from '../statement-filter.js'
import type { Db } from './rows.js'

/** The condition for "answers to `name`", and its parameter; none when every speaker answers (an empty name). */
function answering(name: string, whole: boolean, param: (value: unknown) => string): string | null {
  const wanted = normaliseName(name)
  // `names` is one name a line, each in spaces (search-words.ts namesLine): a whole name is a whole line.
  if (whole) return `(E'\\n' || names || E'\\n') LIKE ${param(`%\n ${wanted} \n%`)}`
  return wanted ? `names LIKE ${param(`% ${wanted} %`)}` : null
}

export async function speakerRows(db: Db, q: string | undefined, { offset, limit }: Slice): Promise<Counted<SpeakerRow>> {
  const params: unknown[] = []
  const param = (value: unknown) => `$${params.push(value)}`
  const named = q === undefined ? null : answering(q, false, param)
  const where = `WHERE merged_into IS NULL${named ? ` AND ${named}` : ''}`
  const n = params.length
  const [counted, page] = await Promise.all([
    db.query<{ total: string }>(`SELECT count(*) AS total FROM speakers ${where}`, params),
    db.query<{ record: SpeakerRecord; quotes: number; claims: number; asserts: number; denials: number }>(
      `SELECT record, quotes, claims, asserts, denials FROM speakers ${where}
       ORDER BY quotes DESC, name COLLATE "und-x-icu", seq OFFSET $${n + 1} LIMIT $${n + 2}`,
      [...params, offset, limit],
    ),
  ])
  return {
    total: Number(counted.rows[0].total),
    items: page.rows.map(({ record, quotes, claims, asserts, denials }) => ({
      speaker: record,
      counts: { statements: quotes, claims, asserts, denials },
    })),
  }
}

/** Current speakers by a name, in store order: one of their names is it (`whole`), or holds its words in a row. */
export async function speakersCalled(
  db: Db,
  name: string,
  { whole, except, limit }: { whole: boolean; except?: string; limit: number },
): Promise<Counted<SpeakerRecord>> {
  const params: unknown[] = []
  const param = (value: unknown) => `$${params.push(value)}`
  const conditions = ['merged_into IS NULL']
  const named = answering(name, whole, param)
  if (named) conditions.push(named)
  if (except !== undefined) conditions.push(`id <> ${param(except)}`)
  const { rows } = await db.query<{ record: SpeakerRecord; total: string }>(
    `SELECT record, count(*) OVER () AS total FROM speakers WHERE ${conditions.join(' AND ')} ORDER BY seq LIMIT ${param(limit)}`,
    params,
  )
  return { total: rows.length ? Number(rows[0].total) : 0, items: rows.map((r) => r.record) }
}
