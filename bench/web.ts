// `npm run bench:web`: how fast the web pages answer over a store of 10,000 claims. The dev articles are
// extracted and filed into a real store (replayed as copies with their own text and ids when they run out)
// until it holds --claims claims; then the real server listens on loopback and each page type is requested
// --requests times, one request at a time, and p50/p95 are printed per page. Target: p95 under 100 ms.
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { articleFromLine } from '../src/ingest/article-line.js'
import { extract } from '../src/pipeline/extract.js'
import type { Extraction } from '../src/pipeline/types.js'
import type { ArticleInput } from '../src/store/schema.js'
import { Store } from '../src/store/store.js'
import { createApp } from '../src/web/app.js'
import { benchOptions, devLines, table } from './dev-articles.js'

const options = benchOptions({ claims: { type: 'string', default: '10000' }, requests: { type: 'string', default: '200' } })
const CLAIMS = Number(options.values.claims)
const REQUESTS = Number(options.values.requests)

const lines = devLines(options)
const folder = mkdtempSync(join(tmpdir(), 'claimtrail-bench-web-'))
try {
  const store = await Store.open(join(folder, 'claimtrail.json'))
  process.stderr.write(`filing dev articles until the store holds ${CLAIMS.toLocaleString('en-US')} claims…\n`)
  const extracted: Array<{ article: ArticleInput; extraction: Extraction }> = []
  let claimsAtPass = -1
  for (let n = 0; store.claims().length < CLAIMS; n++) {
    const copy = Math.floor(n / lines.length)
    // Filed without a write each, the articles count only once flushed: flush every 100, so the loop sees them.
    if (n > 0 && n % 100 === 0) await store.flush()
    // A copy's statements may join the claims of the article it copies (cross-article matching): when a whole pass
    // adds no claim, the dev set has given all it can, and the store is measured as it is.
    if (n > 0 && n % lines.length === 0) {
      await store.flush()
      if (store.claims().length === claimsAtPass) break
      claimsAtPass = store.claims().length
    }
    if (copy === 0) {
      const article = articleFromLine(lines[n], `dev:${n + 1}`)
      extracted.push({ article, extraction: extract(article) })
    }
    const { article, extraction } = extracted[n % lines.length]
    const input = copy === 0 ? article : { ...article, id: `${article.id ?? 'a'}-${copy}`, text: `${article.text}\n\n(copy ${copy})` }
    await store.addArticles([{ article: input, extraction }], { write: false })
  }
  await store.flush()

  const server = createServer(createApp({ store }))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  // A claim and an article from the middle of the store, with as many statements as most.
  const claim = store.claims()[Math.floor(store.claims().length / 2)].claim.id
  const article = store.articles()[Math.floor(store.articles().length / 2)].id
  const speaker = store.speakers().find((s) => s.type === 'person')
  const pages: Array<[string, string]> = [
    ['claims list /', '/'],
    ['a claim page', `/claims/${encodeURIComponent(claim)}`],
    ['articles list /articles', '/articles'],
    ['an article page', `/articles/${encodeURIComponent(article)}`],
    ['articles, last page', `/articles?page=${Math.ceil(store.articles().length / 50)}`],
    ['speakers /speakers', '/speakers'],
    ...(speaker ? [['a speaker page', `/speakers/${encodeURIComponent(speaker.id)}`] as [string, string]] : []),
    ['search /search?q=Trump', '/search?q=Trump'],
  ]
  const rows = [['page', 'status', 'KB', 'p50 ms', 'p95 ms', 'max ms']]
  for (const [name, path] of pages) {
    const first = await fetch(base + path)
    const body = await first.arrayBuffer()
    if (first.status === 404) {
      rows.push([name, '404', '-', '-', '-', 'not built on this branch'])
      continue
    }
    const times: number[] = []
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now()
      await (await fetch(base + path)).arrayBuffer()
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1)
    rows.push([name, String(first.status), (body.byteLength / 1024).toFixed(0), at(0.5), at(0.95), times.at(-1)!.toFixed(1)])
  }
  server.closeAllConnections()
  server.close()
  console.log(
    `store: ${store.articles().length.toLocaleString('en-US')} articles, ${store.statements().length.toLocaleString('en-US')} statements, ` +
      `${store.claims().length.toLocaleString('en-US')} claims, ${store.speakers().length.toLocaleString('en-US')} speakers; ${REQUESTS} requests per page, one at a time\n`,
  )
  console.log(table(rows))
} finally {
  rmSync(folder, { recursive: true, force: true })
}
