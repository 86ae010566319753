// The words a statement or a speaker is searched by, as the columns of 0003_search.sql hold them: keyed here, in
// the program, by the same functions as the web's word index, so both stores find the same statements.
import { indexWords } from '../../text/word-keys.js'
import { contentText } from '../records.js'
import type { SpeakerRecord, StatementRecord } from '../schema.js'
import { normaliseName } from '../speakers.js'
import type { Db } from './rows.js'

/** A statement's words: those of what was said and of the name it was written with. */
export function statementWords(s: StatementRecord): string[] {
  return [...new Set([...indexWords(contentText(s)), ...indexWords(s.speaker?.name ?? '')])]
}

/** The words of every name a speaker goes by. */
export function nameWords(s: SpeakerRecord): string[] {
  return indexWords([s.name, ...s.aliases].join(' '))
}

/**
 * Each name normalised and set in spaces, one a line: " zhao lijian \n zhao ". A name "answers to" a query whose
 * normalised words it holds in a row, which is ` ${query} ` anywhere in this text, and never across two names.
 */
export function namesLine(s: SpeakerRecord): string {
  return [s.name, ...s.aliases].map((name) => ` ${normaliseName(name)} `).join('\n')
}

const BATCH = 5000

/** Gives the rows that were there before 0003_search their words, a batch at a time; true when it did any. */
export async function fillWords(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ words_filled: boolean }>('SELECT words_filled FROM store_state')
  if (rows[0].words_filled) return false
  for (;;) {
    const { rows: statements } = await db.query<{ record: StatementRecord }>(
      'SELECT record FROM statements WHERE words IS NULL ORDER BY seq LIMIT $1',
      [BATCH],
    )
    if (!statements.length) break
    await db.query(
      `UPDATE statements s SET words = ARRAY(SELECT jsonb_array_elements_text(x.words))
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, words jsonb) WHERE s.id = x.id AND s.words IS NULL`,
      [JSON.stringify(statements.map(({ record }) => ({ id: record.id, words: statementWords(record) })))],
    )
  }
  for (;;) {
    const { rows: speakers } = await db.query<{ record: SpeakerRecord }>(
      'SELECT record FROM speakers WHERE name_words IS NULL ORDER BY seq LIMIT $1',
      [BATCH],
    )
    if (!speakers.length) break
    await db.query(
      `UPDATE speakers s SET name_words = ARRAY(SELECT jsonb_array_elements_text(x.words)), names = x.names
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, words jsonb, names text) WHERE s.id = x.id AND s.name_words IS NULL`,
      [JSON.stringify(speakers.map(({ record }) => ({ id: record.id, words: nameWords(record), names: namesLine(record) })))],
    )
  }
  await db.query('UPDATE store_state SET words_filled = true')
  return true
}
