// The claims table as CSV, one row per claim: who asserted it, who denied it, how many of its supporters are
// anonymous, its first and latest statement. Same CSV conventions as the statements table (csv.ts).
import type { Writable } from 'node:stream'
import type { ClaimSummary, ClaimVoice } from '../store/views.js'
import { type Cell, writeCsv, writeCsvBatches } from './csv-table.js'

export const CLAIM_COLUMNS = [
  'claim_id',
  'claim_text',
  'statements',
  'articles',
  'asserted',
  'denied',
  'declined',
  'anonymous_support',
  'asserted_by',
  'denied_by',
  'first_date',
  'latest_date',
  'first_statement_id',
  'first_outlet',
  'latest_statement_id',
  'latest_outlet',
  'verdict',
] as const

/** "Zhao Lijian (person); U.S. officials (anonymous)": each voice once, with its type. */
const voices = (list: ClaimVoice[]) => [...new Set(list.map((v) => `${v.name ?? 'unnamed'}${v.type ? ` (${v.type})` : ''}`))].join('; ')

/** The rows of the claims table, cells in CLAIM_COLUMNS' order. */
export function* claimRows(claims: Iterable<ClaimSummary>): Generator<Cell[]> {
  for (const c of claims) {
    yield [
      c.claim.id,
      c.claim.text,
      c.statementCount,
      c.articleCount,
      c.asserted.length,
      c.denied.length,
      c.declined.length,
      c.anonymousSupport,
      voices(c.asserted),
      voices(c.denied),
      c.firstDate,
      c.latestDate,
      c.first?.statementId ?? null,
      c.first?.outlet ?? null,
      c.latest?.statementId ?? null,
      c.latest?.outlet ?? null,
      c.claim.review?.verdict ?? null,
    ]
  }
}

/** Streams the claims table into `out`. */
export async function writeClaimsCsv(claims: Iterable<ClaimSummary>, out: Writable, options: { end?: boolean } = {}): Promise<void> {
  await writeCsv(CLAIM_COLUMNS, claimRows(claims), out, { end: options.end ?? true })
}

/** The same, for claims read a batch at a time (a database's claims list, page by page). */
export async function writeClaimBatchesCsv(
  batches: AsyncIterable<ClaimSummary[]>,
  out: Writable,
  options: { end?: boolean } = {},
): Promise<void> {
  await writeCsvBatches(
    CLAIM_COLUMNS,
    (async function* () {
      for await (const batch of batches) yield claimRows(batch)
    })(),
    out,
    { end: options.end ?? true },
  )
}
