// Where the content of "S V …" begins when the verb's own preposition comes first: "called for higher
// taxes", "railed against the deal", "asked about the emails". What was said starts after it. (An object
// before it stays: annotators keep "accused Clinton of ducking" and "endorsed her for president" whole.)
import type { Token } from './nlp.js'

/** Prepositions that belong to the cue, not to what it reports. */
// "The senator called for increased regulation of hedge funds."
const CUE_PREPOSITIONS = new Set(['for', 'against', 'about', 'of', 'at', 'over', 'on', 'with', 'from', 'to'])
/** Words that open a clause of their own, where a finite verb no longer belongs to the phrase. */
const SUBORDINATORS = new Set([
  'when',
  'while',
  'because',
  'if',
  'after',
  'before',
  'since',
  'who',
  'which',
  'that',
  'where',
  'as',
  'until',
])

const isFiniteVerb = (t: Token) =>
  t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive') && !t.tags.has('Participle') && !t.tags.has('Particle')

/** No finite verb before the first subordinator: the words are a phrase, not a clause. */
function isPhrase(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (SUBORDINATORS.has(tokens[k].lower)) return true
    if (isFiniteVerb(tokens[k])) return false
  }
  return true
}

// "made the case for the tax", "expressed deep concern about the policy", "showed no sign of backing down":
// the noun says how it was said, and what was said is about the words after its preposition. Each noun with
// the prepositions that make it so: "the case of a voter in Ohio" is an example, not a stance.
const STANCE_NOUNS = new Map<string, string[]>([
  ['case', ['for', 'against']],
  ['concern', ['about', 'over', 'for']],
  ['thoughts', ['on', 'about']],
  ['note', ['about', 'on', 'for']],
  ['apology', ['for']],
  ['apologies', ['for']],
  ['sign', ['of']],
  ['signs', ['of']],
  ['defense', ['of']],
  ['defence', ['of']],
  ['favor', ['of']],
  ['criticism', ['of', 'on']],
  ['sights', ['on', 'at']],
  ['statement', ['on', 'about']],
  ['attack', ['on', 'against']],
])

/** Past "(a few words) NOUN PREP" when the noun is one of stance, within the first words of the content. */
function pastStanceNoun(tokens: Token[], from: number, to: number): number {
  for (let k = from; k < Math.min(to - 2, from + 4); k++) {
    if (/[,;:“”"]/.test(tokens[k].post) || isFiniteVerb(tokens[k])) return from
    if (STANCE_NOUNS.get(tokens[k].lower)?.includes(tokens[k + 1].lower)) return k + 2
  }
  return from
}

/** The first token of the content among tokens[from, to), past the cue's own preposition or a noun of stance. */
export function contentStart(tokens: Token[], from: number, to: number): number {
  const stance = isPhrase(tokens, from, to) ? pastStanceNoun(tokens, from, to) : from
  if (stance > from) return stance
  const first = tokens[from]
  // "to" before a verb is the infinitive's, and stays: "promised to cut taxes".
  const infinitive = first.lower === 'to' && tokens[from + 1]?.tags.has('Verb')
  return CUE_PREPOSITIONS.has(first.lower) && !infinitive && from + 1 < to && isPhrase(tokens, from + 1, to) ? from + 1 : from
}
