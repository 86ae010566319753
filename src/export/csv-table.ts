// Writing a table as CSV, fast enough for a 100,000-row download (csv-stringify's streams take ~6 s for the
// statements table; this takes well under one). Every cell is encoded as csv-stringify encodes it with
// CSV_FORMAT — RFC 4180 quoting, CRLF records, line breaks quoted, formula-looking text neutralised — after
// dropping bidi controls and invisible format characters (text/neutral.ts), which csv-stringify keeps — and a test
// holds the two to the same bytes (test/export/csv-table.test.ts). Rows go out in chunks, waiting whenever the
// reader is slower, so a large table never sits in memory whole.
import type { Writable } from 'node:stream'
import { neutral } from '../text/neutral.js'

/** The csv-stringify options whose output these functions reproduce, byte for byte. */
export const CSV_FORMAT = { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true } as const

export type Cell = string | number | null | undefined

// What a spreadsheet would run as a formula (OWASP's CSV injection list, with the full-width forms Apple Numbers
// folds): such text gets a leading apostrophe. A number keeps its minus sign.
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])
const NEEDS_QUOTES = /[",\r\n]/
const ROWS_PER_WRITE = 500

export function csvCell(field: Cell): string {
  if (field === null || field === undefined) return ''
  // Neutralised first: a bidi control before "=" must not hide a formula from the check below.
  let value = typeof field === 'string' ? neutral(field) : String(field)
  if (typeof field === 'string' && FORMULA_START.has(value.charAt(0))) value = `'${value}`
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** Writes the BOM, the header and the rows into `out`; ends it unless told not to (stdout is not ours to close). */
export async function writeCsv(
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
  out: Writable,
  { end = true } = {},
): Promise<void> {
  await writeCsvBatches(
    columns,
    (async function* () {
      yield rows
    })(),
    out,
    { end },
  )
}

/** The same, for rows that arrive in batches (read from a file as they are written out). */
export async function writeCsvBatches(
  columns: readonly string[],
  batches: AsyncIterable<Iterable<readonly Cell[]>>,
  out: Writable,
  { end = true } = {},
): Promise<void> {
  let chunk = `\uFEFF${csvRecord(columns)}`
  let lines = 0
  for await (const rows of batches) {
    for (const row of rows) {
      chunk += csvRecord(row)
      if (++lines % ROWS_PER_WRITE === 0) {
        await send(out, chunk)
        chunk = ''
      }
    }
  }
  if (chunk) await send(out, chunk)
  if (end) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

/** Writes, then waits while the reader is behind; a reader gone (a download cancelled) rejects. */
function send(out: Writable, text: string): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new Error('the reader closed the table before its end'))
  if (out.write(text)) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', drained)
      out.off('close', closed)
      out.off('error', settle)
      if (error) reject(error)
      else resolve()
    }
    const drained = () => settle()
    const closed = () => settle(new Error('the reader closed the table before its end'))
    out.on('drain', drained)
    out.on('close', closed)
    out.on('error', settle)
  })
}
