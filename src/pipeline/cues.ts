// Stage 3: reporting words and phrases. Only sentences that hold a cue word are tagged by compromise:
// parse only what needs parsing.
import type { Doc, Sentence } from './segment.js'
import { tag, type Token } from './nlp.js'
import { CUE_RULES, type CueRule } from './rules/cues/index.js'
import type { Span } from './types.js'

export interface Cue {
  sentence: Sentence
  tokens: Token[]
  /** Index of the cue's first token, and how many tokens it takes. */
  at: number
  length: number
  span: Span
  rule: CueRule
}

const FORMS = new Map<string, CueRule>()
for (const r of CUE_RULES) for (const f of r.forms) FORMS.set(f, r)
const FIRST_WORDS = [...new Set([...FORMS.keys()].map((f) => f.split(' ')[0]))]
const PREFILTER = new RegExp(`\\b(${FIRST_WORDS.join('|')})\\b`, 'i')

/** Auxiliaries and adverbs that may stand between a subject and its cue, or mark a cue as not reporting. */
const NOT_A_CUE_BEFORE = new Set(['to', 'will', 'would', 'could', 'might', 'may', 'should', 'must', 'can', 'not', "n't", 'never'])

export function insideQuote(doc: Doc, at: number): boolean {
  return doc.quotes.some((q) => at >= q.inner.start && at < q.inner.end)
}

function cueAt(doc: Doc, tokens: Token[], i: number): { rule: CueRule; length: number } | null {
  const t = tokens[i]
  const two = i + 1 < tokens.length ? `${t.lower} ${tokens[i + 1].lower}` : ''
  if (FORMS.has(two)) return { rule: FORMS.get(two)!, length: 2 }
  const rule = FORMS.get(t.lower)
  if (!rule) return null
  if (!t.tags.has('Verb')) return null
  if (i > 0 && NOT_A_CUE_BEFORE.has(tokens[i - 1].lower) && rule.family !== 'belief') return null
  return { rule, length: 1 }
}

export function findCues(doc: Doc): Cue[] {
  const cues: Cue[] = []
  for (const sentence of doc.sentences) {
    if (!PREFILTER.test(sentence.text)) continue
    const tokens = tag(doc.text, sentence.start, sentence.end)
    for (let i = 0; i < tokens.length; i++) {
      if (insideQuote(doc, tokens[i].start)) continue
      const found = cueAt(doc, tokens, i)
      if (!found) continue
      const last = tokens[i + found.length - 1]
      const span = { start: tokens[i].start, end: last.end, text: doc.text.slice(tokens[i].start, last.end) }
      cues.push({ sentence, tokens, at: i, length: found.length, span, rule: found.rule })
      i += found.length - 1
    }
  }
  return cues
}
