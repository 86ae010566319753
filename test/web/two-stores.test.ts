// What a PostgreSQL store answers a batch or a page at a time (the downloads, src/store/pg/statement-batches.ts; the
// articles pages, article-pages.ts) is what the JSON store makes from its tables in memory, byte for byte, for the
// same articles and the same decisions.
import { readFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { expect } from 'chai'
import request from 'supertest'
import { writeStatementBatchesCsv } from '../../src/export/csv.js'
import { extract } from '../../src/pipeline/extract.js'
import type { ClaimStore } from '../../src/store/open.js'
import type { PgStore } from '../../src/store/pg/pg-store.js'
import { statementBatches } from '../../src/store/pg/statement-batches.js'
import { createApp } from '../../src/web/app.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { BACKENDS } from '../store/backends.js'

const SAMPLE = new URL('../fixtures/nextshark-russia-china-aid.txt', import.meta.url)

// Read the body as bytes: a text decoder would drop the BOM. superagent hands its parser the raw response stream.
const bytes = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  stream.on('end', () => done(null, Buffer.concat(chunks)))
}

const SITE = 'https://desk.example'
describe('Downloads and articles pages: the PostgreSQL store pages what the JSON store reads whole', function () {
  this.timeout(120_000)
  const json = BACKENDS[0]()
  const pg = BACKENDS[1]()
  let stores: ClaimStore[] = []

  before(async function () {
    await json.setUp()
    if (!(await pg.setUp())) {
      console.log('      skipped: comparing the two stores needs PostgreSQL and no server answered (set PGHOST)')
      this.skip()
    }
    const text = await readFile(SAMPLE, 'utf8')
    const batch = [
      { article: council, extraction: councilExtraction },
      { article: { text, published: '2022-03-15' }, extraction: extract({ text, published: '2022-03-15' }) },
      { article: protest, extraction: protestExtraction },
    ]
    stores = [await json.open(), await pg.open()]
    for (const store of stores) {
      const [c] = await store.addArticles([batch[0]])
      for (const one of batch.slice(1)) await store.addArticles([one])
      // A verdict, a split, a merged speaker and a rejected statement: each changes what a row shows or holds.
      await store.decide({ action: 'review-claim', claim: `${c.articleId}:c1`, verdict: 'False', note: 'No inspection.' }, 'Dana Fact')
      await store.decide({ action: 'split-statement', statement: `${c.articleId}:s3` }, 'Dana Fact')
      await store.decide({ action: 'merge-speakers', into: 'ana-ruiz', from: 'omar-bell' }, 'Dana Fact')
      await store.decide({ action: 'reject-statement', statement: `${c.articleId}:s4`, reason: 'not an attribution' }, 'Dana Fact')
    }
  })
  after(async () => {
    await json.tearDown()
    await pg.tearDown()
  })

  const download = async (store: ClaimStore, path: string) =>
    // One public address for both, so that each row's link is the same on both sides.
    (
      await request(createApp({ store, publicUrl: SITE }))
        .get(path)
        .buffer(true)
        .parse(bytes)
        .expect(200)
    ).body as Buffer
  const both = async (path: string) => {
    const [fromFile, fromDatabase] = await Promise.all(stores.map((store) => download(store, path)))
    expect(fromDatabase.toString('utf8')).to.equal(fromFile.toString('utf8'))
    return fromFile.toString('utf8').split('\r\n').slice(1).filter(Boolean)
  }

  it('gives every statement, byte for byte', async () => {
    const rows = await both('/export/statements.csv')
    expect(rows.length).to.equal((await stores[0].statements()).length)
    expect(rows.length).to.be.greaterThan(10)
  })

  it("gives one claim's statements with ?claim=", async () => {
    // The claim the outlets share: statements of all three articles.
    const claim = (await stores[0].claims()).sort((a, b) => b.statementCount - a.statementCount)[0].claim.id
    const rows = await both(`/export/statements.csv?claim=${encodeURIComponent(claim)}`)
    expect(rows).to.have.length.greaterThan(1)
    for (const row of rows) expect(row).to.include(`,${claim},`)
  })

  it("gives the statements of a filtered claims view, and its claims, the view's way", async () => {
    const rows = await both('/export/statements.csv?denied=1')
    expect(rows.length).to.be.greaterThan(1)
    expect(rows.length).to.be.lessThan((await stores[0].statements()).length)
    expect((await both('/export/claims.csv?denied=1&sort=statements')).length).to.be.greaterThan(0)
    expect(await both('/export/claims.csv')).to.have.length((await stores[0].claims()).length)
  })

  it("gives a speaker's quotes, merged speaker's included, and with the page's filters", async () => {
    const rows = await both('/speakers/ana-ruiz/quotes.csv')
    expect(rows.length).to.be.greaterThan(1)
    expect(rows.every((row) => row.includes(',Ana Ruiz,'))).to.equal(true)
    const denials = await both('/speakers/ana-ruiz/quotes.csv?stance=deny')
    expect(denials.length).to.be.lessThan(rows.length)
  })

  it('lists the articles, and shows each with its statements marked, as the JSON store does', async () => {
    // Each page's form token is its own browser's: the rest must be the same.
    const page = async (store: ClaimStore, path: string) =>
      (await request(createApp({ store })).get(path).expect(200)).text.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"')
    const [fromFile, fromDatabase] = await Promise.all(stores.map((store) => page(store, '/articles')))
    expect(fromDatabase).to.equal(fromFile)
    const articles = await stores[0].articles()
    expect(articles).to.have.length(3)
    for (const { id } of articles) {
      const [one, other] = await Promise.all(stores.map((store) => page(store, `/articles/${id}`)))
      expect(other).to.equal(one)
      expect(one).to.include('<mark')
    }
  })

  it('gives the same bytes when the batches are smaller than a claim', async () => {
    const whole = await download(stores[0], '/export/statements.csv')
    const chunks: Buffer[] = []
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      },
    })
    await writeStatementBatchesCsv(statementBatches((stores[1] as PgStore).pool, {}, 2), out, { base: SITE })
    expect(Buffer.concat(chunks).toString('utf8')).to.equal(whole.toString('utf8'))
    // Chosen statements, given out of order and read two at a time, come in the store's order.
    const chosen = (await stores[0].statements()).filter((_, i) => i % 3 === 0).map((s) => s.id)
    const read: string[] = []
    for await (const batch of statementBatches((stores[1] as PgStore).pool, { ids: [...chosen].reverse() }, 2))
      read.push(...batch.statements.map((s) => s.id))
    expect(read).to.deep.equal(chosen)
  })
})
