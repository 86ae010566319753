// Denials: the speaker says the content is not so.
import type { CueRule } from './types.js'

export const DENY: CueRule[] = [
  // Both China and Russia denied the existence of such a request.
  {
    forms: ['denied', 'denies', 'deny', 'denying'],
    lemma: 'deny',
    stance: 'deny',
    family: 'deny',
    rule: 'deny',
    example: 'The ministry denied that troops had crossed the border.',
  },
  {
    forms: ['rejected', 'rejects', 'reject'],
    lemma: 'reject',
    stance: 'deny',
    family: 'deny',
    rule: 'reject',
    example: 'The Kremlin rejected the report as fabricated.',
  },
  {
    forms: ['dismissed', 'dismisses', 'dismiss'],
    lemma: 'dismiss',
    stance: 'deny',
    family: 'deny',
    rule: 'dismiss',
    example: 'The White House dismissed the allegations.',
  },
  {
    forms: ['refuted', 'refutes', 'refute'],
    lemma: 'refute',
    stance: 'deny',
    family: 'deny',
    rule: 'refute',
    example: 'The company refuted claims that it had hidden losses.',
  },
  {
    forms: ['rebutted', 'rebuts', 'rebut'],
    lemma: 'rebut',
    stance: 'deny',
    family: 'deny',
    rule: 'rebut',
    example: 'Her campaign rebutted the charge.',
  },
  {
    forms: ['disputed', 'disputes'],
    lemma: 'dispute',
    stance: 'deny',
    family: 'deny',
    rule: 'dispute',
    example: 'The agency disputed the figures.',
  },
]
