// Polls, studies and records "show" or "find": the document is the source.
import type { CueRule } from './types.js'

const rule = (lemma: string, forms: string[], example: string): CueRule => ({
  forms,
  lemma,
  stance: 'assert',
  family: 'evidence',
  rule: lemma,
  example,
})

export const EVIDENCE: CueRule[] = [
  // A new poll shows the race tightening in Ohio.
  rule('show', ['shows', 'showed', 'showing', 'show'], 'A new poll shows the race tightening in Ohio.'),
  rule('find', ['found', 'finds'], 'The study found that sleep improves memory.'),
]
