// Store records to and from their rows. Each record is kept whole in `record` (jsonb) beside the columns it is
// looked up by, so what the JSON store's code made or changed is written as it is, and read back the same.
import type pg from 'pg'
import type { Changes } from '../changes.js'
import type { ArticleRecord, LogEntry, SpeakerRecord, StatementRecord } from '../schema.js'
import { keptApart, speakerKeys, surnameOf } from '../speakers.js'
import { namesLine, nameWords, statementWords } from './search-words.js'

/** A connection or the pool: anything that answers a query. */
export type Db = Pick<pg.ClientBase, 'query'>

export interface ArticleRow {
  id: string
  fingerprint: string
  title: string | null
  outlet: string | null
  url: string | null
  published: string | null
  added_at: string
}

export const ARTICLE_COLUMNS = 'id, fingerprint, title, outlet, url, published, added_at'

export function articleOf(row: ArticleRow): ArticleRecord {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    published: row.published,
    fingerprint: row.fingerprint,
    addedAt: row.added_at,
  }
}

/** Records kept whole, by id, in the order the rows were asked for. */
export async function recordsById<T>(db: Db, table: 'speakers' | 'claims' | 'statements', ids: Iterable<string>): Promise<T[]> {
  const list = [...new Set(ids)]
  if (!list.length) return []
  const { rows } = await db.query<{ record: T }>(`SELECT record FROM ${table} WHERE id = ANY($1::text[]) ORDER BY seq`, [list])
  return rows.map((r) => r.record)
}

export async function articlesById(db: Db, ids: Iterable<string>): Promise<ArticleRecord[]> {
  const list = [...new Set(ids)]
  if (!list.length) return []
  const { rows } = await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[]) ORDER BY seq`, [list])
  return rows.map(articleOf)
}

const json = (value: unknown) => JSON.stringify(value)

/**
 * Writes what one change made or altered, in the order the foreign keys need: speakers and claims before the
 * articles' statements that name them, the log last. Speakers' lookup keys follow their records.
 */
export async function writeChanges(db: Db, changes: Changes): Promise<void> {
  const speakers = [...changes.speakers.values()]
  if (speakers.length) await writeSpeakers(db, speakers)
  const claims = [...changes.claims.values()]
  if (claims.length) {
    // A claim merged into one made in the same change names it: the target goes first.
    await db.query(
      `INSERT INTO claims (id, merged_into, record)
       SELECT r->>'id', r->>'mergedInto', r FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n) ORDER BY n
       ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, record = excluded.record`,
      [json(claims)],
    )
  }
  for (const text of changes.texts) {
    const a = changes.articles.get(text.id)!
    await db.query(`INSERT INTO articles (id, fingerprint, title, outlet, url, published, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      a.id,
      a.fingerprint,
      a.title,
      a.outlet,
      a.url,
      a.published,
      a.addedAt,
    ])
    await db.query('INSERT INTO article_texts (article_id, text) VALUES ($1, $2)', [a.id, text.text])
  }
  const statements = [...changes.statements.values()]
  if (statements.length) await writeStatements(db, statements)
  for (const entry of changes.log) await logDecision(db, entry)
}

async function writeSpeakers(db: Db, speakers: SpeakerRecord[]): Promise<void> {
  // Each record with the names it is searched by (search-words.ts); its counts are the statements' triggers'.
  await db.query(
    `INSERT INTO speakers (id, name, type, merged_into, record, name_words, names)
     SELECT r->>'id', r->>'name', r->>'type', r->>'mergedInto', r, ARRAY(SELECT jsonb_array_elements_text(e.x->'words')), e.x->>'names'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(x, n), LATERAL (SELECT e.x->'record' AS r) AS l ORDER BY n
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, merged_into = excluded.merged_into, record = excluded.record,
       name_words = excluded.name_words, names = excluded.names`,
    [json(speakers.map((record) => ({ record, words: nameWords(record), names: namesLine(record) })))],
  )
  // A merged record is found by none of its keys any more; a live one by those it still has, first come first served.
  const ids = speakers.map((s) => s.id)
  const keys = speakers.flatMap((s) => (s.mergedInto ? [] : speakerKeys(s).map((key) => ({ key, id: s.id }))))
  const surnames = speakers.flatMap((s) =>
    s.mergedInto || s.type !== 'person' || keptApart(s) ? [] : [{ surname: surnameOf(s), id: s.id }],
  )
  await db.query(
    `DELETE FROM speaker_keys k WHERE k.speaker_id = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(key text, id text) WHERE x.key = k.key AND x.id = k.speaker_id)`,
    [ids, json(keys)],
  )
  await db.query(
    `INSERT INTO speaker_keys (key, speaker_id) SELECT key, id FROM jsonb_to_recordset($1::jsonb) AS x(key text, id text)
     ON CONFLICT (key) DO NOTHING`,
    [json(keys)],
  )
  await db.query(
    `DELETE FROM speaker_surnames s WHERE s.speaker_id = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(surname text, id text) WHERE x.surname = s.surname AND x.id = s.speaker_id)`,
    [ids, json(surnames)],
  )
  await db.query(
    `INSERT INTO speaker_surnames (surname, speaker_id) SELECT surname, id FROM jsonb_to_recordset($1::jsonb) AS x(surname text, id text)
     ON CONFLICT DO NOTHING`,
    [json(surnames)],
  )
}

async function writeStatements(db: Db, statements: StatementRecord[]): Promise<void> {
  await db.query(
    `INSERT INTO statements (id, article_id, speaker_id, claim_id, rejected, record, search, words)
     SELECT r->>'id', r->>'articleId', r->>'speakerId', r->>'claim', r ? 'rejected', r,
            to_tsvector('english', coalesce((SELECT string_agg(c->>'text', ' ') FROM jsonb_array_elements(r->'content') c), '')),
            ARRAY(SELECT jsonb_array_elements_text(e.x->'words'))
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(x, n), LATERAL (SELECT e.x->'record' AS r) AS l ORDER BY n
     ON CONFLICT (id) DO UPDATE SET speaker_id = excluded.speaker_id, claim_id = excluded.claim_id,
       rejected = excluded.rejected, record = excluded.record, search = excluded.search, words = excluded.words`,
    [json(statements.map((record) => ({ record, words: statementWords(record) })))],
  )
}

async function logDecision(db: Db, entry: LogEntry): Promise<void> {
  await db.query('INSERT INTO decisions (at, by, action, detail) VALUES ($1, $2, $3, $4)', [
    entry.at,
    entry.by,
    entry.action,
    json(entry.detail),
  ])
}

/**
 * A merged speaker's statements move to the record it was merged into; those of the article being filed, if any,
 * stay as filed, as in the JSON store, where an article's statements join a speaker's quotes only once it is filed.
 */
export async function moveQuotes(db: Db, into: string, from: string, filing: string | null = null): Promise<void> {
  await db.query(
    `UPDATE statements SET speaker_id = $1, record = jsonb_set(record, '{speakerId}', to_jsonb($1::text))
     WHERE speaker_id = $2 AND NOT rejected AND article_id IS DISTINCT FROM $3`,
    [into, from, filing],
  )
}
