// `npm run bench:store`: the store at scale. Builds 100,000 statements with the generator (bench/generate/) in a
// temporary folder, serves them with the real `claimtrail serve` on loopback and measures what a desk feels:
// the claims list and search (p95, target < 50 ms) and a claim's page, the CSV downloads (time to last byte,
// target < 3 s) and the server's peak RSS (target < 300 MB), then `claimtrail export --format csv` in a child
// process, then what filing one more article costs in a small store and in this one. Requests run one at a time, each asks for
// another page, speaker or word, and each carries a cookie, so the rendered-page cache (src/web/page-cache.ts)
// never answers: every page is rendered. bench:load shows what the cache adds.
// With --db postgres://… (an empty database) the generated store is copied there and served from it; a database
// that already holds a store (`npm run gen -- --db postgres://… --statements 1000000`) is measured as it is, and
// the ingest-cost rows then file 21 more generated articles into it.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openStore } from '../src/store/open.js'
import { table } from './dev-articles.js'
import { generateStore } from './generate/build.js'
import { SURNAMES } from './generate/cast.js'
import { Newsroom } from './generate/newsroom.js'
import { generateInChild, mb, percentile, runCli, serveStore, timedGet } from './served.js'

const { values } = parseArgs({
  options: { statements: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' }, db: { type: 'string' } },
})
let STATEMENTS = Number(values.statements)
const REQUESTS = Number(values.requests)
const n = (x: number) => x.toLocaleString('en-US')

const WORDS = [
  'troops',
  'payments',
  'embargo',
  'brake defects',
  'fuel taxes',
  'journalists',
  'waste river',
  'emergency loans',
  'public funds',
  'jobs',
  'drug prices',
  'dam warnings',
  'Lisbon',
  'Nairobi contract',
  'Northfield',
  'Atlas Bank',
  'officials',
  'armoured vehicles',
  'losses investors',
  'housing',
]
const rotate = <T>(list: readonly T[], i: number) => list[i % list.length]
const RENDER = { cookie: 'bench=1' }
// The small store filing is compared with: issue 17 asks filing at 1M to stay within 1.5x of filing at 10,000.
const SMALL = 10_000

const folder = mkdtempSync(join(tmpdir(), 'claimtrail-bench-store-'))
try {
  const file = join(folder, 'claimtrail.json')
  const held = values.db ? await statementsIn(values.db) : 0
  if (held) {
    STATEMENTS = held
    console.log(`measuring the store already in the database: ${n(held)} statements`)
  } else generateInChild(['--statements', String(STATEMENTS)], file, folder)
  // --db postgres://…: the generated store is copied into that (empty) database and everything is measured there.
  const db = values.db ? (held ? values.db : await intoDatabase(file, values.db, folder)) : file

  const server = await serveStore(db)
  // Other work on the machine slows every figure; say how busy it was.
  const busy = loadavg()[0]
  const opened = server.peakRss()
  const rows = [['', 'requests', 'first ms', 'p50 ms', 'p95 ms', 'max ms', 'target']]
  const claimIds = await claimsAcross(server.base)
  const pages: Array<[string, (i: number) => string]> = [
    ['claims list /', () => '/'],
    ['claims list, pages 1-100', (i) => `/claims?page=${(i % 100) + 1}`],
    ['claims list, speaker + stance', (i) => `/claims?speaker=${rotate(SURNAMES, i)}&stance=${i % 2 ? 'deny' : 'assert'}`],
    ['claims list, denied, by size', (i) => `/claims?denied=1&sort=statements&page=${(i % 20) + 1}`],
    ['search, 20 words', (i) => `/search?q=${encodeURIComponent(rotate(WORDS, i))}`],
    ['search, speaker names', (i) => `/search?q=${rotate(SURNAMES, i + 7)}`],
    // A claim's page, with its similar claims: the first page that parses words (compromise is loaded for it).
    ['a claim, with similar claims', (i) => `/claims/${encodeURIComponent(rotate(claimIds, i))}`],
  ]
  for (const [name, path] of pages) {
    const first = await timedGet(server.base + path(0), RENDER)
    if (first.status !== 200) throw new Error(`${path(0)} answered ${first.status}`)
    const times: number[] = []
    for (let i = 1; i <= REQUESTS; i++) times.push((await timedGet(server.base + path(i), RENDER)).ms)
    rows.push([
      name,
      String(REQUESTS),
      first.ms.toFixed(0),
      percentile(times, 0.5).toFixed(1),
      percentile(times, 0.95).toFixed(1),
      Math.max(...times).toFixed(1),
      // Issue 17 asks the lists and search; a claim's page is shown beside them.
      name.startsWith('a claim') ? '' : '< 50 ms p95',
    ])
  }
  const browsed = server.peakRss()

  const downloads = [['download over HTTP', 'MB', 'to last byte', 'target']]
  for (const path of ['/export/claims.csv', '/export/statements.csv']) {
    const got = await timedGet(server.base + path)
    if (got.status !== 200) throw new Error(`${path} answered ${got.status}`)
    // At a million statements in a database the issue asks the statements CSV in < 30 s (at 100k: < 3 s).
    const target = values.db && path.endsWith('statements.csv') && STATEMENTS >= 1_000_000 ? '< 30 s' : '< 3 s'
    downloads.push([path, (got.bytes / 1024 / 1024).toFixed(1), `${(got.ms / 1000).toFixed(2)} s`, target])
  }
  const exported = server.peakRss()
  await server.stop()

  const cli = [['claimtrail export (child process)', 'wall time', 'peak RSS']]
  for (const what of ['statements', 'claims']) {
    const run = runCli(['export', '--format', 'csv', '--what', what, '--db', db, '--out', join(folder, `${what}.csv`)], join(folder, 'rss'))
    if (run.status !== 0) throw new Error(`claimtrail export --what ${what} exited ${run.status}`)
    cli.push([`--format csv --what ${what}`, `${run.seconds.toFixed(1)} s`, mb(run.peakRss)])
  }

  console.log(
    `\n${REQUESTS} requests per row, one at a time, each rendered (never from the page cache), over loopback to \`claimtrail serve\`; load average ${busy.toFixed(1)} on ${availableParallelism()} cores\n`,
  )
  console.log(table(rows))
  console.log()
  console.log(table(downloads))
  console.log(
    `\nserver peak RSS (target < ${values.db ? '200 MB, flat with store size' : '300 MB'}): ${mb(opened)} once the store is open, ${mb(browsed)} after the pages, ${mb(exported)} after the downloads`,
  )
  console.log()
  console.log(table(cli))

  // ── ingest cost ─────────────────────────────────────────────────────────────────────────────────────────
  // What one more article costs, ingested as `claimtrail ingest` does (one article, flushed to the disk before it
  // is acknowledged), in a small store and in this one: the median of 20, after a first article that builds the
  // claim index. Then what the store file's rewrite (compaction) costs, and its share per article.
  const smallFile = join(folder, 'small.json')
  await generateStore({ db: smallFile, statements: SMALL })
  const small = values.db ? await intoDatabase(smallFile, await siblingDatabase(values.db, 'small'), folder) : smallFile
  const costs = [['one more article, written', 'store statements', 'median ms', 'ratio']]
  let rewriteNote = ''
  let base = 0
  for (const [path, size] of [
    [small, SMALL],
    [db, STATEMENTS],
  ] as const) {
    const store = await openStore(path)
    // A store measured as it was found may hold the articles of an earlier run's seed: another seed each time.
    const newsroom = new Newsroom(held && path === db ? 1000 + (await statementsIn(db)) : 2, 1_000)
    await store.addArticles([newsroom.next()])
    const times: number[] = []
    let journalBytes = 0
    for (let i = 0; i < 20; i++) {
      const start = performance.now()
      await store.addArticles([newsroom.next()])
      times.push(performance.now() - start)
    }
    journalBytes = values.db ? 0 : statSync(`${path}.journal`).size / 21
    const median = percentile(times, 0.5)
    base ||= median
    costs.push([path === db ? 'this store' : 'a small store', n(size), median.toFixed(1), `${(median / base).toFixed(1)}×`])
    if (values.db) await store.close()
    else if (path === db) {
      const fileBytes = statSync(path).size
      const start = performance.now()
      await store.close()
      const rewrite = performance.now() - start
      // The journal is folded in once it is half the store file: that many articles share one rewrite.
      const perRewrite = fileBytes / 2 / journalBytes
      rewriteNote =
        `rewriting the ${mb(fileBytes)} store file (compaction): ${(rewrite / 1000).toFixed(1)} s, once every ~${n(Math.round(perRewrite))} ` +
        `articles of ${(journalBytes / 1024).toFixed(1)} kB journal each: ${(rewrite / perRewrite).toFixed(2)} ms an article`
    }
  }
  console.log()
  console.log(table(costs))
  console.log(rewriteNote)
} finally {
  rmSync(folder, { recursive: true, force: true })
}

/** Claim ids from ten pages of the API's list spread over the whole store, for the claim pages. */
async function claimsAcross(base: string): Promise<string[]> {
  const first = (await (await fetch(`${base}/api/claims`)).json()) as { total: number; per: number }
  const pages = Math.max(1, Math.ceil(first.total / first.per))
  const ids: string[] = []
  for (let k = 0; k < 10; k++) {
    const page = 1 + Math.floor((k * pages) / 10)
    const got = (await (await fetch(`${base}/api/claims?page=${page}`)).json()) as { items: Array<{ id: string }> }
    ids.push(...got.items.map((c) => c.id))
  }
  return ids
}

/** `claimtrail copy` of a generated store file into an empty database, checked; the database's URL. */
async function intoDatabase(file: string, url: string, folder: string): Promise<string> {
  const copied = runCli(['copy', '--from', file, '--to', url], join(folder, 'rss'))
  if (copied.status !== 0) throw new Error(`claimtrail copy into ${url} exited ${copied.status}: give an empty database`)
  console.log(`copied into the database in ${copied.seconds.toFixed(1)} s (peak RSS ${mb(copied.peakRss)})`)
  return url
}

/** How many statements a database's store holds; 0 when it has no store yet. */
async function statementsIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string | null }>(
      "SELECT CASE WHEN to_regclass('statements') IS NULL THEN 0 ELSE (SELECT count(*) FROM statements) END AS n",
    )
    return Number(rows[0].n ?? 0)
  } finally {
    await client.end()
  }
}

/** A new database beside the given one on the same server (dropped first if a run left it). */
async function siblingDatabase(url: string, suffix: string): Promise<string> {
  const sibling = new URL(url)
  const name = `${sibling.pathname.slice(1)}_${suffix}`
  sibling.pathname = `/${name}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  return sibling.toString()
}
