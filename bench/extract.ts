// `npm run bench:extract`: the pipeline against bare compromise parsing (`nlp(text)`) on the same dev articles
// in the same run. Each article is timed on both sides back to back, in alternating order, so a machine that
// gets busier half-way slows both alike; the headline is the ratio, not the times.

import { articleFromLine } from '../src/ingest/article-line.js'
import { compromise } from '../src/pipeline/compromise.js'
import { extract } from '../src/pipeline/extract.js'
import { confidenceModel, spanModel } from '../src/pipeline/learned/span-weights.js'
import type { Article } from '../src/pipeline/types.js'
import { benchOptions, devLines, table, words } from './dev-articles.js'

// The copy the pipeline itself parses with (its CommonJS build, loaded once): both sides time the same code.
const nlp = compromise()

const WARM_UP = 20

const options = benchOptions({ rounds: { type: 'string', default: '1' } })
const articles: Article[] = devLines(options).map((line, i) => articleFromLine(line, `dev:${i + 1}`))
const rounds = Number(options.values.rounds)

// The learned span and confidence models load at the first extraction: timed here, before the warm-up.
const loading = performance.now()
const weights = Object.keys(spanModel().weights).length + Object.keys(confidenceModel().weights).length
const loadMs = performance.now() - loading

for (const article of articles.slice(0, WARM_UP)) {
  extract(article)
  nlp(article.text)
}

const time = (run: () => void) => {
  const t0 = performance.now()
  run()
  return performance.now() - t0
}

let pipelineMs = 0
let bareMs = 0
let total = 0
for (let round = 0; round < rounds; round++) {
  articles.forEach((article, i) => {
    total += words(article.text)
    if ((i + round) % 2 === 0) {
      pipelineMs += time(() => extract(article))
      bareMs += time(() => nlp(article.text))
    } else {
      bareMs += time(() => nlp(article.text))
      pipelineMs += time(() => extract(article))
    }
  })
}

const row = (name: string, ms: number) => [
  name,
  String(total),
  (ms / 1000).toFixed(1),
  Math.round(total / (ms / 1000)).toLocaleString('en-US'),
]
console.log(`${articles.length} dev articles × ${rounds} round(s), ${options.gold}\n`)
console.log(table([['', 'words', 'seconds', 'words/s'], row('pipeline extract()', pipelineMs), row('bare nlp(text)', bareMs)]))
console.log(`\nspan and confidence models: ${weights.toLocaleString('en-US')} weights, loaded in ${loadMs.toFixed(0)} ms`)
console.log(`\npipeline ÷ bare: ${(bareMs / pipelineMs).toFixed(2)}×  (≥ 1.00: the pipeline parses only what needs parsing)`)
