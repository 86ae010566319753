// A claim's ledger: every statement filed under it, who made it, with which stance, when and where. Built on
// demand from the records; nothing here is stored, so a correction to a statement shows up at once.
import type { ArticleRecord, ClaimRecord, SpeakerRecord, StatementRecord } from './schema.js'
import type { ClaimLedger, ClaimSummary, ClaimVoice, LedgerEntry } from './views.js'

/** What the ledger needs to look up; the Store answers it from its indexes. */
export interface RecordLookup {
  article(id: string): ArticleRecord | undefined
  speaker(id: string): SpeakerRecord | undefined
  statement(id: string): StatementRecord | undefined
}

export function claimLedger(claim: ClaimRecord, records: RecordLookup): ClaimLedger {
  const entries = entriesOf(claim, records)
  return { ...summarise(claim, entries), entries }
}

export function claimSummary(claim: ClaimRecord, records: RecordLookup): ClaimSummary {
  return summarise(claim, entriesOf(claim, records))
}

function entriesOf(claim: ClaimRecord, records: RecordLookup): LedgerEntry[] {
  return claim.statementIds
    .map((id) => records.statement(id))
    .filter((statement) => statement !== undefined)
    .map((statement) => ledgerEntry(statement, records))
    .sort(byDateThenPosition)
}

export function ledgerEntry(statement: StatementRecord, records: RecordLookup): LedgerEntry {
  const article = records.article(statement.articleId)
  // Records are written together in one batch; a statement without its article means the file was edited by hand.
  if (!article) throw new Error(`statement ${statement.id} names article ${statement.articleId}, which is not stored`)
  const speaker = statement.speakerId ? (records.speaker(statement.speakerId) ?? null) : null
  return { statement, speaker, article }
}

/**
 * When a statement was made. The text often does not say; then the article's date is the latest it can
 * have been, which is what a timeline needs to place it.
 */
export function statementDate({ statement, article }: LedgerEntry): string | null {
  return statement.date ?? article.published
}

export function byDateThenPosition(a: LedgerEntry, b: LedgerEntry): number {
  const da = statementDate(a)
  const db = statementDate(b)
  if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1
  if (a.article.id !== b.article.id) return a.article.id < b.article.id ? -1 : 1
  return position(a.statement) - position(b.statement)
}

function position(statement: StatementRecord): number {
  return statement.content[0]?.start ?? statement.cue?.start ?? 0
}

function summarise(claim: ClaimRecord, entries: LedgerEntry[]): ClaimSummary {
  const voices = entries.map((entry) => ({ stance: entry.statement.stance, voice: voice(entry) }))
  // A confirmation supports the claim as an assertion does; declining to comment takes no side.
  const asserted = voices.filter((v) => v.stance === 'assert' || v.stance === 'confirm').map((v) => v.voice)
  const denied = voices.filter((v) => v.stance === 'deny').map((v) => v.voice)
  const declined = voices.filter((v) => v.stance === 'decline').map((v) => v.voice)
  const dated = voices.filter((v) => v.voice.date !== null).map((v) => v.voice)
  return {
    claim,
    asserted,
    denied,
    declined,
    statementCount: entries.length,
    articleCount: new Set(entries.map((e) => e.article.id)).size,
    anonymousSupport: asserted.filter((v) => v.type === 'anonymous').length,
    firstDate: dated[0]?.date ?? null,
    latestDate: dated.at(-1)?.date ?? null,
    first: voices[0]?.voice ?? null,
    latest: voices.at(-1)?.voice ?? null,
  }
}

function voice(entry: LedgerEntry): ClaimVoice {
  const { statement, speaker, article } = entry
  return {
    speakerId: statement.speakerId,
    name: speaker?.name ?? statement.speaker?.name ?? null,
    type: speaker?.type ?? statement.speaker?.type ?? null,
    role: statement.speaker?.role ?? speaker?.role ?? null,
    statementId: statement.id,
    date: statementDate(entry),
    outlet: article.outlet,
    articleId: article.id,
  }
}
