// `npm run bench:claims`: what filing one more article costs as the store grows — its speakers found, its claims
// matched against every stored claim through the index and filed — with the dev articles replayed into a real
// store until it holds 10,000 (copies get their own text and ids, and dates a year apart per copy). Each article
// is extracted once, before timing: this measures claim linking and clustering, not the pipeline. The 100
// articles after each checkpoint are timed one by one, filed in memory and written at the end; what writing costs
// is bench:store's.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { articleFromLine } from '../src/ingest/article-line.js'
import { extract } from '../src/pipeline/extract.js'
import type { Extraction } from '../src/pipeline/types.js'
import type { ArticleInput } from '../src/store/schema.js'
import { Store } from '../src/store/store.js'
import { benchOptions, devLines, table } from './dev-articles.js'

const options = benchOptions({ size: { type: 'string', default: '10000' } })
const size = Number(options.values.size)
const CHECKPOINTS = [100, 1_000, 5_000, 9_900, 49_900].filter((c) => c < size)
const TIMED = 100

const lines = devLines(options)
process.stderr.write(`extracting ${lines.length} dev articles once…\n`)
const extracted: Array<{ article: ArticleInput; extraction: Extraction }> = lines.map((line, i) => {
  const article = articleFromLine(line, `dev:${i + 1}`)
  return { article, extraction: extract(article) }
})

const folder = mkdtempSync(join(tmpdir(), 'claimtrail-bench-'))
try {
  const store = await Store.open(join(folder, 'claimtrail.json'))
  const spent = new Map<number, number>()
  let stored = 0
  for (let copy = 0; stored < size; copy++) {
    for (const { article, extraction } of extracted) {
      if (stored >= size) break
      const year = (date: string) => `${Number(date.slice(0, 4)) + copy}${date.slice(4)}`
      const published = article.published ? year(article.published) : null
      const input = { ...article, id: `${article.id ?? 'a'}-${copy}`, text: `${article.text}\n\n(copy ${copy})`, published }
      const start = performance.now()
      await store.addArticles([{ article: input, extraction }], { write: false })
      const ms = performance.now() - start
      const checkpoint = CHECKPOINTS.find((c) => stored >= c && stored < c + TIMED)
      if (checkpoint !== undefined) spent.set(checkpoint, (spent.get(checkpoint) ?? 0) + ms)
      stored++
    }
  }
  await store.close()

  const base = spent.get(CHECKPOINTS[0])! / TIMED
  const rows = [['articles stored', 'ms per article (next 100)', 'ratio to the first']]
  for (const c of CHECKPOINTS) {
    const ms = spent.get(c)! / TIMED
    rows.push([c.toLocaleString('en-US'), ms.toFixed(2), `${(ms / base).toFixed(2)}×`])
  }
  console.log(table(rows))
  console.log(
    `\n${stored.toLocaleString('en-US')} articles, ${store.statements().length.toLocaleString('en-US')} statements, ${store.claims().length.toLocaleString('en-US')} claims; ` +
      `${store
        .claims()
        .filter((c) => c.articleCount > 1)
        .length.toLocaleString('en-US')} claims carried by more than one article.`,
  )
} finally {
  rmSync(folder, { recursive: true, force: true })
}
