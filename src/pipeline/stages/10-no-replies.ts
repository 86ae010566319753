// Stage 10, no replies: takes the Doc and the drafts; gives them with a decline draft added for each refusal to
// answer: "The campaign did not respond to requests for comment", "A spokesman would not say whether …",
// "Aides did not return a message". A verb of answering under a negation, outside quotes, is a decline by its
// subject; what follows it is the content; a draft the learned cue model made of the verb alone gives way to it.
// A pass of its own, like 09-noun-cues.ts: the cue lexicons leave a negated verb alone ("did not say" is not a
// saying).

import { type Draft, nextDraftId } from '../drafts.js'
import type { Token } from '../nlp.js'
import { subjectBefore } from '../phrases.js'
import type { CueRule } from '../rules/cues/types.js'
import { sentencesHolding } from '../sentence-tokens.js'
import { overlaps, spanOf, trimClause } from '../spans.js'
import type { Doc } from './03-segment.js'
import type { Cue } from './04-cues.js'
import { insideQuote } from './04-cues.js'
import { mention } from './06-sources.js'

const ANSWERING = new Set([
  'respond',
  'return',
  'reply',
  'answer',
  'comment',
  'say',
  'discuss',
  'confirm',
  'elaborate',
  'disclose',
  'specify',
  'address',
])
const MAY_HOLD =
  /(\bnot|n[’']t|\bnever)\s+(\w+\s+)?(respond|return|reply|answer|comment|say|discuss|confirm|elaborate|disclose|specify|address)\b/i
const AUXILIARY = /^(did|does|do|would|could|will|has|have|had|wo|ca|can)$/
const CONTRACTED = /^(did|does|do|would|could|wo|has|have|had|ca)n[’']t$/
const IN_BETWEEN = new Set(['immediately', 'yet', 'publicly', 'directly', 'specifically', 'further'])
const BREAK = /[,;:—–()]|--/

const RULE: CueRule = {
  forms: ['did not respond'],
  lemma: 'respond',
  stance: 'decline',
  family: 'speech',
  rule: 'no-reply',
  example: 'The governor’s office did not respond to requests for comment.',
}

/** Where the negated group begins ("did not immediately respond": "did"), or -1. */
function negatedFrom(tokens: Token[], verb: number): number {
  let k = verb - 1
  while (k >= 0 && IN_BETWEEN.has(tokens[k].lower)) k--
  const t = tokens[k]
  if (!t) return -1
  if (CONTRACTED.test(t.lower)) return k
  if (t.lower === "n't" || t.lower === 'n’t') return AUXILIARY.test(tokens[k - 1]?.lower ?? '') ? k - 1 : -1
  if (t.lower === 'not' || t.lower === 'never') return AUXILIARY.test(tokens[k - 1]?.lower ?? '') ? k - 1 : -1
  return -1
}

export function attributeNoReplies(doc: Doc, drafts: Draft[]): Draft[] {
  const out = [...drafts]
  let nextId = nextDraftId(drafts)
  for (const [sentence, tokens] of sentencesHolding(doc, MAY_HOLD)) {
    for (let i = 1; i < tokens.length - 1; i++) {
      if (!ANSWERING.has(tokens[i].lower) || insideQuote(doc, tokens[i].start) || BREAK.test(tokens[i].post)) continue
      const from = negatedFrom(tokens, i)
      if (from < 1) continue
      const subject = subjectBefore(tokens, from)
      if (!subject) continue
      // "did not respond to requests …": the preposition goes with the cue, as the annotators mark it.
      const open = /^(to|on|about)$/.test(tokens[i + 1].lower) ? i + 2 : i + 1
      let end = open
      while (end < tokens.length && !(end > open && BREAK.test(tokens[end - 1].post))) end++
      if (end <= open) continue
      const content = trimClause(doc.text, tokens[open].start, tokens[end - 1].end)
      if (!content) continue
      // The learned cue model may have taken the verb alone for a cue ("respond"): the negated group replaces it.
      const cueSpan = { start: tokens[from].start, end: tokens[open - 1].end }
      const clashing = out.filter((d) => d.content.some((c) => overlaps(c, content)))
      if (clashing.some((d) => !d.cue || d.cue.span.start < cueSpan.start || d.cue.span.end > cueSpan.end)) continue
      for (const d of clashing) out.splice(out.indexOf(d), 1)
      const last = tokens[open - 1]
      const cue: Cue = {
        sentence,
        tokens,
        at: from,
        length: open - from,
        span: spanOf(doc.text, tokens[from].start, last.end),
        rule: RULE,
        probability: 1,
      }
      out.push({
        id: nextId++,
        cue,
        content: [content],
        recipient: null,
        stance: 'decline',
        rule: 'no-reply',
        sentence,
        source: mention(doc, cue, subject),
      })
    }
  }
  return out
}
