// The statements table as CSV, one row per statement, for researchers who count quotes in a spreadsheet.
// RFC 4180 (CRLF, quoted line breaks), a BOM so Excel reads UTF-8, and formula-looking cells neutralised:
// a quote beginning "=HYPERLINK(" must not run when a fact-checker opens the file.
import { Writable } from 'node:stream'
import { contentText } from '../store/records.js'
import type { StatementRecord } from '../store/schema.js'
import type { StatementBatch } from '../store/views.js'
import { sourceSentence } from '../text/source-context.js'
import { type Cell, writeCsv, writeCsvBatches } from './csv-table.js'
import type { ExportData } from './json.js'
import { statementPath } from './links.js'

export const STATEMENT_COLUMNS = [
  'statement_id',
  'claim_id',
  'claim_text',
  'speaker',
  'speaker_type',
  'role',
  'stance',
  'kind',
  'cue',
  'content',
  'sentence',
  'statement_date',
  'date_precision',
  'date_text',
  'article_title',
  'outlet',
  'published',
  'url',
  'link',
] as const

export interface CsvOptions {
  /** Keep only some statements: one claim's, one speaker's. All of them when absent. */
  only?: (statement: StatementRecord) => boolean
  /** End `out` when the table is written; false for process.stdout, which is not ours to close. */
  end?: boolean
  /** An article's text, for each row's source sentence; the column is empty without it. */
  textOf?: TextOf
  /** The site's address (https://claims.example.org), so that each row's link opens its statement; a path without it. */
  base?: string
}

/** An article's stored text by id; undefined when it is not stored. */
export type TextOf = (articleId: string) => string | undefined

/** The rows of the statements table, cells in STATEMENT_COLUMNS' order. */
export function* statementRows(data: ExportData, only: CsvOptions['only'] = () => true, textOf?: TextOf, base = ''): Generator<Cell[]> {
  const row = rowMaker(data, textOf, base)
  for (const statement of data.statements) if (only(statement)) yield row(statement)
}

/** The same rows, for statements read a batch at a time from the store's file (statement-stream.ts). */
async function* streamedRows(
  tables: Omit<ExportData, 'statements'>,
  statements: AsyncIterable<StatementRecord[]>,
  textOf?: TextOf,
  base = '',
): AsyncGenerator<Cell[][]> {
  const row = rowMaker(tables, textOf, base)
  for await (const batch of statements) yield batch.map(row)
}

/** The same rows, for batches that bring the records they look up (a database's, statement-batches.ts). */
async function* batchedRows(batches: AsyncIterable<StatementBatch>, base: string): AsyncGenerator<Iterable<Cell[]>> {
  for await (const batch of batches) yield rowsOf(batch, base)
}

// Each row made as it is written, so a batch's rows are never all held at once.
function* rowsOf(batch: StatementBatch, base: string): Generator<Cell[]> {
  const row = rowMaker(batch, batch.texts && ((id) => batch.texts!.get(id)), base)
  for (const statement of batch.statements) yield row(statement)
}

/** What a row looks up beside its statement. */
type RowRecords = Omit<StatementBatch, 'statements' | 'texts'>

/** Makes a statement's row, looking up its claim, speaker and article. */
function rowMaker(data: RowRecords, textOf?: TextOf, base = ''): (statement: StatementRecord) => Cell[] {
  const claims = new Map(data.claims.map((claim) => [claim.id, claim]))
  const speakers = new Map(data.speakers.map((speaker) => [speaker.id, speaker]))
  const articles = new Map(data.articles.map((article) => [article.id, article]))
  return (statement) => {
    const speaker = statement.speakerId ? speakers.get(statement.speakerId) : undefined
    const article = articles.get(statement.articleId)
    const text = textOf?.(statement.articleId)
    return [
      statement.id,
      statement.claim,
      claims.get(statement.claim)?.text ?? null,
      speaker?.name ?? statement.speaker?.name ?? null,
      speaker?.type ?? statement.speaker?.type ?? null,
      // The role as this article gave it: a speaker's role changes over the years.
      statement.speaker?.role ?? speaker?.role ?? null,
      statement.stance,
      statement.kind,
      statement.cue?.text ?? null,
      contentText(statement),
      text === undefined ? null : sourceSentence(text, statement),
      statement.date,
      statement.datePrecision,
      statement.dateText,
      article?.title ?? null,
      article?.outlet ?? null,
      article?.published ?? null,
      article?.url ?? null,
      base + statementPath(statement),
    ]
  }
}

/** Streams the statements table into `out` (a file, stdout, an HTTP response). */
export async function writeStatementsCsv(data: ExportData, out: Writable, options: CsvOptions = {}): Promise<void> {
  await writeCsv(STATEMENT_COLUMNS, statementRows(data, options.only, options.textOf, options.base), out, { end: options.end ?? true })
}

/** Streams the statements table of a store read from its file a statement at a time. */
export async function writeStreamedStatementsCsv(
  tables: Omit<ExportData, 'statements'>,
  statements: AsyncIterable<StatementRecord[]>,
  out: Writable,
  { end = true, textOf, base }: { end?: boolean; textOf?: TextOf; base?: string } = {},
): Promise<void> {
  await writeCsvBatches(STATEMENT_COLUMNS, streamedRows(tables, statements, textOf, base), out, { end })
}

/** Streams the statements table from batches that each bring the records their rows look up. */
export async function writeStatementBatchesCsv(
  batches: AsyncIterable<StatementBatch>,
  out: Writable,
  { end = true, base = '' }: { end?: boolean; base?: string } = {},
): Promise<void> {
  await writeCsvBatches(STATEMENT_COLUMNS, batchedRows(batches, base), out, { end })
}

/** The statements table as bytes (BOM included), for a download. */
export async function statementsCsv(data: ExportData, options: Omit<CsvOptions, 'end'> = {}): Promise<Buffer> {
  const chunks: Buffer[] = []
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  await writeStatementsCsv(data, collect, options)
  return Buffer.concat(chunks)
}
