// What the learned cue model looks at around a candidate word: the word itself, its neighbours, what
// follows it (a that-clause, a quote, "to"), and whether a subject stands before it. Shared by training
// and extraction, so both see the same thing.

import { lemma, type Token } from '../nlp.js'
import { isPassive, subjectBefore } from '../phrases.js'
import { quoteEndingAt, quoteStartingAt } from '../quote-edges.js'
import type { Doc } from '../stages/03-segment.js'

const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '')
const TAGS = ['Gerund', 'PastTense', 'PresentTense', 'Infinitive', 'Participle', 'Noun', 'Adjective']

function neighbour(_doc: Doc, tokens: Token[], i: number): string {
  const t = tokens[i]
  if (!t) return '<end>'
  if (/[“"]|''|``/.test(t.pre)) return '<quote>'
  return t.lower
}

function subjectKind(tokens: Token[], i: number): string {
  if (isPassive(tokens, i)) return 'passive'
  const s = subjectBefore(tokens, i)
  if (!s) return 'none'
  const head = tokens[s.to - 1]
  if (s.antecedent) return 'relative'
  if (head.tags.has('Pronoun')) return 'pronoun'
  if (head.tags.has('Person')) return 'person'
  // A capital that only opens the sentence ('Fans lined up') names no one.
  if (head.tags.has('ProperNoun') || (s.to - 1 > 0 && /^[\p{Lu}]/u.test(head.text))) return 'proper'
  return 'common'
}

export function cueFeatures(doc: Doc, tokens: Token[], i: number): string[] {
  const t = tokens[i]
  const next = neighbour(doc, tokens, i + 1)
  const subject = subjectKind(tokens, i)
  const root = lemma(t.lower)
  const f = [
    'bias',
    `w=${t.lower}`,
    `stem=${stem(t.lower)}`,
    `next=${next}`,
    `next2=${neighbour(doc, tokens, i + 2)}`,
    `prev=${tokens[i - 1]?.lower ?? '<start>'}`,
    `subj=${subject}`,
    `w+subj=${t.lower}|${subject}`,
    `lemma=${root}`,
    `lemma+next=${root}|${next}`,
    `lemma+subj=${root}|${subject}`,
    `subj+next=${subject}|${next}`,
    `w+next=${stem(t.lower)}|${next}`,
    `comma-after=${/,/.test(t.post)}`,
    `comma-before=${/,/.test(tokens[i - 1]?.post ?? '')}`,
    `quote-before=${quoteEndingAt(doc, tokens[i - 1]?.end ?? t.start) !== undefined}`,
    `quote-after=${quoteStartingAt(doc, t.end) !== undefined}`,
  ]
  for (const g of TAGS) if (t.tags.has(g)) f.push(`tag=${g}`)
  const n = tokens[i + 1]
  if (n)
    for (const g of ['Determiner', 'Noun', 'Verb', 'Preposition', 'Pronoun', 'ProperNoun', 'Adjective'])
      if (n.tags.has(g)) f.push(`nexttag=${g}`)
  return f
}
