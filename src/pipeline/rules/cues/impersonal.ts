// Words that attribute a view to no one in particular: "Sanders seemed to reap the benefits", "The bill is
// expected to pass". The annotators give these no source; the content is the subject and what follows.
import type { CueRule } from './types.js'

export const IMPERSONAL: CueRule[] = [
  // The speaker appeared closer to offering a full-throated endorsement.
  {
    forms: ['seemed', 'seems', 'seem', 'appeared', 'appears', 'appear'],
    lemma: 'seem',
    stance: 'assert',
    family: 'impersonal',
    rule: 'seem',
    example: 'The speaker appeared closer to offering an endorsement.',
  },
  // The central bank is expected to act at its final meeting of the year.
  {
    forms: ['expected'],
    lemma: 'expect',
    stance: 'assert',
    family: 'impersonal',
    rule: 'expected',
    example: 'The central bank is expected to act in December.',
  },
  // Delegates reportedly erupted in a chorus of booing.
  {
    forms: ['reportedly', 'allegedly', 'purportedly'],
    lemma: 'reportedly',
    stance: 'assert',
    family: 'impersonal',
    rule: 'reportedly',
    example: 'Delegates reportedly erupted in a chorus of booing.',
  },
]
