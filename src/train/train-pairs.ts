// Trains the pair model (src/claims/pair-model.ts) on the hand-labelled pair sets and writes its weights with
// their provenance, or reports it under k-fold cross-validation by article.
//
//   npm run train:pairs                     writes data/models/pair-weights.json; the threshold is the lowest
//                                           whose cross-validated cross-article precision reaches 0.9
//   npm run train:pairs -- --folds 5        prints each set's precision and recall by threshold, every pair
//                                           scored by a model trained without its articles
// Deterministic: the same sets give the same weights. The dev articles: --gold PATH (../shared/eval/dev.jsonl).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type PairModel, sameProbability, trainPairModel } from '../claims/pair-model.js'
import { extractArticles, foldOf, PAIR_SETS, pairExamples, readPairSet, readPredictions, touchesFold, within } from './pair-data.js'

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: '../shared/eval/dev.jsonl' },
    out: { type: 'string', default: 'data/models/pair-weights.json' },
    folds: { type: 'string', default: '5' },
    pred: { type: 'string' },
    l2: { type: 'string', default: '0.001' },
    epochs: { type: 'string', default: '40' },
    report: { type: 'boolean' },
    precision: { type: 'string', default: '0.9' },
  },
})

let devText: string
try {
  devText = readFileSync(values.gold!, 'utf8')
} catch (e) {
  console.error(`train:pairs: ${(e as Error).message}. Give the dev articles with --gold PATH.`)
  process.exit(2)
}
const sets = PAIR_SETS.filter((p) => existsSync(p)).map(readPairSet)
const wanted = new Set(sets.flatMap((s) => s.pairs.flatMap((p) => [p.a.article, p.b.article])))
const articles = extractArticles(
  devText.split('\n').filter((l) => l.trim()),
  wanted,
  values.pred ? readPredictions(values.pred) : undefined,
)
const { examples, skipped } = pairExamples(sets, articles)
const options = { epochs: Number(values.epochs), l2: Number(values.l2) }
const k = Number(values.folds)

// Each pair is scored by the model of its first article's fold, trained on the pairs that touch no article of it.
const scored = examples.map(() => 0)
for (let fold = 0; fold < k; fold++) {
  const weights = trainPairModel(
    examples.filter((e) => !touchesFold(e.pair, fold, k)),
    options,
  )
  examples.forEach((e, i) => {
    if (foldOf(e.pair.a.article, k) === fold) scored[i] = sameProbability({ weights }, e.features)
  })
}

const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
function curve(picked: number[]): Array<{ t: number; p: number; r: number; n: number }> {
  return THRESHOLDS.map((t) => {
    let tp = 0,
      fp = 0,
      fn = 0
    for (const i of picked) {
      const said = scored[i] >= t
      if (said && examples[i].same) tp++
      else if (said) fp++
      else if (examples[i].same) fn++
    }
    return { t, p: tp + fp ? tp / (tp + fp) : 1, r: tp + fn ? tp / (tp + fn) : 0, n: tp + fp }
  })
}
const groups: Array<[string, number[]]> = []
for (const set of sets) {
  for (const kind of ['cross-article', 'same-article']) {
    const picked = examples.flatMap((e, i) => (e.set === set.name && (kind === 'same-article') === within(e.pair) ? [i] : []))
    if (picked.length) groups.push([`${set.name} ${kind}`, picked])
  }
}
const cross = examples.flatMap((e, i) => (within(e.pair) ? [] : [i]))
const wantedPrecision = Number(values.precision)
const threshold = curve(cross).find((c) => c.p >= wantedPrecision)?.t ?? 0.9
const inside = examples.flatMap((e, i) => (within(e.pair) ? [i] : []))
const withinThreshold = inside.length ? (curve(inside).find((c) => c.p >= wantedPrecision)?.t ?? 0.9) : threshold

console.log(
  `${examples.length} labelled pairs in ${sets.length} sets (${skipped} left out: a side not extracted, or both sides one statement); ${k}-fold cross-validation by article\n`,
)
for (const [name, picked] of groups) {
  const same = picked.filter((i) => examples[i].same).length
  console.log(`${name}: ${picked.length} pairs, ${same} same`)
  console.log('  threshold  predicted same  precision  recall')
  for (const c of curve(picked))
    console.log(
      `  ${c.t.toFixed(1).padStart(9)}  ${String(c.n).padStart(14)}  ${c.p.toFixed(3).padStart(9)}  ${c.r.toFixed(3).padStart(6)}`,
    )
}
console.log(
  `\nthreshold: ${threshold} across articles, ${withinThreshold} within one (the lowest whose precision under CV is ≥ ${wantedPrecision}, sets pooled)`,
)

if (!values.report) {
  const setText = sets.map((s) => readFileSync(PAIR_SETS.find((p) => p.endsWith(`${s.name}.jsonl`))!, 'utf8')).join('')
  const model: PairModel = {
    weights: trainPairModel(examples, options),
    threshold,
    withinThreshold,
    provenance: {
      trainedOn: `${sets.map((s) => `data/eval/${s.name}.jsonl`).join(' + ')} (${examples.length} labelled pairs of PolNeAR dev articles; sha256 ${createHash('sha256').update(setText).digest('hex').slice(0, 16)})`,
      command: 'npm run train:pairs',
      epochs: options.epochs,
      l2: options.l2,
      threshold: `lowest with precision ≥ ${wantedPrecision} under ${k}-fold CV by article, across articles and within one`,
    },
  }
  writeFileSync(values.out!, `${JSON.stringify(model, null, 1)}\n`)
  console.error(`${Object.keys(model.weights).length} weights → ${values.out}`)
}
