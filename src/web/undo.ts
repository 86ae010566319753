// Undoing a decision from a page's history: the decision that puts back what the logged one replaced, itself
// logged (with `undoes`, the undone entry's place in the log), so the history shows both and the undo can be
// undone in turn. Worked out from the log entry alone: what a decision replaced is logged with it (decisions.ts).
import { InvalidInputError, NotFoundError } from '../errors.js'
import { type ArticleFacts, type Decision, factsOf } from '../store/decisions.js'
import type { LogEntry, Review } from '../store/schema.js'
import { historyLine, type Placed } from './claim-review.js'

/** A decision that undoes another, and where in the log the undone one is. */
export type Undo = Decision & { undoes: number }

const id = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

/**
 * The decision that undoes `entry`, or null where the log does not hold what it replaced: a rejected statement,
 * two speakers merged, a speaker set on a statement that had none. Those are mended with the forms instead.
 */
export function inverseOf({ action, detail: d }: LogEntry): Decision | null {
  const statement = id(d.statement)
  switch (action) {
    case 'set-stance':
      return statement && id(d.was) ? ({ action, statement, stance: d.was } as Decision) : null
    case 'set-kind':
      return statement && id(d.was) ? ({ action, statement, kind: d.was } as Decision) : null
    case 'move-statement':
    case 'split-statement': {
      const claim = id(d.fromClaim)
      return statement && claim ? { action: 'move-statement', statement, claim } : null
    }
    case 'set-speaker': {
      const speaker = id(d.was)
      return statement && speaker ? { action: 'set-speaker', statement, speaker } : null
    }
    case 'review-claim':
    case 'restore-review': {
      const claim = id(d.claim)
      return claim ? { action: 'restore-review', claim, review: (d.was as Review | null | undefined) ?? null } : null
    }
    case 'merge-claims': {
      const claim = id(d.from)
      return claim ? { action: 'unmerge-claims', claim, statements: ids(d.statements) } : null
    }
    case 'unmerge-claims': {
      const [into, from] = [id(d.into), id(d.claim)]
      return into && from ? { action: 'merge-claims', into, from } : null
    }
    case 'split-speaker': {
      const [into, from] = [id(d.speaker), id(d.newSpeaker)]
      return into && from ? { action: 'merge-speakers', into, from } : null
    }
    case 'set-article': {
      const article = id(d.article)
      return article && d.was && typeof d.was === 'object' ? { action, article, facts: factsOf(d.was as ArticleFacts) } : null
    }
    default:
      return null
  }
}

/**
 * Whether a later entry of the log undid the one at `place`; for a merge of claims, also a later unmerge or merge
 * of the same claim (sent to /claims/:id/unmerge, or logged before undos named what they undo).
 */
export function undoneAt(log: readonly LogEntry[], place: number): boolean {
  const undone = log[place]
  const from = undone?.action === 'merge-claims' ? undone.detail.from : undefined
  return log.some(
    (entry, i) =>
      i > place &&
      (entry.detail.undoes === place ||
        (from !== undefined &&
          ((entry.action === 'unmerge-claims' && entry.detail.claim === from) ||
            (entry.action === 'merge-claims' && entry.detail.from === from)))),
  )
}

/**
 * What a decision changed, as keys another decision may change too: a statement's stance, kind, speaker or claim,
 * a claim's review or merge, a speaker record. A rejection changes all of its statement; a merge of claims the
 * merged claim's review and the claim of each statement it moved.
 */
function keysOf({ action, detail: d }: LogEntry): string[] {
  const s = id(d.statement)
  switch (action) {
    case 'set-stance':
      return [`stance:${s}`]
    case 'set-kind':
      return [`kind:${s}`]
    case 'set-speaker':
      return [`speaker:${s}`]
    case 'move-statement':
    case 'split-statement':
      return [`claim:${s}`]
    case 'reject-statement':
      return [`stance:${s}`, `kind:${s}`, `speaker:${s}`, `claim:${s}`]
    case 'review-claim':
    case 'restore-review':
      return [`review:${id(d.claim)}`]
    case 'merge-claims':
      return [`merged:${id(d.from)}`, `review:${id(d.from)}`, ...ids(d.statements).map((x) => `claim:${x}`)]
    case 'unmerge-claims':
      return [`merged:${id(d.claim)}`, ...ids(d.statements).map((x) => `claim:${x}`)]
    case 'split-speaker':
      return [`speaker-record:${id(d.speaker)}`, `speaker-record:${id(d.newSpeaker)}`]
    case 'merge-speakers':
      return [`speaker-record:${id(d.into)}`, `speaker-record:${id(d.from)}`]
    case 'set-article':
      return [`article:${id(d.article)}`]
    default:
      return []
  }
}

/**
 * The place of a later decision, still standing, that changed what the entry at `place` changed: undoing the entry
 * then would undo that one too, or act on a record that is no longer as the entry left it (a statement rejected
 * since, a claim merged away). A later decision and its own undo cancel out.
 */
export function changedSince(log: readonly LogEntry[], place: number): number | null {
  const mine = new Set(keysOf(log[place]))
  const standing: number[] = []
  for (let i = place + 1; i < log.length; i++) {
    const undoes = log[i].detail.undoes
    const cancelled = typeof undoes === 'number' ? standing.indexOf(undoes) : -1
    if (cancelled >= 0) standing.splice(cancelled, 1)
    else standing.push(i)
  }
  return standing.find((i) => keysOf(log[i]).some((key) => mine.has(key))) ?? null
}

/** The undo for the entry at `place`, or null when there is none to make (not undoable, undone, or changed since). */
export function undoFor(log: readonly LogEntry[], place: number): Undo | null {
  const entry = log[place]
  const inverse = entry && !undoneAt(log, place) && changedSince(log, place) === null ? inverseOf(entry) : null
  return inverse && { ...inverse, undoes: place }
}

/**
 * The undo for the decision at `place` (digits, as an address gives them), or the reader's reason there is none:
 * 404 for a place that holds no decision, 400 for one undone already, not undoable, or changed since.
 */
export function undoAt(log: readonly LogEntry[], place: string): Undo {
  const at = /^\d{1,9}$/.test(place) ? Number(place) : -1
  if (!log[at]) throw new NotFoundError(`There is no decision ${place} in the log: the log holds ${log.length}, from 0.`)
  const undoing = undoFor(log, at)
  if (undoing) return undoing
  const later = changedSince(log, at)
  throw new InvalidInputError(
    undoneAt(log, at)
      ? 'That decision is undone already: its undo is listed in the history, and can itself be undone.'
      : later !== null && inverseOf(log[at])
        ? `Decision ${later} (${historyLine(log[later]).what}) changed the same record since; undo it first, or mend the record by hand. Nothing was changed.`
        : `A decision "${log[at].action}" cannot be undone from the history: mend the record by hand (the page's forms, or the API).`,
  )
}

/** A page's History: the decisions given, newest first, each in a sentence with its place when it can be undone. */
export function historyLines(log: readonly LogEntry[], decisions: readonly Placed[]) {
  return decisions.map(({ entry, place }) => ({ ...historyLine(entry), undo: undoFor(log, place) ? place : null })).reverse()
}
