// The claims table as CSV, one row per claim: who asserted it, who denied it, how many of its supporters are
// anonymous, its first and latest statement. Same CSV conventions as the statements table (csv.ts).
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import type { ClaimSummary, ClaimVoice } from '../store/views.js'

export const CLAIM_COLUMNS = [
  'claim_id', 'claim_text', 'statements', 'articles', 'asserted', 'denied', 'declined', 'anonymous_support',
  'asserted_by', 'denied_by', 'first_date', 'latest_date', 'first_statement_id', 'first_outlet',
  'latest_statement_id', 'latest_outlet', 'verdict',
] as const

export type ClaimRow = Record<(typeof CLAIM_COLUMNS)[number], string | number | null>

/** "Zhao Lijian (person); U.S. officials (anonymous)": each voice once, with its type. */
const voices = (list: ClaimVoice[]) =>
  [...new Set(list.map((v) => `${v.name ?? 'unnamed'}${v.type ? ` (${v.type})` : ''}`))].join('; ')

export function* claimRows(claims: Iterable<ClaimSummary>): Generator<ClaimRow> {
  for (const c of claims) {
    yield {
      claim_id: c.claim.id,
      claim_text: c.claim.text,
      statements: c.statementCount,
      articles: c.articleCount,
      asserted: c.asserted.length,
      denied: c.denied.length,
      declined: c.declined.length,
      anonymous_support: c.anonymousSupport,
      asserted_by: voices(c.asserted),
      denied_by: voices(c.denied),
      first_date: c.firstDate,
      latest_date: c.latestDate,
      first_statement_id: c.first?.statementId ?? null,
      first_outlet: c.first?.outlet ?? null,
      latest_statement_id: c.latest?.statementId ?? null,
      latest_outlet: c.latest?.outlet ?? null,
      verdict: c.claim.review?.verdict ?? null,
    }
  }
}

/** Streams the claims table into `out`. */
export async function writeClaimsCsv(claims: Iterable<ClaimSummary>, out: Writable, options: { end?: boolean } = {}): Promise<void> {
  const csv = stringify({
    header: true, columns: [...CLAIM_COLUMNS], bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true,
  })
  await pipeline(Readable.from(claimRows(claims)), csv, out, { end: options.end ?? true })
}
