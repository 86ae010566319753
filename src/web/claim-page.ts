// One claim's ledger as the claim page shows it: each statement with its source sentences cut into
// highlighted segments.
import type { SpeakerRecord, StatementRecord, StoredArticle } from '../store/schema.js'
import type { ClaimLedger, LedgerEntry } from '../store/views.js'
import { sourceContext } from '../text/source-context.js'
import { highlight, type Mark, type Segment } from './highlight.js'
import { voiceLabels } from './voices.js'
import { type When, whenSaid } from './when.js'

export interface TimelineEntry {
  id: string
  speaker: { name: string; role: string | null; anonymous: boolean } | null
  stance: string
  /** The stored stance (assert, deny, confirm, decline), for the correction form. */
  stanceCode: string
  kind: string
  cue: string | null
  date: string | null
  /** The date at the precision the text gave it. */
  when: When | null
  dateText: string | null
  via: string | null
  outlet: string | null
  title: string
  /** Only http(s) links: a stored url is text from outside and may say `javascript:`. */
  href: string | null
  published: string | null
  rule: string
  passage: Segment[]
}

/** `texts` holds the text of every article the ledger quotes, by id. */
export function claimPage(ledger: ClaimLedger, texts: ReadonlyMap<string, string>) {
  return {
    id: ledger.claim.id,
    text: ledger.claim.text,
    review: ledger.claim.review,
    asserted: voiceLabels(ledger.asserted),
    denied: voiceLabels(ledger.denied),
    statementCount: ledger.statementCount,
    firstDate: ledger.firstDate,
    latestDate: ledger.latestDate,
    // The store orders the ledger (by date, then place in the article); the page keeps its order.
    entries: ledger.entries.map((entry) => timelineEntry(entry, texts.get(entry.article.id) ?? '')),
  }
}

function timelineEntry({ statement, speaker, article }: LedgerEntry, text: string): TimelineEntry {
  return {
    id: statement.id,
    speaker: speakerLabel(speaker, statement),
    stance: STANCES[statement.stance] ?? statement.stance,
    stanceCode: statement.stance,
    kind: statement.kind,
    cue: statement.cue?.text ?? null,
    date: statement.date,
    when: whenSaid(statement.date, statement.datePrecision),
    dateText: statement.dateText,
    via: statement.via,
    outlet: article.outlet,
    title: article.title ?? `Untitled article ${article.id}`,
    href: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
    published: article.published,
    rule: statement.rule,
    passage: passage({ text }, statement),
  }
}

// The role as this article gave it comes first: "spokesperson" then may be "minister" now.
function speakerLabel(speaker: SpeakerRecord | null, statement: StatementRecord): TimelineEntry['speaker'] {
  const name = speaker?.name ?? statement.speaker?.name
  if (!name) return null
  const type = speaker?.type ?? statement.speaker?.type
  return { name, role: statement.speaker?.role ?? speaker?.role ?? null, anonymous: type === 'anonymous' }
}

const STANCES: Record<string, string> = { assert: 'asserted', deny: 'denied' }

/** The statement's sentences with content, cue and speaker mention marked; empty when no span is stored. */
export function passage(article: Pick<StoredArticle, 'text'>, statement: StatementRecord): Segment[] {
  const marks: Mark[] = [
    ...statement.content.map((s) => ({ ...s, mark: 'content' as const })),
    ...(statement.cue ? [{ ...statement.cue, mark: 'cue' as const }] : []),
    ...(statement.speaker?.mention ? [{ ...statement.speaker.mention, mark: 'speaker' as const }] : []),
  ]
  const range = sourceContext(article.text, marks)
  if (!range) return []
  const shifted = marks.map((m) => ({ start: m.start - range.start, end: m.end - range.start, mark: m.mark }))
  return highlight(article.text.slice(range.start, range.end), shifted)
}
