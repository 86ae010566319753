// The source context of a statement: the whole sentences its spans sit in, so a fact-checker reads the words
// around a quote, not a fragment. Pure: text and spans in, a half-open range of the text out.
import type { Statement } from '../pipeline/types.js'

export interface Range {
  start: number
  end: number
}

const TERMINATORS = '.!?'
const CLOSERS = '"\'”’»)]'
// Abbreviations that end in a dot mid-sentence in news copy ("Sen. Warren", "on Feb. 24"). Missing one only
// widens the context by a sentence; it never cuts a span short.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col sgt capt adm st jr sr rev hon inc co corp ltd no vs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
)

/** From the start of the earliest span's sentence to the end of the latest span's sentence; null when no span. */
export function sourceContext(text: string, spans: readonly Range[]): Range | null {
  const inside = spans.map((s) => ({ start: clamp(s.start, text.length), end: clamp(s.end, text.length) })).filter((s) => s.start < s.end)
  if (inside.length === 0) return null
  const first = Math.min(...inside.map((s) => s.start))
  const last = Math.max(...inside.map((s) => s.end))
  return { start: sentenceStart(text, first), end: Math.max(sentenceEnd(text, last - 1), last) }
}

function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    if (isLineBreak(text[i])) return skipSpace(text, i + 1, at)
    if (isSpace(text[i]) && endsSentence(text, i)) return skipSpace(text, i + 1, at)
  }
  return skipSpace(text, 0, at)
}

/** The end of the sentence holding offset `at`: just after its terminator and closing marks, or the line end. */
function sentenceEnd(text: string, at: number): number {
  for (let i = Math.max(at, 0); i < text.length; i++) {
    if (isLineBreak(text[i])) return trimEnd(text, i)
    if (isSpace(text[i]) && endsSentence(text, i)) return trimEnd(text, i)
  }
  return trimEnd(text, text.length)
}

/** Whether the whitespace at `space` follows a sentence end: a terminator, maybe closing marks, no abbreviation. */
function endsSentence(text: string, space: number): boolean {
  let i = space - 1
  while (i >= 0 && CLOSERS.includes(text[i])) i--
  if (i < 0 || !TERMINATORS.includes(text[i])) return false
  // "“Why?” he asked" and "U.S. officials said" go on after the mark: a lower-case word continues the sentence.
  const next = text.slice(space).match(/\S/)?.[0]
  if (next !== undefined && next !== next.toUpperCase()) return false
  if (text[i] !== '.') return true
  const word = text.slice(0, i).match(/(\S+)$/)?.[1] ?? ''
  const bare = word.replace(/^["'“‘([]+/, '')
  // Initials and dotted abbreviations: "Jake J. Sullivan", "U.S. President" read as one sentence.
  if (/^[A-Z]$/.test(bare) || /^([A-Za-z]\.)+[A-Za-z]$/.test(bare)) return false
  return !ABBREVIATIONS.has(bare.toLowerCase())
}

function skipSpace(text: string, from: number, limit: number): number {
  let i = from
  while (i < limit && isSpace(text[i])) i++
  return i
}

function trimEnd(text: string, to: number): number {
  let i = to
  while (i > 0 && isSpace(text[i - 1])) i--
  return i
}

const isLineBreak = (c: string) => c === '\n' || c === '\r'
const isSpace = (c: string) => /\s/.test(c)

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(Math.trunc(offset) || 0, 0), length)
}

/** The spans a statement's source sentences are found from: its content, cue and speaker mention. */
export function statementSpans(statement: Pick<Statement, 'content' | 'cue' | 'speaker'>): Range[] {
  return [
    ...statement.content,
    ...(statement.cue ? [statement.cue] : []),
    ...(statement.speaker?.mention ? [statement.speaker.mention] : []),
  ]
}

/** The statement's source sentences as one line of text (the CSV's `sentence`); null when no span is in the text. */
export function sourceSentence(text: string, statement: Pick<Statement, 'content' | 'cue' | 'speaker'>): string | null {
  const range = sourceContext(text, statementSpans(statement))
  return range && text.slice(range.start, range.end).replace(/\s+/g, ' ').trim()
}
