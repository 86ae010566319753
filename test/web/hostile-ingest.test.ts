// A hostile article filed through the real server (`claimtrail serve` on a real port, extraction in real
// worker threads): readers are answered meanwhile, and one past the time budget is refused with what to do,
// storing nothing. Before, the server extracted on its own thread: every reader waited out the article.

import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect } from 'chai'
import request from 'supertest'
import { hostileKind } from '../../bench/adversarial/articles.js'
import { createApp } from '../../src/web/app.js'
import { claimtrail, ensureBuilt, listening, SAMPLE, stop } from '../cli/run.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { storeWith } from './fixture.js'
import { jobPage } from './ingest-job.js'
import { poster } from './poster.js'

const HOSTILE = hostileKind('no-punctuation')!.article(1_000_000)
/** ~4 s of CPU to extract: well past the tests' budget of 1 s on any machine. */
const HEAVY = hostileKind('no-punctuation-cues')!.article(1_000_000)
/** Milliseconds to extract, even on a thread that has just loaded the pipeline. */
const SHORT = 'Ana Ruiz said the pier would be sold before the summer.'

const post = (url: string, body: unknown) =>
  fetch(new URL('api/articles', url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

/** How long a GET takes to be answered in full, in ms. */
async function timed(url: string): Promise<number> {
  const t0 = performance.now()
  const res = await fetch(url)
  await res.text()
  expect(res.status, url).to.equal(200)
  return performance.now() - t0
}

describe('a hostile article filed through the server', function () {
  this.timeout(180_000)
  let temp: TempFolder
  let child: ChildProcess | undefined
  before(ensureBuilt)
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(async () => {
    await stop(child)
    child = undefined
    await temp.remove()
  })

  it('leaves the home page and a claim page answered within 1 s while it is extracted', async () => {
    const served = await listening(['serve', '--port', '0', '--db', 'store.json'], temp.dir)
    child = served.child
    const sample = await post(served.url, { text: readFileSync(SAMPLE, 'utf8'), date: '2022-03-15' })
    expect(sample.status).to.equal(201)
    const claim = new URL(`claims/${encodeURIComponent(((await sample.json()) as { claims: string[] }).claims[0])}`, served.url).href

    let filed = false
    const filing = post(served.url, { text: HOSTILE }).finally(() => (filed = true))
    const waits: number[] = []
    while (!filed) {
      waits.push(await timed(served.url), await timed(claim))
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const res = await filing
    expect(res.status).to.equal(201)
    // The article took long enough to be read many times over meanwhile, and no read waited on it.
    expect(waits.length).to.be.at.least(6)
    expect(Math.max(...waits)).to.be.below(1000)
  })

  it('refuses an article of tens of thousands of statements with 413 in the extraction thread, readers answered meanwhile', async () => {
    const served = await listening(['serve', '--port', '0', '--db', 'store.json'], temp.dir)
    child = served.child
    let filed = false
    // 52,631 statements: filing them all held the server's thread for 26 s before they were bounded.
    const filing = post(served.url, { text: hostileKind('yes-smith-said')!.article(1_000_000) }).finally(() => (filed = true))
    const waits: number[] = []
    while (!filed) {
      waits.push(await timed(served.url))
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const res = await filing
    expect(res.status).to.equal(413)
    expect(((await res.json()) as { error: string }).error).to.match(
      /yields 52631 statements, more than claimtrail files from one article \(1000\), so nothing of it was stored: .* Split it/,
    )
    expect(Math.max(...waits)).to.be.below(1000)
    expect(await (await fetch(new URL('api/statements', served.url))).json())
      .to.have.property('items')
      .that.deep.equals([])
  })

  it('refuses an article past CLAIMTRAIL_EXTRACT_BUDGET with 413 and what to do, stores nothing, and goes on filing', async () => {
    const served = await listening(['serve', '--port', '0', '--db', 'store.json'], temp.dir, { CLAIMTRAIL_EXTRACT_BUDGET: '1s' })
    child = served.child
    const before = await (await fetch(new URL('api/statements', served.url))).json()
    const res = await post(served.url, { text: HEAVY })
    expect(res.status).to.equal(413)
    const { error } = (await res.json()) as { error: string }
    expect(error).to.match(/took longer than its 1 s budget, so it was stopped and nothing of it was stored/)
    expect(error).to.contain('Split the article into parts').and.to.contain('CLAIMTRAIL_EXTRACT_BUDGET=')
    expect(await (await fetch(new URL('api/statements', served.url))).json()).to.deep.equal(before)
    // The stopped thread was replaced: the next article is filed.
    expect((await post(served.url, { text: SHORT })).status).to.equal(201)
  })

  it('the CLI refuses it with exit code 2 and the same advice, and ingest stores nothing', async () => {
    const file = temp.path('hostile.txt')
    await import('node:fs/promises').then((fs) => fs.writeFile(file, HEAVY))
    const env = { CLAIMTRAIL_DB: 'store.json', CLAIMTRAIL_EXTRACT_BUDGET: '1s' }
    const ingest = await claimtrail(['ingest', file], { cwd: temp.dir, env })
    expect(ingest.code).to.equal(2)
    expect(ingest.stderr).to.match(/hostile\.txt: extracting the article took longer than its 1 s budget/)
    const listed = await claimtrail(['claims'], { cwd: temp.dir, env })
    expect(listed.stdout).to.match(/^The store holds no claims yet/)
    const extract = await claimtrail(['extract', file], { cwd: temp.dir, env })
    expect(extract.code).to.equal(2)
    expect(extract.stderr).to.contain('Split the article into parts')
  })
})

describe('a hostile article in an ingest form upload', function () {
  this.timeout(120_000)
  let fixture: Awaited<ReturnType<typeof storeWith>>
  beforeEach(async () => {
    fixture = await storeWith([])
    process.env.CLAIMTRAIL_EXTRACT_BUDGET = '1s'
  })
  afterEach(async () => {
    delete process.env.CLAIMTRAIL_EXTRACT_BUDGET
    await fixture.cleanup()
  })

  it('is listed as skipped, with the budget and what to do, and the other lines are filed', async () => {
    const app = createApp({ store: fixture.store })
    const post = await poster(app)
    const lines = [JSON.stringify({ text: SHORT }), JSON.stringify({ text: HEAVY })].join('\n')
    const res = await post('/articles').attach('file', Buffer.from(lines), 'batch.jsonl').expect(303)
    const summary = await jobPage(request(app), res.headers.location)
    expect(summary)
      .to.match(/<dt>Articles added<\/dt><dd>1<\/dd>/)
      .and.to.match(/<dt>Skipped<\/dt><dd>1<\/dd>/)
    expect(summary)
      .to.contain('line 2: extracting the article took longer than its 1 s budget')
      .and.to.contain('Split the article into parts')
    expect(await fixture.store.articles()).to.have.length(1)
  })
})
