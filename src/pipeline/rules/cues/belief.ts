// Beliefs and fears, which news reports as attributions: "Observers believe ..."
import type { CueRule } from './types.js'

export const BELIEF: CueRule[] = [
  // Observers believe any type of Chinese military assistance to Russia will have far-reaching impacts.
  {
    forms: ['believe', 'believes', 'believed'],
    lemma: 'believe',
    stance: 'assert',
    family: 'belief',
    rule: 'believe',
    example: 'Analysts believe the economy will slow.',
  },
  {
    forms: ['think', 'thinks'],
    lemma: 'think',
    stance: 'assert',
    family: 'belief',
    rule: 'think',
    example: 'Most voters think the country is on the wrong track.',
  },
  {
    forms: ['fear', 'fears', 'feared'],
    lemma: 'fear',
    stance: 'assert',
    family: 'belief',
    rule: 'fear',
    example: 'Residents fear the river will flood again.',
  },
]
