// "according to": the source follows the cue, the content stands on the other side of a comma.
import type { CueRule } from './types.js'

export const ACCORDING_TO: CueRule[] = [
  // Over 2.8 million people have fled Ukraine, according to the International Organization for Migration.
  {
    forms: ['according to'],
    lemma: 'according to',
    stance: 'assert',
    family: 'according-to',
    rule: 'according-to',
    example: 'According to the police, two men were arrested.',
  },
]
