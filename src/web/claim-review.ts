// What a fact-checker sends from a claim's page — a verdict, or a correction to the extraction — read from the
// form and checked before anything reaches the store: a bad form is refused whole, and nothing changes.
import type { Response } from 'express'
import { InvalidInputError } from '../errors.js'
import { KINDS, type Kind, SPEAKER_TYPES, type SpeakerType, STANCES, type Stance } from '../pipeline/types.js'
import { DEFAULT_VERDICTS, type Decision } from '../store/decisions.js'
import type { LogEntry } from '../store/schema.js'
import type { ClaimLedger } from '../store/views.js'
import type { WebStore } from './web-store.js'

/** The verdict scale: CLAIMTRAIL_VERDICTS="A|B|C" replaces the default one. */
export function verdictScale(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const scale = (env.CLAIMTRAIL_VERDICTS ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean)
  return scale.length ? [...new Set(scale)] : DEFAULT_VERDICTS
}

type Form = Record<string, unknown>

// Control characters have no place in a name or a verdict, and only line breaks and tabs in a note: kept, they
// would reach the decisions log and every page and export that prints it.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export function text(form: Form, name: string, max: number, { lines = false } = {}): string {
  const value = form[name]
  if (value === undefined) return ''
  if (typeof value !== 'string') throw new InvalidInputError(`The form sent "${name}" more than once. Send the form again from its page.`)
  const trimmed = value.trim()
  if (trimmed.length > max) throw new InvalidInputError(`"${name}" is ${trimmed.length} characters long; keep it under ${max}.`)
  if ((lines ? CONTROL_IN_LINES : CONTROL).test(trimmed)) {
    throw new InvalidInputError(`"${name}" holds a control character: type it as plain text${lines ? '' : ' on one line'}.`)
  }
  return trimmed
}

/** The reviewer: the signed-in user, else the name the form gives (required, remembered nowhere). */
export function reviewer(form: Form, signedIn?: string): string {
  if (signedIn) return signedIn
  const by = text(form, 'by', 100)
  if (!by)
    throw new InvalidInputError(
      'Say who you are: fill in "Your name" in the form. Every review and correction is kept with the name of who made it.',
    )
  return by
}

/** Who makes a decision sent from a page: the signed-in user, else the form's "Your name". */
export function decidedBy(form: Form, res: Response): string {
  return reviewer(form, (res.locals.user as { name: string } | null | undefined)?.name)
}

/**
 * Once a decision went through, this browser remembers the name it was made with for its session (auth/guard.ts),
 * so the next form comes filled in; a refused form changes nothing, the name kept included.
 */
export function rememberName(res: Response, by: string): void {
  ;(res.locals.rememberReviewer as ((name: string) => void) | undefined)?.(by)
}

export function reviewDecision(claim: string, form: Form, scale: readonly string[]): Decision {
  const verdict = text(form, 'verdict', 100)
  if (!scale.includes(verdict)) {
    throw new InvalidInputError(`"${verdict || '(none)'}" is not a verdict on this desk's scale. Pick one of: ${scale.join(', ')}.`)
  }
  return { action: 'review-claim', claim, verdict, note: text(form, 'note', 5000, { lines: true }) }
}

/**
 * The claim id a reviewer pasted: the id itself, the id as it is written in an address (percent-encoded), or the
 * claim's whole address or path, its query and fragment dropped. What is not an address is taken as typed.
 */
