// `npm run bench:store-write`: what a desk waits for after someone files an article. Serves a store of 100,000
// generated statements with the real `claimtrail serve`, then, a few times over, files one article through the
// API (POST /api/articles) and times the first request of each page after it, beside the same request asked
// again (nothing written between: the views are warm). Target: the first claims list and the first search after a
// write < 50 ms, the server < 300 MB. Each request carries a cookie, so the page cache never answers.
// --db PATH serves a copy of an existing generated store instead of building one (gen takes minutes).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { table } from './dev-articles.js'
import { SURNAMES } from './generate/cast.js'
import { Newsroom } from './generate/newsroom.js'
import { generateInChild, mb, serveStore, timedGet } from './served.js'

const { values } = parseArgs({
  options: { statements: { type: 'string', default: '100000' }, writes: { type: 'string', default: '5' }, db: { type: 'string' } },
})
const WRITES = Number(values.writes)
const RENDER = { cookie: 'bench=1' }

interface Filed {
  articles: Array<{ articleId: string; statements: Array<{ speakerId: string | null }>; claims: string[] }>
}

const folder = mkdtempSync(join(tmpdir(), 'claimtrail-bench-write-'))
try {
  const db = join(folder, 'claimtrail.json')
  if (values.db) {
    for (const entry of readdirSync(dirname(values.db))) {
      if (entry.startsWith(basename(values.db)) && !entry.endsWith('.lock') && !entry.endsWith('.backups'))
        copyFileSync(join(dirname(values.db), entry), join(folder, entry))
    }
    if (!existsSync(db)) throw new Error(`${values.db} holds no store`)
  } else {
    generateInChild(['--statements', values.statements!], db, folder)
  }

  const server = await serveStore(db)
  const busy = loadavg()[0]
  const newsroom = new Newsroom(77, 1_000)
  const file = async (): Promise<Filed['articles'][number]> => {
    const { text, title, outlet, published } = newsroom.next().article
    const article = { text, title, outlet, date: published }
    const res = await fetch(`${server.base}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles: [article] }),
    })
    if (res.status !== 201) throw new Error(`POST /api/articles answered ${res.status}: ${await res.text()}`)
    return ((await res.json()) as Filed).articles[0]
  }
  // The first article loads the extraction threads; the first pages build every view. Neither is measured.
  await file()
  const pages = (filed: Filed['articles'][number], i: number): Array<[string, string]> => [
    ['claims list /', '/'],
    ['claims list, page 3', `/claims?page=${3 + i}`],
    ['claims list, by statements', '/claims?sort=statements'],
    ['claims list, a speaker', `/claims?speaker=${SURNAMES[(i * 5) % SURNAMES.length]}`],
    ['search, a word', `/search?q=${['troops', 'payments', 'embargo', 'jobs', 'housing'][i % 5]}`],
    ['search, a speaker name', `/search?q=${SURNAMES[(i * 3 + 1) % SURNAMES.length]}`],
    ['the new claim', `/claims/${filed.claims[0]}`],
    ['its speaker', `/speakers/${filed.statements.find((s) => s.speakerId)?.speakerId}`],
  ]
  for (const [, path] of pages(await file(), 0)) await timedGet(server.base + path, RENDER)
  const opened = server.peakRss()

  const first = new Map<string, number[]>()
  const warm = new Map<string, number[]>()
  const note = (into: Map<string, number[]>, name: string, ms: number) => into.set(name, [...(into.get(name) ?? []), ms])
  for (let i = 0; i < WRITES; i++) {
    const filed = await file()
    for (const [name, path] of pages(filed, i)) {
      const after = await timedGet(server.base + path, RENDER)
      if (after.status !== 200) throw new Error(`${path} answered ${after.status}`)
      note(first, name, after.ms)
    }
    for (const [name, path] of pages(filed, i)) note(warm, name, (await timedGet(server.base + path, RENDER)).ms)
  }
  const peak = server.peakRss()
  await server.stop()

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const rows = [['after one article filed', 'first ms (median)', 'first ms (max)', 'warm ms (median)', 'first / warm', 'target']]
  for (const [name, times] of first) {
    const cold = median(times)
    const hot = median(warm.get(name)!)
    const target = name.startsWith('claims list /') || name === 'search, a word' ? '< 50 ms' : ''
    rows.push([name, cold.toFixed(1), Math.max(...times).toFixed(1), hot.toFixed(1), `${(cold / hot).toFixed(1)}×`, target])
  }
  console.log(
    `\n${WRITES} writes, each followed by the pages in this order, first after the write and then again; load average ${busy.toFixed(1)} on ${availableParallelism()} cores\n`,
  )
  console.log(table(rows))
  console.log(`\nserver peak RSS (target < 300 MB): ${mb(opened)} once every view was built, ${mb(peak)} after the writes`)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
