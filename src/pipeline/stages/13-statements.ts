// Stage 13, statements: takes the Doc, one attributed draft and the statements made before it (for "the day
// before"); gives its statement: kind, the cue's own stance, date (dates.ts), venue, confidence and rule, with
// no claim yet. extract.ts makes one per draft, then keeps one statement per content, speaker and stance.
import { datePhrases, pickDate, type StatementDate } from '../dates.js'
import { insideQuote } from '../quoted.js'
import { FALSEHOOD } from '../rules/falsehood.js'
import type { Kind, Span, Statement } from '../types.js'
import type { Doc } from './03-segment.js'
import type { Attributed } from './12-speakers.js'

const LETTER = /[\p{L}\p{N}]/u

/** direct when every word of the content is quoted, indirect when none is, mixed otherwise. */
export function kindOf(doc: Doc, content: Span[]): Kind {
  let inside = 0
  let outside = 0
  for (const c of content) {
    for (let i = c.start; i < c.end; i++) {
      if (!LETTER.test(doc.text[i])) continue
      if (insideQuote(doc, i)) inside++
      else outside++
    }
  }
  return outside === 0 ? 'direct' : inside === 0 ? 'indirect' : 'mixed'
}

/** The words of the sentence outside the content: where "on Monday" dates the saying, not the said. */
function frame(a: Attributed): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = []
  let at = a.sentence.start
  for (const c of [...a.content].sort((x, y) => x.start - y.start)) {
    if (c.start >= a.sentence.end || c.end <= a.sentence.start) continue
    if (c.start > at) pieces.push({ text: a.sentence.text.slice(at - a.sentence.start, c.start - a.sentence.start), start: at })
    at = Math.max(at, c.end)
  }
  if (at < a.sentence.end) pieces.push({ text: a.sentence.text.slice(at - a.sentence.start), start: at })
  return pieces
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end

// A relative clause tells of another time than the saying; "Obama, dedicating the museum on Saturday, said" does not.
const RELATIVE = /\b(who|whom|whose|which)\b/i

/**
 * When the statement was made: the date phrase in its frame nearest the cue. A date in a relative clause on the
 * speaker dates that clause: "Christie, who suspended his campaign in February, blasted Clinton". "The day
 * before" counts from the latest statement already dated to the day.
 */
function dateOf(doc: Doc, a: Attributed, anchor: string | null): StatementDate | null {
  const apposition = a.source?.apposition
  const aside = apposition && RELATIVE.test(apposition.text) ? apposition : null
  const cue = a.cue?.span ?? null
  const phrases = frame(a)
    .flatMap((p) => datePhrases(p.text, p.start, doc.published, anchor))
    .filter((p) => !aside || !within(p, aside) || (cue !== null && within(cue, aside)))
  return pickDate(phrases, cue)
}

// How far each pattern is to be trusted, before what the speaker and kind add or take away.
const BASE: Record<string, number> = {
  'quote-comma-name-verb': 0.9,
  'quote-comma-verb-name': 0.9,
  'name-verb-quote': 0.85,
  'according-to': 0.85,
  'clause-comma-name-verb': 0.8,
  'clause-comma-verb-name': 0.8,
  'name-verb-clause': 0.75,
  'what-clause': 0.7,
  'continuation-quote': 0.7,
  // The quote-first patterns (07-quote-first.ts): a quote no cue claimed, attributed by the words around it.
  'quote-then-verb': 0.9,
  'quote-dash-name': 0.85,
  'verb-then-quote': 0.85,
  'name-colon-quote': 0.8,
  'called-quote': 0.65,
  'clause-quote': 0.55,
  // A paragraph that opens "Name:" (08-speaker-lines.ts): headlines and transcripts.
  'speaker-line': 0.7,
  // A possessive and a noun ("his claim that …", 09-noun-cues.ts): 0.58 precise on the PolNeAR dev set.
  'noun-cue': 0.55,
  // "did not respond to requests for comment" (10-no-replies.ts).
  'no-reply': 0.8,
}

function confidence(a: Attributed, kind: Kind): number {
  let c = BASE[a.rule] ?? 0.6
  if (!a.speaker) c -= 0.2
  else if (a.speaker.mention && a.speaker.name !== a.speaker.mention.text && /^(he|she|they|it)$/i.test(a.speaker.mention.text)) c -= 0.1
  if (a.cue?.rule.family === 'belief') c -= 0.15
  if (kind === 'direct') c += 0.05
  if (a.cue) c *= 0.6 + 0.4 * a.cue.probability
  return Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100
}

/**
 * `dated`: the statements made so far, by draft; `anchor`: the date of the latest of them dated to the day, for
 * "the day before" (kept by the caller: looked for in `dated` each time, it cost statements² on a long page).
 */
export function toStatement(doc: Doc, a: Attributed, dated: Map<number, Statement>, anchor: string | null): Statement {
  const kind = kindOf(doc, a.content)
  const parent = a.continues !== undefined ? dated.get(a.continues) : undefined
  const when = parent ? { date: parent.date, precision: parent.datePrecision, text: parent.dateText } : dateOf(doc, a, anchor)
  const content = a.content.map((c) => c.text).join(' ')
  // The cue's own stance, for telling statements apart (extract.ts); the stance model reads it again once the
  // statements are settled, on far fewer of them.
  const stance = a.cue?.rule.denyWhenFalsehood && FALSEHOOD.test(content) ? 'deny' : a.stance
  return {
    kind,
    stance,
    content: a.content,
    cue: a.cue?.span ?? null,
    speaker: a.speaker,
    via: a.recipient?.text ?? null,
    date: when?.date ?? null,
    datePrecision: when?.precision ?? null,
    dateText: when?.text ?? null,
    claim: '',
    link: { how: 'new', confidence: 1 },
    confidence: confidence(a, kind),
    rule: a.rule,
  }
}
