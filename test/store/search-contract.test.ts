// Search, GET /api/statements, the speakers index and the name pickers answer alike from both stores: the JSON
// store through the web's word index and whole lists, PostgreSQL through its indexed queries (src/store/pg/
// statement-search.ts, speaker-list.ts). The same generated articles and the same decisions go into both, and a
// table of filters drawn from what was filed is asked of each: the same statements and speakers, in the same
// order, on the same pages, with the same totals. Then again after the rows' words are filled afresh (an older
// database migrated) and after a `claimtrail copy` of the JSON store.
import { expect } from 'chai'
import { Newsroom } from '../../bench/generate/newsroom.js'
import { copyStore } from '../../src/store/pg/copy.js'
import type { PgStore } from '../../src/store/pg/pg-store.js'
import { fillWords, nameWords, statementWords } from '../../src/store/pg/search-words.js'
import { findStatements, type SearchLimits } from '../../src/store/pg/statement-search.js'
import type { StatementRecord } from '../../src/store/schema.js'
import type { Store } from '../../src/store/store.js'
import { wordIndexOf } from '../../src/web/search-index.js'
import { speakersCalled } from '../../src/web/speaker-review.js'
import { pageLinks, speakerPage } from '../../src/web/speakers.js'
import { type StatementFilter, statementPage } from '../../src/web/statement-query.js'
import { MINISTRY_ARTICLE, ministryExtraction } from '../web/speakers-fixture.js'
import { jsonBackend, postgresBackend } from './backends.js'

const PAGES = [
  { page: 1, per: 5 },
  { page: 3, per: 7 },
  { page: 1, per: 100 },
]

