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
export const writeClaimBatchesCsv = batchesWriter(CLAIM_COLUMNS, claimRows)

/** A table's writer over claims read a batch at a time, each batch's rows made as they are written. */
function batchesWriter(columns: readonly string[], rows: (claims: Iterable<ClaimSummary>) => Iterable<Cell[]>) {
  return async (batches: AsyncIterable<ClaimSummary[]>, out: Writable, options: { end?: boolean } = {}): Promise<void> => {
    await writeCsvBatches(
      columns,
      (async function* () {
        for await (const batch of batches) yield rows(batch)
      })(),
      out,
      { end: options.end ?? true },
    )
  }
}

/** The claim-speaker table: one row per claim, speaker and side, for a pivot table of who said what. */
export const VOICE_COLUMNS = [
  'claim_id',
  'claim_text',
  'side',
  'speaker',
  'speaker_id',
  'speaker_type',
  'role',
  'statements',
  'first_date',
  'latest_date',
  'outlets',
  'first_statement_id',
  'verdict',
] as const

const SIDES = [
  ['asserted', (c: ClaimSummary) => c.asserted],
  ['denied', (c: ClaimSummary) => c.denied],
  ['declined', (c: ClaimSummary) => c.declined],
] as const

/** The rows of the claim-speaker table: a claim's statements on one side by one speaker make one row. */
export function* voiceRows(claims: Iterable<ClaimSummary>): Generator<Cell[]> {
  for (const c of claims) {
    for (const [side, list] of SIDES) {
      const bySpeaker = new Map<string, ClaimVoice[]>()
      // A voice with no speaker record (no source given) keeps its own name apart.
      for (const voice of list(c)) {
        const key = voice.speakerId ?? `name:${voice.name ?? ''}`
        bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), voice])
      }
      for (const group of bySpeaker.values()) {
        const dates = group.flatMap((v) => v.date ?? []).sort()
        const first = group[0]
        yield [
          c.claim.id,
          c.claim.text,
          side,
          first.name,
          first.speakerId,
          first.type,
          first.role,
          group.length,
          dates[0] ?? null,
          dates.at(-1) ?? null,
          [...new Set(group.flatMap((v) => v.outlet ?? []))].join('; ') || null,
          first.statementId,
          c.claim.review?.verdict ?? null,
        ]
      }
    }
  }
}

/** Streams the claim-speaker table of claims read a batch at a time. */
export const writeVoiceBatchesCsv = batchesWriter(VOICE_COLUMNS, voiceRows)
