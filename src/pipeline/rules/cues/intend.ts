// Promises, refusals and wishes: what someone says they will or will not do.
import type { CueRule } from './types.js'

const rule = (lemma: string, forms: string[], example: string, stance: CueRule['stance'] = 'assert'): CueRule => ({
  forms,
  lemma,
  stance,
  family: 'intention',
  rule: lemma,
  example,
})

export const INTEND: CueRule[] = [
  // The mayor vowed to rebuild the bridge by spring.
  rule('vow', ['vowed', 'vows', 'vowing'], 'The mayor vowed to rebuild the bridge by spring.'),
  rule('promise', ['promises', 'promising'], 'The company promised to refund customers.'),
  rule('refuse', ['refused', 'refuses', 'refusing'], 'The witness refused to answer.'),
  // Declining to comment takes no side on the claim: its own stance, so a ledger can show who would not say.
  rule('decline', ['declined', 'declines', 'declining'], 'A spokeswoman declined to comment.', 'decline'),
  rule('agree', ['agreed', 'agrees'], 'Both sides agreed to resume talks.'),
  rule('hope', ['hopes', 'hoped', 'hoping'], 'Organizers hope to raise $1 million.'),
  rule('threaten', ['threatened', 'threatens', 'threatening'], 'The union threatened to strike.'),
]
