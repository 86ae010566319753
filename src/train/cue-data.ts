// The cue model's training data and training, shared by `npm run train:cues` and `npm run train:spans` (which holds
// the cue model out of each fold too, so that its cross-validated figures are of models that never saw the article).
import type { CueModel } from '../pipeline/learned/cue-model.js'
import { probability, trainEpoch } from '../pipeline/learned/cue-model.js'
import { cueFeatures } from '../pipeline/learned/features.js'
import { lemma, tag } from '../pipeline/nlp.js'
import { clean } from '../pipeline/stages/02-clean.js'
import { segment } from '../pipeline/stages/03-segment.js'
import { insideQuote, isLexiconForm } from '../pipeline/stages/04-cues.js'

export interface CueGoldDoc {
  id: string
  text: string
  date?: string
  quotes: Array<{ cue: { start: number; end: number } | null; cue_parts?: Array<{ start: number; end: number }> }>
}
export interface CueExample {
  features: string[]
  label: boolean
  word: string
  /** The word's dictionary form: a form the training never marked still counts when another form of it was. */
  lemma: string
}
export interface CueTraining {
  minCount: number
  minRate: number
  epochs: number
  threshold: number
}
/** What `npm run train:cues` trains with unless told otherwise. */
export const CUE_TRAINING: CueTraining = { minCount: 2, minRate: 0, epochs: 8, threshold: 0.5 }

const STOP = new Set([
  'to',
  'that',
  'in',
  'of',
  'on',
  'for',
  'about',
  'the',
  'a',
  'as',
  'and',
  'has',
  'have',
  'had',
  'was',
  'is',
  'be',
  'been',
  'not',
  'did',
  'said',
  'says',
])

/** Every verb of every sentence outside quotes, with whether the annotators marked it as a cue. */
export function cueExamples(doc: CueGoldDoc): CueExample[] {
  const cues = doc.quotes.flatMap((q) => q.cue_parts ?? (q.cue ? [q.cue] : []))
  const d = segment(doc.text, doc.date ?? null, clean(doc.text))
  const out: CueExample[] = []
  for (const s of d.sentences) {
    const tokens = tag(doc.text, s.start, s.end)
    tokens.forEach((t, i) => {
      if (!t.tags.has('Verb') || isLexiconForm(t.lower) || STOP.has(t.lower) || insideQuote(d, t.start)) return
      const label = cues.some((c) => c.start < t.end && t.start < c.end)
      out.push({ features: cueFeatures(d, tokens, i), label, word: t.lower, lemma: lemma(t.lower) })
    })
  }
  return out
}

export function trainCues(examples: CueExample[][], { minCount, minRate, epochs, threshold }: CueTraining): CueModel {
  const counts = new Map<string, number>()
  const seen = new Map<string, number>()
  for (const ex of examples.flat()) {
    seen.set(ex.lemma, (seen.get(ex.lemma) ?? 0) + 1)
    if (ex.label) counts.set(ex.lemma, (counts.get(ex.lemma) ?? 0) + 1)
  }
  // A word the annotators rarely mark ("made", "went") is left to the lexicons: its few cues cost many errors.
  const lemmas = new Set([...counts].filter(([w, n]) => n >= minCount && n / seen.get(w)! >= minRate).map(([w]) => w))
  const candidates = [
    ...new Set(
      examples
        .flat()
        .filter((ex) => lemmas.has(ex.lemma))
        .map((ex) => ex.word),
    ),
  ].sort()
  const keep = new Set(candidates)
  const data = examples.flat().filter((ex) => keep.has(ex.word))
  const weights = new Map<string, number>()
  for (let e = 0; e < epochs; e++) trainEpoch(weights, data, 0.1 / (1 + e), 1e-4)
  const rounded: Record<string, number> = {}
  for (const [f, w] of [...weights].sort(([a], [b]) => a.localeCompare(b)))
    if (Math.abs(w) >= 0.01) rounded[f] = Math.round(w * 1000) / 1000
  // A word the model never takes for a cue anywhere in training is no candidate: asking about it costs a parse of
  // every sentence that holds it, for nothing. (Common words it does take somewhere, "made", "went", stay.)
  const model = { candidates, weights: rounded, threshold }
  const fired = new Set(data.filter((ex) => probability(model, ex.features) >= threshold).map((ex) => ex.word))
  return { ...model, candidates: candidates.filter((w) => fired.has(w)) }
}