describe('Search and speaker lists: the JSON store and PostgreSQL answer alike', function () {
  this.timeout(180_000)
  const json = jsonBackend()
  const postgres = postgresBackend()
  let file: Store
  let db: PgStore

  before(async function () {
    if (!(await postgres.setUp())) {
      console.log('      skipped: comparing search on both stores needs PostgreSQL and no server answered (set PGHOST)')
      this.skip()
    }
    await json.setUp()
    file = (await json.open()) as Store
    db = (await postgres.open()) as PgStore
    const newsroom = new Newsroom(7, 150)
    const batch = [...Array.from({ length: 150 }, () => newsroom.next()), { article: MINISTRY_ARTICLE, extraction: ministryExtraction() }]
    await file.addArticles(batch)
    await db.addArticles(batch)
  })
  after(async () => {
    await json.tearDown()
    await postgres.tearDown()
  })

  /** Filters drawn from the filed statements: their words, their speakers' names, outlets, days, claims. */
  function filters(statements: StatementRecord[]): StatementFilter[] {
    const said = statements.filter((s) => !s.rejected)
    const pick = (i: number) => said[(i * 7919) % said.length]
    const words = (s: StatementRecord) => s.content[0].text.split(/\s+/)
    const asked: StatementFilter[] = [
      {},
      { q: 'Zhao' },
      { q: 'lijian fabrication' },
      { q: 'zhao', type: 'person', stance: 'deny' },
      { q: '!!!' },
      { q: 'nosuchwordanywhere' },
      { speaker: 'Zhao' },
      { speaker: 'zhao lijian', from: '2024-06-02' },
      { speaker: '...' },
      { type: 'anonymous' },
      { type: 'organization', stance: 'assert' },
      { stance: 'confirm' },
      { outlet: 'THE HARBOUR HERALD' },
      { outlet: 'daily meridian', stance: 'deny' },
      { from: '2019-02-01', to: '2019-02-20' },
      { to: '2019-01-10' },
    ]
    for (let i = 0; i < 12; i++) {
      const s = pick(i)
      const w = words(s)
      asked.push({ q: w[w.length - 1] }, { q: `${w[0]} ${w[w.length - 1]}` })
      if (s.speaker) asked.push({ q: s.speaker.name.split(' ').at(-1) }, { speaker: s.speaker.name.split(' ').at(-1) })
      if (s.speakerId) asked.push({ speaker: s.speakerId })
    }
    const s = pick(99)
    asked.push({ claim: s.claim }, { article: s.articleId }, { article: s.articleId, stance: s.stance }, { claim: 'no-such-claim' })
    return asked
  }

  async function compareAll(): Promise<void> {
    const asked = filters(await file.statements())
    const [fileIndex, dbIndex] = [wordIndexOf(file), wordIndexOf(db)]
    let found = 0
    for (const filter of asked) {
      for (const paging of PAGES) {
        const [mine, theirs] = await Promise.all([
          statementPage(file, fileIndex, filter, paging),
          statementPage(db, dbIndex, filter, paging),
        ])
        const shown = (page: typeof mine) => ({
          total: page.total,
          items: page.items.map((f) => [f.statement.id, f.speaker?.id ?? null, f.article?.id ?? null]),
        })
        expect(shown(theirs), JSON.stringify({ filter, paging })).to.deep.equal(shown(mine))
        if (paging.page === 1 && mine.total > 0) found++
      }
    }
    // Most of the table must find something, or the comparison says little.
    expect(found).to.be.greaterThan((asked.length * 2) / 3)

    const names = [undefined, 'zhao', 'Lijian', 'mayor', '', '--', ...(await file.speakers()).slice(0, 40).map((s) => s.name.split(' ')[0])]
    for (const q of names) {
      for (const paging of PAGES) {
        const [mine, theirs] = await Promise.all([speakerPage(file, q, paging), speakerPage(db, q, paging)])
        expect(
          { total: theirs.total, items: theirs.items.map((r) => [r.speaker.id, r.counts]) },
          JSON.stringify({ q, paging }),
        ).to.deep.equal({
          total: mine.total,
          items: mine.items.map((r) => [r.speaker.id, r.counts]),
        })
      }
      for (const whole of [true, false]) {
        const options = { whole, limit: 3, except: (await file.speakers())[0].id }
        const [mine, theirs] = await Promise.all([speakersCalled(file, q ?? 'x', options), speakersCalled(db, q ?? 'x', options)])
        expect({ total: theirs.total, ids: theirs.items.map((s) => s.id) }, JSON.stringify({ q, whole })).to.deep.equal({
          total: mine.total,
          ids: mine.items.map((s) => s.id),
        })
      }
    }
  }

  it('finds the same statements and speakers, paged alike, for every filter', async () => {
    expect((await db.statements()).length)
      .to.equal((await file.statements()).length)
      .and.to.be.greaterThan(500)
    await compareAll()
  })

  it('still does after a rejection, a stance corrected, a statement given another speaker and claim, a merge', async () => {
    const statements = (await file.statements()).filter((s) => !s.rejected && s.speakerId)
    const speakers = (await file.speakers()).filter((s) => !s.mergedInto)
    const [zhao] = speakers.filter((s) => s.name === 'Zhao Lijian')
    const decisions = [
      { action: 'reject-statement', statement: statements[3].id, reason: 'not a statement' },
      { action: 'set-stance', statement: statements[10].id, stance: 'deny' },
      { action: 'set-speaker', statement: statements[20].id, speaker: zhao.id },
      { action: 'merge-speakers', into: speakers[5].id, from: speakers[6].id },
      { action: 'move-statement', statement: statements[30].id, claim: statements[31].claim },
    ] as const
    for (const decision of decisions) {
      await file.decide(decision, 'tester')
      await db.decide(decision, 'tester')
    }
    expect((await db.statement(statements[3].id))?.rejected).to.not.equal(undefined)
    await compareAll()
  })

  it('counts a long list only up to its limit, says there are more, and pages on past it', async () => {
    const everything = await statementPage(file, wordIndexOf(file), {}, { page: 1, per: 100 })
    const all = everything.total
    const page3 = { offset: 14, limit: 7 }
    const short = await findStatements(db.pool, {}, page3, undefined, { countLimit: all - 1 })
    expect({ total: short.total, more: short.more }).to.deep.equal({ total: all - 1, more: true })
    const whole = await findStatements(db.pool, {}, page3, undefined, { countLimit: all })
    expect({ total: whole.total, more: whole.more }).to.deep.equal({ total: all, more: undefined })
    // The page itself is not cut short: the last statement is on the last page, past the limit.
    const last = await findStatements(db.pool, {}, { offset: all - 1, limit: 7 }, undefined, { countLimit: 10 })
    expect(last.items.map((f) => f.statement.id)).to.deep.equal([(await file.statements()).filter((s) => !s.rejected).at(-1)!.id])
    expect(short.items.map((f) => f.statement.id)).to.deep.equal(
      (await statementPage(file, wordIndexOf(file), {}, { page: 3, per: 7 })).items.map((f) => f.statement.id),
    )
    const links = pageLinks({}, { page: 3, per: 7, total: short.total, more: short.more, items: short.items })
    expect(links.last).to.equal(`${Math.ceil((all - 1) / 7)}+`)
    expect(links.next).to.equal('?page=4')
    const atEnd = pageLinks({}, { page: 9, per: 7, total: 50, more: true, items: [1, 2] })
    expect(atEnd.next).to.equal(null)
  })

  // A count limit of 3 makes nearly every search with words "more" than counted, and its pages walked: through the
  // whole store; through a stretch of 20 statements, their speakers looked up one by one; or of 60, where a first
  // page missing from the first 12 is looked for in all 60 or read through the index.
  for (const limits of [{}, { walkRows: 20, fewSpeakers: 0 }, { walkRows: 60 }]) {
    it(`gives the same pages when a count past its limit has the first pages walked in store order ${JSON.stringify(limits)}`, async () => {
      await walkedAlike(limits)
    })
  }

  async function walkedAlike(limits: Partial<SearchLimits>): Promise<void> {
    const asked = filters(await file.statements())
    const index = wordIndexOf(file)
    let walked = 0
    for (const filter of asked) {
      for (const { page, per } of PAGES) {
        const mine = await statementPage(file, index, filter, { page, per })
        const theirs = await findStatements(db.pool, filter, { offset: (page - 1) * per, limit: per }, undefined, {
          ...limits,
          countLimit: 3,
        })
        expect(
          theirs.items.map((f) => [f.statement.id, f.speaker?.id ?? null, f.article?.id ?? null]),
          JSON.stringify({ filter, page, per }),
        ).to.deep.equal(mine.items.map((f) => [f.statement.id, f.speaker?.id ?? null, f.article?.id ?? null]))
        expect(theirs.total).to.equal(Math.min(mine.total, 3))
        if (filter.q && mine.total > 3) walked++
      }
    }
    expect(walked).to.be.greaterThan(20)
  }

  it("walks to a speaker's statements by the speaker's name, in a list or looked up, and reads no more", async () => {
    // A word of a speaker's names whose first page holds a statement written with another of their names ("Ada"
    // for the statements that say "Okafor said"): found by the speaker's names only.
    const index = wordIndexOf(file)
    let q = ''
    let mine: Awaited<ReturnType<typeof statementPage>> | undefined
    for (const word of new Set((await file.speakers()).flatMap(nameWords))) {
      const page = await statementPage(file, index, { q: word }, { page: 1, per: 5 })
      if (page.items.length === 5 && page.items.some((f) => !statementWords(f.statement).includes(word))) {
        q = word
        mine = page
        break
      }
    }
    expect(q).not.to.equal('')
    for (const fewSpeakers of [0, 1000]) {
      const asked: string[] = []
      const counted = {
        query: (text: string, values: unknown[]) => (asked.push(text), db.pool.query(text, values)),
      } as unknown as typeof db.pool
      const theirs = await findStatements(counted, { q }, { offset: 0, limit: 5 }, undefined, { countLimit: 1, fewSpeakers })
      expect(theirs.items.map((f) => f.statement.id)).to.deep.equal(mine!.items.map((f) => f.statement.id))
      // The count, the speakers named for the word, and the walk of the first stretch, which holds the page.
      expect(asked.length, `fewSpeakers ${fewSpeakers}`).to.equal(3)
    }
  })

  it('still does once the words of rows from before 0003_search are filled in', async () => {
    await db.pool.query(
      'UPDATE statements SET words = NULL; UPDATE speakers SET name_words = NULL, names = NULL; UPDATE store_state SET words_filled = false',
    )
    expect(await fillWords(db.pool)).to.equal(true)
    expect(await fillWords(db.pool)).to.equal(false)
    await compareAll()
  })

  it('still does in a database the JSON store was copied into', async () => {
    db = (await postgres.open()) as PgStore
    await copyStore(file, db)
    await compareAll()
  })
})
