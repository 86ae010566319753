// One tagging per sentence per article. Tagging is most of the pipeline's cost, and several stages read the
// same sentences (cues, reporting nouns, the quote pass): the first to ask tags them, the rest reuse it.
import { type Token, tagAll } from './nlp.js'
import type { Doc, Sentence } from './stages/03-segment.js'

const tagged = new WeakMap<Doc, Map<number, Token[]>>()

/** The tokens of each sentence, tagging together only those not tagged before. */
export function sentenceTokens(doc: Doc, sentences: Sentence[]): Token[][] {
  let known = tagged.get(doc)
  if (!known) tagged.set(doc, (known = new Map()))
  const missing = sentences.filter((s) => !known.has(s.start))
  // compromise's per-call work is paid even for nothing: the quote pass asks one sentence at a time.
  if (missing.length === 0) return sentences.map((s) => known.get(s.start)!)
  // A sentence is tagged as if alone, so one written twice is tagged once: a page of '"Yes," Smith said.'
  // costs one tagging, not a hundred thousand.
  const firsts = new Map<string, Sentence>()
  for (const s of missing) if (!firsts.has(s.text)) firsts.set(s.text, s)
  const unique = [...firsts.values()]
  tagAll(doc.text, unique).forEach((tokens, i) => {
    known.set(unique[i].start, tokens)
  })
  for (const s of missing) {
    const first = firsts.get(s.text)!
    if (first === s) continue
    const by = s.start - first.start
    known.set(
      s.start,
      known.get(first.start)!.map((t) => ({ ...t, start: t.start + by, end: t.end + by })),
    )
  }
  return sentences.map((s) => known.get(s.start)!)
}

/** The sentences a stage's words may stand in, each with its tokens: a stage tags only what it can use. */
export function sentencesHolding(doc: Doc, words: RegExp): Array<[Sentence, Token[]]> {
  const sentences = doc.sentences.filter((s) => words.test(s.text))
  const tagged = sentenceTokens(doc, sentences)
  return sentences.map((s, n) => [s, tagged[n]])
}
