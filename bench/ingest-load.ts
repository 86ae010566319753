// `npm run bench:ingest-load`: does the claims list stay quick while the server files a 100-article POST? The dev
// articles are extracted and filed into a real store until it holds --claims claims; the real server listens on
// loopback, and GET /claims is timed one request at a time, --requests times at rest, then back to back for as
// long as a .jsonl of --articles further dev articles (copies with their own text and ids, so none is already
// stored) posted to the ingest form is being extracted and filed. Prints p50/p95 of both and their ratio; the
// target is a p95 during the POST within 2x of the p95 at rest.
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

const options = benchOptions({
  claims: { type: 'string', default: '3000' },
  requests: { type: 'string', default: '200' },
  articles: { type: 'string', default: '100' },
})
const CLAIMS = Number(options.values.claims)
const REQUESTS = Number(options.values.requests)
const ARTICLES = Number(options.values.articles)

const lines = devLines(options)
const folder = mkdtempSync(join(tmpdir(), 'claimtrail-bench-ingest-load-'))
try {
  const store = await Store.open(join(folder, 'claimtrail.json'))
  process.stderr.write(`filing dev articles until the store holds ${CLAIMS.toLocaleString('en-US')} claims…\n`)
  const extracted: Array<{ article: ArticleInput; extraction: Extraction }> = []
  let n = 0
  // Written every 20: a claim is listed only once its statements' write is acknowledged.
  while (store.claims().length < CLAIMS) {
    for (const end = n + 20; n < end; n++) {
      const copy = Math.floor(n / lines.length)
      if (copy === 0) {
        const article = articleFromLine(lines[n], `dev:${n + 1}`)
        extracted.push({ article, extraction: extract(article) })
      }
      const { article, extraction } = extracted[n % lines.length]
      await store.addArticles([{ article: copied(article, copy), extraction }], { write: false })
    }
    await store.flush()
  }

  // The articles to post: the dev articles after the last one filed, as the next copy when the set runs out.
  const posted = Array.from({ length: ARTICLES }, (_, i) => {
    const at = n + i
    const article = articleFromLine(lines[at % lines.length], `dev:${(at % lines.length) + 1}`)
    const { text, title, outlet, published, url, id } = copied(article, Math.floor(at / lines.length))
    return JSON.stringify({ id, text, title, outlet, date: published, url })
  }).join('\n')

  const server = createServer(createApp({ store }))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const timed = async (): Promise<number> => {
    const start = performance.now()
    const res = await fetch(`${base}/claims`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`GET /claims answered ${res.status}`)
    return performance.now() - start
  }
  await timed()
  const rest: number[] = []
  for (let i = 0; i < REQUESTS; i++) rest.push(await timed())

  // Posted as a browser does: the form's page first, for its cookie and form token.
  const form = await fetch(`${base}/articles/new`)
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0])
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!token) throw new Error('the ingest form has no form token')
  const body = new FormData()
  body.append('_csrf', token)
  body.append('file', new Blob([posted], { type: 'application/x-ndjson' }), 'posted.jsonl')
  const before = store.articles().length
  const claims = store.claims().length
  const postedAt = performance.now()
  const answer = await fetch(`${base}/articles`, { method: 'POST', body, headers: { cookie: cookie.join('; ') }, redirect: 'manual' })
  const job = answer.headers.get('location')
  if (answer.status !== 303 || !job) throw new Error(`the POST answered ${answer.status}: ${await answer.text()}`)

  const during: number[] = []
  for (let running = true; running; ) {
    for (let i = 0; i < 10; i++) during.push(await timed())
    running = (await (await fetch(base + job)).text()).includes('http-equiv="refresh"')
  }
  const seconds = (performance.now() - postedAt) / 1000
  const filed = store.articles().length - before
  server.closeAllConnections()
  server.close()
  await store.close()

  const at = (times: number[], q: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))]
  const row = (name: string, times: number[]) => [
    name,
    String(times.length),
    at(times, 0.5).toFixed(1),
    at(times, 0.95).toFixed(1),
    Math.max(...times).toFixed(1),
  ]
  console.log(
    `store: ${before.toLocaleString('en-US')} articles, ${claims.toLocaleString('en-US')} claims; POST of ${ARTICLES} articles: ` +
      `${filed} filed in ${seconds.toFixed(1)} s; GET /claims one request at a time\n`,
  )
  console.log(table([['GET /claims', 'requests', 'p50 ms', 'p95 ms', 'max ms'], row('at rest', rest), row('during the POST', during)]))
  const ratio = at(during, 0.95) / at(rest, 0.95)
  console.log(`\np95 during / at rest: ${ratio.toFixed(2)}x (target: within 2x)`)
} finally {
  rmSync(folder, { recursive: true, force: true })
}

/** The article itself for copy 0, else a copy with its own text and id, so the store files it anew. */
function copied(article: ArticleInput, copy: number): ArticleInput {
  if (copy === 0) return article
  return { ...article, id: `${article.id ?? 'a'}-${copy}`, text: `${article.text}\n\n(copy ${copy})` }
}
