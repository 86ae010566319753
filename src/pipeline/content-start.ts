// Where the content of "S V …" begins when the verb's own preposition comes first: "called for higher
// taxes", "railed against the deal", "asked about the emails". What was said starts after it. (An object
// before it stays: annotators keep "accused Clinton of ducking" and "endorsed her for president" whole.)
import type { Token } from './nlp.js'

/** Prepositions that belong to the cue, not to what it reports. */
// "The senator called for increased regulation of hedge funds."
const CUE_PREPOSITIONS = new Set(['for', 'against', 'about', 'of', 'at', 'over', 'on', 'with', 'from', 'to'])
/** Words that open a clause of their own, where a finite verb no longer belongs to the phrase. */
const SUBORDINATORS = new Set(['when', 'while', 'because', 'if', 'after', 'before', 'since', 'who', 'which', 'that', 'where', 'as', 'until'])

const isFinite = (t: Token) =>
  t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive') && !t.tags.has('Participle') && !t.tags.has('Particle')

/** No finite verb before the first subordinator: the words are a phrase, not a clause. */
function isPhrase(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (SUBORDINATORS.has(tokens[k].lower)) return true
    if (isFinite(tokens[k])) return false
  }
  return true
}

/** The first token of the content among tokens[from, to), past the cue's own preposition. */
export function contentStart(tokens: Token[], from: number, to: number): number {
  const first = tokens[from]
  // "to" before a verb is the infinitive's, and stays: "promised to cut taxes".
  const infinitive = first.lower === 'to' && tokens[from + 1]?.tags.has('Verb')
  return CUE_PREPOSITIONS.has(first.lower) && !infinitive && from + 1 < to && isPhrase(tokens, from + 1, to) ? from + 1 : from
}
