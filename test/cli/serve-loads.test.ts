// A server that only shows lists, searches and downloads never parses a word or a saved page, so it does not
// load what parses them: compromise (38 MB of a process) comes with the first article sent or the first claim
// page (its similar claims compare words by their dictionary forms), linkedom with Readability (16 MB) with the
// first saved page sent. Run in a process of its own on the built modules, as `claimtrail serve` runs.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, ROOT, SAMPLE } from './run.js'

// Opens the store, asks for every kind of page and the downloads, then says which libraries were loaded.
const PAGES = `
import { createRequire } from 'node:module'
const { openStore } = await import(process.argv[1] + 'dist/store/open.js')
const { createApp } = await import(process.argv[1] + 'dist/web/app.js')
const store = await openStore(process.argv[2])
const server = createApp({ store }).listen(0)
await new Promise((resolve) => server.once('listening', resolve))
const base = 'http://127.0.0.1:' + server.address().port
const pages = ['/', '/claims?speaker=Zhao&stance=deny', '/search?q=China', '/speakers', '/articles', '/articles/new',
  '/export/claims.csv', '/export/statements.csv']
const answered = []
for (const page of pages) answered.push((await fetch(base + page)).status)
const has = (name) => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/node_modules/' + name + '/'))
const before = { compromise: has('compromise'), linkedom: has('linkedom') }
const claim = (await store.claims())[0].claim.id
answered.push((await fetch(base + '/claims/' + encodeURIComponent(claim))).status)
console.log(JSON.stringify({ answered, before, afterClaimPage: { compromise: has('compromise'), linkedom: has('linkedom') } }))
server.close()
process.exit(0)
`

describe('claimtrail serve, showing pages only', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    expect((await claimtrail(['ingest', '--date', '2022-03-15', SAMPLE], { cwd: temp.dir })).code).to.equal(0)
  })
  afterEach(() => temp.remove())

  it('loads neither compromise nor the HTML reader until a claim page asks for similar claims', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', PAGES, ROOT, join(temp.dir, 'data/claimtrail.json')],
      { cwd: temp.dir },
    )
    const said = JSON.parse(stdout)
    expect(said.answered).to.deep.equal([200, 200, 200, 200, 200, 200, 200, 200, 200])
    expect(said.before).to.deep.equal({ compromise: false, linkedom: false })
    expect(said.afterClaimPage).to.deep.equal({ compromise: true, linkedom: false })
  })
})
