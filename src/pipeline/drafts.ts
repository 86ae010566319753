// What stages 6 to 11 (sources to continuations) hand on: an attribution found, before stage 12 resolves its
// speaker.

import type { Token } from './nlp.js'
import type { Sentence } from './stages/03-segment.js'
import type { Cue } from './stages/04-cues.js'
import type { Span, Stance } from './types.js'

export interface SourceMention {
  span: Span
  tokens: Token[]
  /** "who served as a former special assistant ...", "David Schulz" */
  apposition: Span | null
  appositionTokens: Token[]
  /** What a relative pronoun stands for: "an architect" in "an architect who said". */
  antecedent: Token[] | null
}

export interface Draft {
  /** Numbers the attributions of one article; a continuation points at its statement's number. */
  id: number
  cue: Cue | null
  content: Span[]
  source: SourceMention | null
  /** Whom it was said to: "told CNN". */
  recipient: Span | null
  stance: Stance
  /** The attribution pattern that found it. */
  rule: string
  sentence: Sentence
  /** A continuation carries on the statement drafted before it. */
  continues?: number
}

/** The number the next draft added to these takes: one past the highest so far. */
export function nextDraftId(drafts: Draft[]): number {
  return drafts.reduce((m, d) => Math.max(m, d.id), -1) + 1
}