export function claimIdFrom(pasted: string): string {
  const input = pasted.trim()
  const path = /(?:^|\/)claims\/([^/?#\s]+)/.exec(input)?.[1] ?? (/%[0-9a-f]{2}/i.test(input) ? input : undefined)
  if (path === undefined) return input
  try {
    return decodeURIComponent(path)
  } catch {
    return input
  }
}

/**
 * The claim a reviewer named, by id or pasted address: the id as typed is tried first (an article id may itself
 * hold what reads as a %-escape). `id` is what was asked for, for the message when there is no such claim.
 */
export async function claimNamed(store: WebStore, typed: string): Promise<{ id: string; ledger: ClaimLedger | undefined }> {
  const asTyped = typed ? await store.claim(typed) : undefined
  if (asTyped) return { id: typed, ledger: asTyped }
  const id = claimIdFrom(typed)
  return { id, ledger: id ? await store.claim(id) : undefined }
}

export const CORRECTIONS = ['set-stance', 'set-kind', 'set-speaker', 'move-statement', 'split-statement', 'reject-statement'] as const

/** A correction to one statement of the claim; `claimExists` checks a target claim before anything is decided. */
export async function correctionDecision(statement: string, form: Form, store: WebStore): Promise<Decision> {
  const action = text(form, 'action', 40)
  switch (action) {
    case 'set-stance': {
      const stance = text(form, 'stance', 20)
      if (!STANCES.includes(stance as Stance))
        throw new InvalidInputError(`Stance "${stance}" is not one of ${STANCES.join(', ')}. Pick one in the form.`)
      return { action, statement, stance: stance as Stance }
    }
    case 'set-kind': {
      const kind = text(form, 'kind', 20)
      if (!KINDS.includes(kind as Kind))
        throw new InvalidInputError(`Kind "${kind}" is not one of ${KINDS.join(', ')}. Pick one in the form.`)
      return { action, statement, kind: kind as Kind }
    }
    case 'set-speaker': {
      const speaker = text(form, 'speaker', 200)
      if (!speaker) throw new InvalidInputError('Give the speaker\'s name (or a speaker id) in "Speaker is" before pressing "Set speaker".')
      const type = text(form, 'speakerType', 20) || 'person'
      if (!(SPEAKER_TYPES as readonly string[]).includes(type))
        throw new InvalidInputError(`Speaker type "${type}" is not one of ${SPEAKER_TYPES.join(', ')}.`)
      return { action, statement, speaker, type: type as SpeakerType }
    }
    case 'move-statement': {
      const { id: claim, ledger } = await claimNamed(store, text(form, 'claim', 2000))
      if (!claim) throw new InvalidInputError('Give the claim to move the statement to: paste its address, or pick it from the list.')
      if (!ledger)
        throw new InvalidInputError(
          `There is no claim "${claim}" to move the statement to. Paste that claim's address from the browser, or pick it from the list.`,
        )
      return { action, statement, claim }
    }
    case 'split-statement':
      return { action, statement }
    case 'reject-statement':
      return { action, statement, reason: text(form, 'reason', 1000, { lines: true }) }
    default:
      throw new InvalidInputError(`"${action || '(none)'}" is not a correction this page makes. Use one of the buttons under a statement.`)
  }
}

/** The decisions that touched this claim or its statements, oldest first, each with its place in the log. */
export function claimHistory(ledger: ClaimLedger, log: readonly LogEntry[]): Placed[] {
  const claims = new Set([ledger.claim.id])
  const statements = new Set(ledger.claim.statementIds)
  // A claim merged into this one brought its past along.
  for (const entry of log)
    if (entry.action === 'merge-claims' && entry.detail.into === ledger.claim.id) claims.add(String(entry.detail.from))
  const names = (value: unknown, ids: Set<string>) => typeof value === 'string' && ids.has(value)
  return placed(
    log,
    ({ action, detail: d }) =>
      names(d.claim, claims) ||
      names(d.fromClaim, claims) ||
      names(d.newClaim, claims) ||
      names(d.statement, statements) ||
      ((action === 'merge-claims' || action === 'unmerge-claims') && (names(d.into, claims) || names(d.from, claims))),
  )
}

/** A logged decision with its place in the log (what an undo names). */
export interface Placed {
  entry: LogEntry
  place: number
}

/** The entries of the log `keep` keeps, oldest first, with their places. */
export function placed(log: readonly LogEntry[], keep: (entry: LogEntry) => boolean): Placed[] {
  return log.flatMap((entry, place) => (keep(entry) ? [{ entry, place }] : []))
}

export interface HistoryLine {
  at: string
  by: string
  what: string
  note: string | null
}

const FACT_NAMES: Record<string, string> = { title: 'title', outlet: 'outlet', published: 'date', url: 'address' }

/** What an article's facts became, each changed one with what it was: 'date 2025-03-04 (was none)'. */
function factsChanged(now: unknown, was: unknown): string {
  const after = (now && typeof now === 'object' ? now : {}) as Record<string, unknown>
  const before = (was && typeof was === 'object' ? was : {}) as Record<string, unknown>
  const changed = Object.keys(FACT_NAMES).filter((name) => after[name] !== undefined && after[name] !== (before[name] ?? null))
  if (!changed.length) return 'nothing changed'
  return changed.map((name) => `${FACT_NAMES[name]} ${str(after[name])} (was ${str(before[name])})`).join('; ')
}

const str = (value: unknown) => (typeof value === 'string' ? value : value == null ? 'none' : JSON.stringify(value))

/** One logged decision in a sentence a reader follows. */
export function historyLine({ at, by, action, detail: d }: LogEntry): HistoryLine {
  const was = (d.was && typeof d.was === 'object' ? (d.was as { verdict?: unknown }).verdict : d.was) ?? null
  const what: Record<string, () => string> = {
    'review-claim': () => `Verdict: ${str(d.verdict)}${was ? ` (was ${str(was)})` : ''}`,
    'merge-claims': () => `Merged claim ${str(d.from)} into claim ${str(d.into)}`,
    'unmerge-claims': () => `Undid the merge of claim ${str(d.claim)} into claim ${str(d.into)}`,
    'split-statement': () => `Split statement ${str(d.statement)} out of claim ${str(d.fromClaim)} into a new claim ${str(d.newClaim)}`,
    'move-statement': () => `Moved statement ${str(d.statement)} from claim ${str(d.fromClaim)} to claim ${str(d.claim)}`,
    'set-stance': () => `Stance of statement ${str(d.statement)} set to ${str(d.stance)} (was ${str(was)})`,
    'set-kind': () => `Kind of statement ${str(d.statement)} set to ${str(d.kind)} (was ${str(was)})`,
    'set-speaker': () => `Speaker of statement ${str(d.statement)} set to ${str(d.speaker)} (was ${str(was)})`,
    'reject-statement': () => `Rejected statement ${str(d.statement)} as a false extraction`,
    'restore-review': () => {
      const review = d.review && typeof d.review === 'object' ? (d.review as { verdict?: unknown }).verdict : null
      return review
        ? `Verdict put back to ${str(review)}${was ? ` (was ${str(was)})` : ''}`
        : `Verdict taken back${was ? ` (was ${str(was)})` : ''}`
    },
    'merge-speakers': () => `Merged speaker ${str(d.from)} into speaker ${str(d.into)}`,
    'split-speaker': () => `Split the name ${str(d.alias)} off speaker ${str(d.speaker)} into speaker ${str(d.newSpeaker)}`,
    'set-article': () => `Facts of article ${str(d.article)} set: ${factsChanged(d.facts, d.was)}`,
  }
  const note = action === 'review-claim' ? str(d.note) : action === 'reject-statement' ? str(d.reason) : ''
  const line = (what[action] ?? (() => action))()
  return { at, by, what: typeof d.undoes === 'number' ? `Undo: ${line}` : line, note: note || null }
}
