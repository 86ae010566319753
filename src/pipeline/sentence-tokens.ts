// One tagging per sentence per article. Tagging is most of the pipeline's cost, and several stages read the
// same sentences (cues, reporting nouns, the quote pass): the first to ask tags them, the rest reuse it.
import { tagAll, type Token } from './nlp.js'
import type { Doc, Sentence } from './segment.js'

const tagged = new WeakMap<Doc, Map<number, Token[]>>()

/** The tokens of each sentence, tagging together only those not tagged before. */
export function sentenceTokens(doc: Doc, sentences: Sentence[]): Token[][] {
  let known = tagged.get(doc)
  if (!known) tagged.set(doc, (known = new Map()))
  const missing = sentences.filter((s) => !known.has(s.start))
  tagAll(doc.text, missing).forEach((tokens, i) => known.set(missing[i].start, tokens))
  return sentences.map((s) => known.get(s.start)!)
}
