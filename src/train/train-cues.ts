// Trains the learned cue model on annotated news (PolNeAR's JSONL) and writes its weights as TypeScript.
//
//   npm run train:cues -- --gold ../shared/eval/dev.jsonl            writes data/models/cue-weights.json
//   npm run train:cues -- --gold ../shared/eval/dev.jsonl --folds 5 --pred cv.jsonl
//                                                                    k-fold over articles: each article is
//                                                                    extracted by a model that never saw it
// Deterministic: the same gold gives the same weights.
import { createReadStream, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { extract } from '../pipeline/extract.js'
import { type CueModel, trainEpoch } from '../pipeline/learned/cue-model.js'
import { cueFeatures } from '../pipeline/learned/features.js'
import { tag } from '../pipeline/nlp.js'
import { clean } from '../pipeline/stages/02-clean.js'
import { segment } from '../pipeline/stages/03-segment.js'
import { insideQuote, isLexiconForm } from '../pipeline/stages/04-cues.js'

interface GoldDoc {
  id: string
  text: string
  date?: string
  quotes: Array<{ cue: { start: number; end: number } | null; cue_parts?: Array<{ start: number; end: number }> }>
}
interface Example {
  features: string[]
  label: boolean
  word: string
}

const { values } = parseArgs({
  options: {
    gold: { type: 'string' },
    out: { type: 'string', default: 'data/models/cue-weights.json' },
    folds: { type: 'string' },
    pred: { type: 'string' },
    threshold: { type: 'string', default: '0.45' },
    'min-count': { type: 'string', default: '3' },
    'min-rate': { type: 'string', default: '0' },
    epochs: { type: 'string', default: '8' },
  },
})
if (!values.gold) {
  console.error('usage: train-cues --gold GOLD.jsonl [--out FILE] [--folds K --pred PRED.jsonl]')
  process.exit(2)
}

async function readGold(path: string): Promise<GoldDoc[]> {
  const docs: GoldDoc[] = []
  for await (const line of createInterface({ input: createReadStream(path) })) if (line.trim()) docs.push(JSON.parse(line))
  return docs
}

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
function examplesOf(doc: GoldDoc): Example[] {
  const cues = doc.quotes.flatMap((q) => q.cue_parts ?? (q.cue ? [q.cue] : []))
  const d = segment(doc.text, doc.date ?? null, clean(doc.text))
  const out: Example[] = []
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

function train(examples: Example[][], minCount: number, epochs: number, threshold: number): CueModel {
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

const docs = await readGold(values.gold)
const examples = docs.map(examplesOf)
const minCount = Number(values['min-count'])
const minRate = Number(values['min-rate'])
const epochs = Number(values.epochs)
const threshold = Number(values.threshold)

if (values.folds) {
  const k = Number(values.folds)
  const lines: string[] = new Array(docs.length)
  for (let fold = 0; fold < k; fold++) {
    const model = train(
      examples.filter((_, i) => i % k !== fold),
      minCount,
      epochs,
      threshold,
    )
    docs.forEach((doc, i) => {
      if (i % k === fold)
        lines[i] = JSON.stringify({
          id: doc.id,
          statements: extract({ text: doc.text, published: doc.date ?? null }, { cueModel: model }).statements,
        })
    })
    console.error(`fold ${fold + 1}/${k}: ${model.candidates.length} candidate words`)
  }
  writeFileSync(values.pred ?? 'cv-pred.jsonl', `${lines.join('\n')}\n`)
} else {
  const model = train(examples, minCount, epochs, threshold)
  writeFileSync(values.out!, `${JSON.stringify(model)}\n`)
  console.error(`${model.candidates.length} candidate words, ${Object.keys(model.weights).length} weights → ${values.out}`)
}
