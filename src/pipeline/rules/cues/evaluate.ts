// Praise, criticism and endorsement: news reports them as attributions of a view about their object.
import type { CueRule } from './types.js'

const rule = (lemma: string, forms: string[], example: string): CueRule => ({
  forms,
  lemma,
  stance: 'assert',
  family: 'evaluation',
  rule: lemma,
  example,
})

export const EVALUATE: CueRule[] = [
  // The senator criticized the agency for its slow response.
  rule('criticize', ['criticized', 'criticizes', 'criticised', 'criticizing'], 'The senator criticized the agency for its slow response.'),
  rule('praise', ['praised', 'praises', 'praising'], 'The coach praised the defense.'),
  rule('defend', ['defended', 'defends', 'defending'], 'The minister defended the budget cuts.'),
  rule('attack', ['attacked', 'attacking'], 'The candidate attacked his rival over taxes.'),
  rule('blast', ['blasted', 'blasts', 'slammed', 'slams', 'lambasted'], 'The union blasted the decision as reckless.'),
  rule(
    'condemn',
    ['condemned', 'condemns', 'condemning', 'denounced', 'denounces', 'denouncing', 'decried', 'decries'],
    'Leaders condemned the attack.',
  ),
  rule('mock', ['mocked', 'mocks', 'mocking', 'ridiculed'], 'The host mocked the proposal.'),
  rule('blame', ['blamed', 'blames', 'blaming'], 'The mayor blamed the state for the delays.'),
  rule('endorse', ['endorsed', 'endorses', 'endorsing'], 'The newspaper endorsed the challenger.'),
  rule('thank', ['thanked', 'thanks'], 'The governor thanked the firefighters.'),
]
