// Where the object of a praise, plan or finding ends: at its first comma ("endorsed her bid, citing …"),
// unless the comma only separates the items of a list ("to rally older, rural and working-class voters",
// "his parents, his siblings and his children"), repeats an infinitive ("to be humbler, to get out"),
// or brings in examples ("mayors from across the state, including …"). A finding that is a "that" clause
// runs on like any clause: "found that 43% back the levy, and 42% the bond".
import type { Token } from './nlp.js'

const EXAMPLES = /^(including|especially|particularly|notably)$/

const isFiniteVerb = (t: Token) => t.tags.has('Verb') && !/Gerund|Participle|Infinitive|Auxiliary/.test([...t.tags].join(' '))

/** The comma after token k separates list items: short items without a verb, the last after "and" or "or". */
function inList(tokens: Token[], k: number, last: number): boolean {
  for (let item = k + 1, words = 0; item <= last; item++, words++) {
    const t = tokens[item]
    if (words >= 5 || isFiniteVerb(t) || /[;:—–]/.test(t.post)) return false
    // ", and …" right after the comma opens a clause of its own, unless adjectives are listed.
    if (/^(and|or)$/.test(t.lower)) return words > 0 || tokens[k].tags.has('Adjective')
    if (/,/.test(t.post)) words = -1 // the next item: "Ohio, Florida, and Nevada"
  }
  return false
}

/** Index of the token the object ends with, among tokens[from, last]. */
export function objectEnd(tokens: Token[], from: number, last: number): number {
  if (tokens[from]?.lower === 'that') return last
  const infinitive = tokens[from]?.lower === 'to'
  for (let k = from; k < last; k++) {
    // "denied those charges and has worked behind the scenes …": a second verb of the subject, not the object.
    const next = tokens[k + 1]
    if (
      !infinitive &&
      /^(and|but)$/.test(next.lower) &&
      (isFiniteVerb(tokens[k + 2] ?? next) ||
        /^(has|have|had|is|was|were|are|would|will|did|does|could|can)$/.test(tokens[k + 2]?.lower ?? '')) &&
      !tokens.slice(from, k + 1).some(isFiniteVerb)
    )
      return k
    if (!/,/.test(tokens[k].post)) continue
    if (inList(tokens, k, last) || EXAMPLES.test(next.lower)) continue
    if (infinitive && next.lower === 'to' && tokens[k + 2]?.tags.has('Verb')) continue
    return k
  }
  return last
}
