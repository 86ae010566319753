// Stage 6, sources: takes the Doc and what each cue governs; gives one draft (drafts.ts) per governed cue, with
// whom it is attributed to as written (the subject, the inverted subject, the name after "according to"), its
// apposition ("Eric Sayers, who served as ..."), whom it was told to, and the cue's stance.

import type { Draft, SourceMention } from '../drafts.js'
import { type Phrase, phraseAfter } from '../phrases.js'
import { spanOf, tokenSpan, trimClause } from '../spans.js'
import type { Span } from '../types.js'
import type { Doc } from './03-segment.js'
import type { Cue } from './04-cues.js'
import type { Governed } from './05-contents.js'

const LEADING = /^(both|either|neither)$/

export function mention(doc: Doc, cue: Cue, phrase: Phrase): SourceMention {
  let from = phrase.from
  while (from < phrase.to - 1 && LEADING.test(cue.tokens[from].lower)) from++
  const tokens = cue.tokens.slice(from, phrase.to)
  const [a, b] = phrase.apposition ?? [phrase.to, phrase.to]
  const apposition = b > a ? trimClause(doc.text, cue.tokens[a].start, cue.tokens[b - 1].end) : null
  // The mention runs over the apposition, as written: "A lawyer for the outlets, David Schulz, said".
  const span = tokenSpan(doc.text, cue.tokens, from, Math.max(phrase.to, b))
  const antecedent = phrase.antecedent ? cue.tokens.slice(...phrase.antecedent) : null
  return { span, tokens, apposition, appositionTokens: cue.tokens.slice(a, b), antecedent }
}

/** "told CNN", "told The Washington Post": the phrase after a cue that names whom it was said to. */
function recipientOf(doc: Doc, g: Governed): Span | null {
  if (!g.cue.rule.recipient) return null
  const after = g.cue.at + g.cue.length
  if (g.source && g.source.from === after) return null
  const p = phraseAfter(g.cue.tokens, after)
  if (!p || p.to - p.from > 6) return null
  const t = g.cue.tokens
  if (g.content.some((c) => c.start <= t[p.from].start && t[p.from].start < c.end)) return null
  return spanOf(doc.text, t[p.from].start, t[p.to - 1].end)
}

export function findSources(doc: Doc, governed: Governed[]): Draft[] {
  return governed.map((g, id) => ({
    id,
    cue: g.cue,
    content: g.content,
    source: g.source ? mention(doc, g.cue, g.source) : null,
    recipient: recipientOf(doc, g),
    stance: g.cue.rule.stance,
    rule: g.rule,
    sentence: g.cue.sentence,
  }))
}
