// `npm run eval:stance`: the pipeline's stance and answered-claim links scored against data/eval/stance.jsonl, the
// hand-labelled stance of dev attributions (see data/eval/README.md). The shipped stance model was trained on
// this same set, so these figures are in-sample: the honest ones are `npm run train:stance -- --folds 5`.
// Precision is over the gold set's attributions (a deny predicted on a gold assert counts against it), not over
// every statement the pipeline made.
//   npx tsx bench/stance-eval.ts --gold ../shared/eval/dev.jsonl [--set data/eval/stance.jsonl]
import { readFileSync } from 'node:fs'
import { extract } from '../src/pipeline/extract.js'
import type { Statement } from '../src/pipeline/types.js'
import { type GoldArticle, type StanceGold, StanceScore } from '../src/train/stance-score.js'
import { benchOptions, devLines, ROOT } from './dev-articles.js'

const options = benchOptions({ set: { type: 'string' } })
const gold = readFileSync(options.values.set ?? `${ROOT}data/eval/stance.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as StanceGold)
const wanted = new Set(gold.map((g) => g.article))
const articles = new Map(
  devLines({ ...options, limit: Infinity })
    .map((l) => JSON.parse(l) as GoldArticle)
    .filter((a) => wanted.has(a.id))
    .map((a) => [a.id, a]),
)

const score = new StanceScore()
const extracted = new Map<string, Statement[]>()
for (const g of gold) {
  const article = articles.get(g.article)!
  if (!extracted.has(g.article)) extracted.set(g.article, extract({ text: article.text, published: article.date }).statements)
  score.add(g, article, extracted.get(g.article)!)
}
console.log(`stance gold set: ${gold.length} attributions in ${articles.size} dev articles\n`)
console.log(score.report())
