// The cue model's training data and training, shared by `npm run train:cues` and `npm run train:spans` (which holds
// the cue model out of each fold too, so that its cross-validated figures are of models that never saw the article).
import type { CueModel } from '../pipeline/learned/cue-model.js'
import { trainEpoch } from '../pipeline/learned/cue-model.js'
import { cueFeatures } from '../pipeline/learned/features.js'
import { tag } from '../pipeline/nlp.js'
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
}
export interface CueTraining {
  minCount: number
  minRate: number
  epochs: number
  threshold: number
}
/** What `npm run train:cues` trains with unless told otherwise. */
export const CUE_TRAINING: CueTraining = { minCount: 3, minRate: 0, epochs: 8, threshold: 0.45 }

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
      out.push({ features: cueFeatures(d, tokens, i), label, word: t.lower })
    })
  }
  return out
}

export function trainCues(examples: CueExample[][], { minCount, minRate, epochs, threshold }: CueTraining): CueModel {
  const counts = new Map<string, number>()
  const seen = new Map<string, number>()
  for (const ex of examples.flat()) {
    seen.set(ex.word, (seen.get(ex.word) ?? 0) + 1)
    if (ex.label) counts.set(ex.word, (counts.get(ex.word) ?? 0) + 1)
  }
  // A word the annotators rarely mark ("made", "went") is left to the lexicons: its few cues cost many errors.
  const candidates = [...counts]
    .filter(([w, n]) => n >= minCount && n / seen.get(w)! >= minRate)
    .map(([w]) => w)
    .sort()
  const keep = new Set(candidates)
  const data = examples.flat().filter((ex) => keep.has(ex.word))
  const weights = new Map<string, number>()
  for (let e = 0; e < epochs; e++) trainEpoch(weights, data, 0.1 / (1 + e), 1e-4)
  const rounded: Record<string, number> = {}
  for (const [f, w] of [...weights].sort(([a], [b]) => a.localeCompare(b)))
    if (Math.abs(w) >= 0.01) rounded[f] = Math.round(w * 1000) / 1000
  return { candidates, weights: rounded, threshold }
}
