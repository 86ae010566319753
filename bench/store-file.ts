// `npm run bench:store-file -- --statements 100000,200000,400000`: where the store's JSON file stops scaling.
// For each size a generated store is built, then the built CLI, in a child process of its own, opens it: to read
// (`claimtrail claims`, which also builds every claim's summary), and to serve (`claimtrail serve`: how long
// before it listens, and its memory). Then one more article and the store file's rewrite (compaction), timed
// through the Store. The figures grow with the store; the README says where they stop being bearable.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Store } from '../src/store/store.js'
import { table } from './dev-articles.js'
import { generateStore } from './generate/build.js'
import { Newsroom } from './generate/newsroom.js'
import { mb, runCli, serveStore } from './served.js'

const { values } = parseArgs({ options: { statements: { type: 'string', default: '100000,200000,400000' } } })
const sizes = values.statements!.split(',').map(Number)
const n = (x: number) => x.toLocaleString('en-US')

const rows = [
  ['statements', 'store file', 'texts', 'claims (read) s', 'peak RSS', 'serve listens s', 'serve RSS', 'one article ms', 'rewrite s'],
]
const folder = mkdtempSync(join(tmpdir(), 'claimtrail-file-'))
try {
  for (const size of sizes) {
    const db = join(folder, `s${size}.json`)
    const built = await generateStore({ db, statements: size })
    process.stderr.write(`built ${n(built.statements)} statements in ${built.seconds.toFixed(0)} s\n`)
    const read = runCli(['claims', '--db', db], join(folder, 'rss'))
    const started = performance.now()
    const served = await serveStore(db)
    const listens = (performance.now() - started) / 1000
    const serveRss = served.peakRss()
    await served.stop()
    const store = await Store.open(db)
    const newsroom = new Newsroom(3, 100)
    await store.addArticles([newsroom.next()]) // builds the claim index
    const start = performance.now()
    await store.addArticles([newsroom.next()])
    const one = performance.now() - start
    const rewriteStart = performance.now()
    await store.close()
    const rewrite = (performance.now() - rewriteStart) / 1000
    rows.push([
      n(built.statements),
      mb(statSync(db).size),
      mb(statSync(`${db}.texts`).size),
      read.seconds.toFixed(1),
      mb(read.peakRss),
      listens.toFixed(1),
      mb(serveRss),
      one.toFixed(1),
      rewrite.toFixed(1),
    ])
    rmSync(db)
    rmSync(`${db}.texts`)
  }
  console.log(table(rows))
} finally {
  rmSync(folder, { recursive: true, force: true })
}
