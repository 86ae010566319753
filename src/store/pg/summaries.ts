// The claims list's rows (migration 0002): a summary per live claim and a row per voice, made again for the claims
// a write touched before that write commits, so readers on any server never see a summary older than its claim.
// The triggers note the touched claims whatever wrote the rows; this turns the notes into rows, in batches.

import type pg from 'pg'
import { claimSummary } from '../ledger.js'
import type { ClaimRecord } from '../schema.js'
import type { ClaimSummary, ClaimVoice } from '../views.js'
import { lookupFor } from './lookups.js'
import { nameKey } from './names.js'
import type { Db } from './rows.js'
import { FILING_LOCK } from './transaction.js'

/** Claims summarised per round: a round reads their statements, articles and speakers in a few queries. */
const ROUND = 1000

/** Makes the summaries the triggers asked for; returns how many claims were done. */
export async function summariseDue(db: Db): Promise<number> {
  let done = 0
  for (;;) {
    const { rows } = await db.query<{ claim_id: string }>('SELECT claim_id FROM claim_summaries_due LIMIT $1', [ROUND])
    if (!rows.length) return done
    const ids = rows.map((r) => r.claim_id)
    await summarise(db, ids)
    await db.query('DELETE FROM claim_summaries_due WHERE claim_id = ANY($1::text[])', [ids])
    done += ids.length
  }
}

/**
 * The summaries a migration left to be made (0002 queues every claim): made under the filing lock in one
 * transaction, the store's version moved, so that `claimtrail migrate` leaves a store every reader can list.
 */
export async function summariseWaiting(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ due: boolean }>('SELECT EXISTS (SELECT 1 FROM claim_summaries_due) AS due')
  if (!rows[0].due) return
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [FILING_LOCK])
    await summariseDue(client)
    await client.query('UPDATE store_state SET version = version + 1')
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}

async function summarise(db: Db, ids: string[]): Promise<void> {
  const { rows } = await db.query<{ seq: string; record: ClaimRecord }>('SELECT seq, record FROM claims WHERE id = ANY($1::text[])', [ids])
  // As the JSON store lists them: not merged away, holding a statement.
  const live = rows.filter((r) => !r.record.mergedInto && r.record.statementIds.length)
  const lookup = await lookupFor(
    db,
    live.flatMap((r) => r.record.statementIds),
  )
  const summaries = live.map((r) => ({ seq: r.seq, summary: claimSummary(r.record, lookup) }))
  await db.query('DELETE FROM claim_summaries WHERE claim_id = ANY($1::text[])', [ids])
  await db.query('DELETE FROM claim_voices WHERE claim_id = ANY($1::text[])', [ids])
  if (!summaries.length) return
  await db.query(
    `INSERT INTO claim_summaries (claim_id, seq, summary, text, statement_count, article_count, first_date, latest_date,
       denied, anonymous_only, reviewed, verdict)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::json[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[],
       $9::boolean[], $10::boolean[], $11::boolean[], $12::text[])`,
    [
      summaries.map((s) => s.summary.claim.id),
      summaries.map((s) => s.seq),
      summaries.map((s) => JSON.stringify(s.summary)),
      summaries.map((s) => s.summary.claim.text),
      summaries.map((s) => s.summary.statementCount),
      summaries.map((s) => s.summary.articleCount),
      summaries.map((s) => s.summary.firstDate),
      summaries.map((s) => s.summary.latestDate),
      summaries.map((s) => s.summary.denied.length > 0),
      summaries.map((s) => anonymousOnly(s.summary)),
      summaries.map((s) => s.summary.claim.review !== null),
      summaries.map((s) => s.summary.claim.review?.verdict.toLowerCase() ?? null),
    ],
  )
  const voices = summaries.flatMap(({ summary }) => voiceRows(summary))
  // A voice whose record is live shows that record's name, which speakers.names holds: only the others need their own.
  const apart = (v: ClaimVoice) => v.speakerId === null || lookup.speaker(v.speakerId)?.id !== v.speakerId
  await db.query(
    `INSERT INTO claim_voices (claim_id, side, speaker_id, name_key, apart, type, outlet, date)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[])`,
    [
      voices.map((v) => v.claimId),
      voices.map((v) => v.side),
      voices.map((v) => v.voice.speakerId),
      voices.map((v) => nameKey(v.voice.name)),
      voices.map((v) => apart(v.voice)),
      voices.map((v) => v.voice.type),
      voices.map((v) => v.voice.outlet?.toLowerCase() ?? null),
      voices.map((v) => v.voice.date),
    ],
  )
}

/** The claims list's "anonymous only": someone asserted it, and every one of them was anonymous. */
const anonymousOnly = (s: ClaimSummary) => s.asserted.length > 0 && s.anonymousSupport >= s.asserted.length

function voiceRows(summary: ClaimSummary): Array<{ claimId: string; side: string; voice: ClaimVoice }> {
  const claimId = summary.claim.id
  return [
    ...summary.asserted.map((voice) => ({ claimId, side: 'assert', voice })),
    ...summary.denied.map((voice) => ({ claimId, side: 'deny', voice })),
    ...summary.declined.map((voice) => ({ claimId, side: 'decline', voice })),
  ]
}
