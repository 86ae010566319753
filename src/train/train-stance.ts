// Trains the stance model on the stance gold set (data/eval/stance.jsonl) and writes its weights, or reports
// it under k-fold cross-validation by article.
//
//   npm run train:stance                       writes data/models/stance-weights.json, with its provenance
//   npm run train:stance -- --folds 5          each fold's model scores the articles it never saw, end to end:
//                                              the pipeline's statements, their stance, their claim links
// Deterministic: the same gold gives the same weights. The dev articles: --gold PATH (../shared/eval/dev.jsonl).
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { extract } from '../pipeline/extract.js'
import { stanceFeatures } from '../pipeline/learned/stance-features.js'
import { classify, type StanceExample, type StanceModel, trainStance } from '../pipeline/learned/stance-model.js'
import { decide, restance } from '../pipeline/stages/15-stance.js'
import { fileClaims } from '../pipeline/stages/17-claims.js'
import type { Statement } from '../pipeline/types.js'
import { type GoldArticle, match, type StanceGold, StanceScore } from './stance-score.js'

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: '../shared/eval/dev.jsonl' },
    set: { type: 'string', default: 'data/eval/stance.jsonl' },
    out: { type: 'string', default: 'data/models/stance-weights.json' },
    folds: { type: 'string' },
    epochs: { type: 'string', default: '30' },
    quick: { type: 'boolean' },
    'no-rules': { type: 'boolean' },
    // A deny below this probability falls to the next stance (the shipped model's threshold; see README "Stance").
    'deny-at': { type: 'string', default: '0.6' },
    'class-weight': { type: 'string', default: '1' },
    l2: { type: 'string', default: '0.01' },
    'unsure-weight': { type: 'string', default: '0.5' },
    spans: { type: 'string', default: 'gold' },
  },
})

let setText: string
let devText: string
try {
  setText = readFileSync(values.set!, 'utf8')
  devText = readFileSync(values.gold!, 'utf8')
} catch (e) {
  console.error(`train:stance: ${(e as Error).message}. Give the dev articles with --gold PATH and the stance set with --set PATH.`)
  process.exit(2)
}
const gold = setText
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as StanceGold)
const wanted = new Set(gold.map((g) => g.article))
const articles = new Map(
  devText
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldArticle)
    .filter((a) => wanted.has(a.id))
    .map((a) => [a.id, a]),
)
const options = { epochs: Number(values.epochs), l2: Number(values.l2) }
const unsureWeight = Number(values['unsure-weight'])
// Denials, confirmations and declines are the few: weighed up, the model trades some precision for recall.
const classWeight = Number(values['class-weight'])

const extracted = new Map<string, Statement[]>()
/** The pipeline's statements of a dev article, extracted once. */
function statementsOf(id: string): Statement[] {
  let found = extracted.get(id)
  if (!found) {
    const article = articles.get(id)!
    extracted.set(id, (found = extract({ text: article.text, published: article.date ?? null }).statements))
  }
  return found
}

/**
 * A gold attribution as a training example: its label and weight, and the features of the pipeline's statement
 * that matches it (what the model will meet in use), or of the gold spans where no statement does or when
 * `--spans gold`.
 */
function example(g: StanceGold): StanceExample {
  const text = articles.get(g.article)!.text
  const weight = (g.sure ? 1 : unsureWeight) * (g.stance === 'assert' ? 1 : classWeight)
  const found = values.spans === 'pipeline' ? match(statementsOf(g.article), g.content) : null
  if (found) return { features: stanceFeatures(text, found.cue, found.content), stance: g.stance, weight }
  const cue = g.cue ? { start: g.cue[0], end: g.cue[1] } : null
  const content = g.content.map(([start, end]) => ({ start, end }))
  return { features: stanceFeatures(text, cue, content), stance: g.stance, weight }
}

const denyAt = Number(values['deny-at'])
const train = (items: StanceGold[]): StanceModel => ({ ...trainStance(items.map(example), options), denyAt })

if (values.folds) {
  const k = Number(values.folds)
  // Folds by article, in the set's order: every attribution of an article is in one fold.
  const ids = [...wanted]
  const foldOf = new Map(ids.map((id, i) => [id, i % k]))
  const endToEnd = new StanceScore()
  const onSpans = new StanceScore()
  for (let fold = 0; fold < k; fold++) {
    const model = train(gold.filter((g) => foldOf.get(g.article) !== fold))
    const held = gold.filter((g) => foldOf.get(g.article) === fold)
    for (const g of held)
      onSpans.bump(g.stance, values['no-rules'] ? classify(model, example(g).features).stance : decide(model, example(g).features))
    onSpans.total += held.length
    if (values.quick) continue
    const byArticle = new Map<string, StanceGold[]>()
    for (const g of held) byArticle.set(g.article, [...(byArticle.get(g.article) ?? []), g])
    for (const [id, items] of byArticle) {
      const article = articles.get(id)!
      const statements = fileClaims(restance(article.text, statementsOf(id), model), article.text).statements
      for (const g of items) endToEnd.add(g, article, statements)
    }
    console.error(`fold ${fold + 1}/${k}: trained on ${gold.length - held.length}, scored ${held.length}`)
  }
  console.log(`${k}-fold cross-validation by article: ${gold.length} gold attributions in ${wanted.size} dev articles\n`)
  console.log(
    `each attribution, read by the model alone (the features of its matched statement, else of its gold spans; --spans ${values.spans}):`,
  )
  console.log(`${onSpans.report().split('\n').slice(0, -1).join('\n')}\n`)
  if (values.quick) process.exit(0)
  console.log("end to end (the pipeline's statements, each fold's model):")
  console.log(endToEnd.report())
} else {
  const model = train(gold)
  model.provenance = {
    trainedOn: `${values.set} (${gold.length} dev attributions of ${wanted.size} PolNeAR dev articles; sha256 ${createHash('sha256').update(setText).digest('hex').slice(0, 16)})`,
    command: 'npm run train:stance',
    epochs: options.epochs,
    l2: options.l2,
    unsureWeight,
    spans: values.spans,
    classWeight,
    denyAt,
  }
  writeFileSync(values.out!, `${JSON.stringify(model)}\n`)
  console.error(`${Object.keys(model.weights).length} weights → ${values.out}`)
}
