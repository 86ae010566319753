// One contract, two stores: every verb the web and the CLI use answers the same from the JSON store file and from
// PostgreSQL. Each case runs on both; without a PostgreSQL server its half is skipped and says so (CI has one).
import { readFile } from 'node:fs/promises'
import { expect } from 'chai'
import { InvalidInputError, NotFoundError, StoreError } from '../../src/errors.js'
import { extract } from '../../src/pipeline/extract.js'
import type { Extraction } from '../../src/pipeline/types.js'
import type { ClaimStore } from '../../src/store/open.js'
import type { ArticleInput } from '../../src/store/schema.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { BACKENDS, type Backend } from './backends.js'
import { extracted } from './temp-store.js'

const SAMPLE = new URL('../fixtures/nextshark-russia-china-aid.txt', import.meta.url)

/** Records compared whatever order the keys came back in; when each was added is the clock's, not the store's. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (key, v: unknown) => {
    if (key === 'addedAt' || key === 'at') return undefined
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v
  })

async function tablesOf(store: ClaimStore) {
  const [{ articles, speakers, statements, claims }, summaries, log] = await Promise.all([
    store.tables(),
    store.claims(),
    store.decisions(),
  ])
  return canonical({ articles, speakers, statements, claims, summaries, log })
}

for (const makeBackend of BACKENDS) {
  const backend: Backend = makeBackend()
  describe(`Store contract: ${backend.name}`, function () {
    this.timeout(60_000)
    let store: ClaimStore
    let c: string
    let p: string

    before(async function () {
      if (!(await backend.setUp())) {
        console.log(`      skipped: the ${backend.name} store contract needs PostgreSQL and no server answered (set PGHOST)`)
        this.skip()
      }
    })
    after(() => backend.tearDown())
    beforeEach(async () => {
      store = await backend.open()
      ;[{ articleId: c }, { articleId: p }] = await store.addArticles([
        { article: council, extraction: councilExtraction },
        { article: protest, extraction: protestExtraction },
      ])
    })

    const idsOf = async (claimId: string) => (await store.claim(claimId))!.entries.map((e) => e.statement.id)
    const claimOf = async (statement: string) => (await store.statement(statement))!.claim

    describe('filing', () => {
      it('files statements and claims under ids made from the article id, and gives the text back', async () => {
        expect(c).to.match(/^[0-9a-f]{12}$/)
        const mine = (await store.statements()).filter((s) => s.articleId === c)
        expect(mine.map((s) => s.id)).to.deep.equal([`${c}:s1`, `${c}:s2`, `${c}:s3`, `${c}:s4`])
        expect((await store.claim(`${c}:c1`))?.claim.text).to.equal('The Elm Street bridge is unsafe')
        expect(await store.article(c)).to.deep.include({ outlet: 'Riverside Courier', published: '2024-03-12', text: council.text })
      })

      it('adds nothing for the same text again, in another batch or twice in one', async () => {
        const before = await tablesOf(store)
        const again = await store.addArticles([
          { article: { ...council, title: 'Another headline' }, extraction: councilExtraction },
          { article: protest, extraction: protestExtraction },
        ])
        expect(again.map((r) => r.added)).to.deep.equal([false, false])
        expect(again[0]).to.deep.equal({ articleId: c, added: false, statements: 0, claims: 0 })
        expect(await tablesOf(store)).to.equal(before)
        const text = 'A third article. "It is one text," the mayor said.'
        const twice = await store.addArticles([
          { article: { text }, extraction: { statements: [], claims: [] } },
          { article: { text }, extraction: { statements: [], claims: [] } },
        ])
        expect(twice.map((r) => r.added)).to.deep.equal([true, false])
        expect(twice[1].articleId).to.equal(twice[0].articleId)
      })

      it('refuses an id that already names another text, and files nothing of that batch', async () => {
        const before = await tablesOf(store)
        const clash: ArticleInput = { id: c, text: 'Another text under a taken id.' }
        const fresh: ArticleInput = { text: 'A text that would have been new.' }
        const empty: Extraction = { statements: [], claims: [] }
        const error = await store
          .addArticles([
            { article: fresh, extraction: empty },
            { article: clash, extraction: empty },
          ])
          .then(
            () => null,
            (e: Error) => e,
          )
        expect(error).to.be.instanceOf(InvalidInputError)
        expect(error!.message).to.include(`article id "${c}" already names another text`)
        expect(await tablesOf(store)).to.equal(before)
      })

      it('files a later article under the stored speaker, with every way it was written', async () => {
        const ruiz = (await store.speakers()).filter((s) => s.name === 'Ana Ruiz')
        expect(ruiz).to.have.length(1)
        const quotes = await store.quotesBy(ruiz[0].id)
        expect(new Set(quotes.map((q) => q.article.id))).to.deep.equal(new Set([c, p]))
      })

      it('files the same claim from two outlets, and its denial from a third, under one claim', async () => {
        const herald =
          'The Harbor Authority secretly approved a $40 million dredging contract for Larkin Marine without a public vote, according to two council members.'
        const courier =
          'Two council members said the Harbor Authority approved the $40 million Larkin Marine dredging contract in secret, without a public vote.'
        const ledger =
          'Harbor Authority chair Rosa Diaz denied that the authority approved the $40 million Larkin Marine dredging contract without a public vote.'
        await store.addArticles([extracted(herald, '2024-05-01', 'Herald'), extracted(courier, '2024-05-02', 'Courier')])
        await store.addArticles([extracted(ledger, '2024-05-03', 'Ledger')])
        const [claim, ...others] = (await store.claims()).filter((s) => s.articleCount > 1)
        expect(others).to.deep.equal([])
        expect(claim.articleCount).to.equal(3)
        expect(claim.denied.map((v) => v.name)).to.deep.equal(['Rosa Diaz'])
        const joined = (await store.claim(claim.claim.id))!.entries.filter((e) => e.statement.link.how === 'across-articles')
        expect([...new Set(joined.map((e) => e.article.outlet))]).to.have.members(['Courier', 'Ledger'])
        const similar = await store.similarClaims(`${c}:c1`, 5, 0)
        expect(similar.map((s) => s.claim.claim.id)).not.to.include(`${c}:c1`)
      })

      it('moves its version with every write, and not with a read', async () => {
        const v = await store.version()
        await store.claims()
        expect(await store.version()).to.equal(v)
        await store.addArticles([{ article: { text: 'One more text.' }, extraction: { statements: [], claims: [] } }])
        expect(await store.version()).to.be.greaterThan(v)
      })

      it('files the sample article as the JSON store does', async () => {
        const text = await readFile(SAMPLE, 'utf8')
        const [result] = await store.addArticles([
          { article: { text, published: '2022-03-15' }, extraction: extract({ text, published: '2022-03-15' }) },
        ])
        expect(result).to.deep.include({ added: true })
        const ledger = (await store.claims()).find((s) => s.denied.some((v) => v.name === 'Zhao Lijian'))
        expect(ledger?.asserted.some((v) => v.type === 'anonymous')).to.equal(true)
      })
    })

    describe('reading', () => {
      it('answers an unknown id with nothing', async () => {
        expect(await store.article('nope')).to.equal(undefined)
        expect(await store.statement('nope:s1')).to.equal(undefined)
        expect(await store.claim('nope:c1')).to.equal(undefined)
        expect(await store.speaker('nobody')).to.equal(undefined)
        expect(await store.quotesBy('nobody')).to.deep.equal([])
      })

      it('lists claims with who asserted and who denied them', async () => {
        const bridge = (await store.claims()).find((s) => s.claim.id === `${c}:c1`)!
        expect(bridge.asserted.map((v) => v.name)).to.include('Ana Ruiz')
        expect(bridge.denied.map((v) => v.name)).to.include('Halden Works')
        expect(bridge.firstDate).to.equal('2024-03-11')
      })

      it("finds the claims most like one, with the model's probability", async () => {
        const similar = await store.similarClaims(`${c}:c2`, 5, 0)
        for (const { claim, confidence } of similar) {
          expect(claim.claim.id).not.to.equal(`${c}:c2`)
          expect(confidence).to.be.within(0, 1)
        }
      })

      it('is seen by a second opening of the same store, which may only read', async () => {
        const reader = await backend.reopen(store, { readOnly: true })
        expect(await tablesOf(reader)).to.equal(await tablesOf(store))
        const error = await reader.decide({ action: 'set-stance', statement: `${c}:s1`, stance: 'deny' }, 'Dana Fact').then(
          () => null,
          (e: Error) => e,
        )
        expect(error).to.be.instanceOf(StoreError)
        store = reader
      })
    })

    describe('decisions', () => {
      it('merges one claim into another: its statements move, its id answers with the merged claim', async () => {
        const into = await claimOf(`${c}:s1`)
        const from = await claimOf(`${c}:s2`)
        const before = [...(await idsOf(into)), ...(await idsOf(from))]
        const entry = await store.decide({ action: 'merge-claims', into, from }, 'Dana Fact')
        expect(await idsOf(into)).to.have.members(before)
        expect((await store.claim(from))!.claim.id).to.equal(into)
        expect((await store.claims()).map((s) => s.claim.id)).not.to.include(from)
        expect(entry).to.deep.include({ by: 'Dana Fact', action: 'merge-claims' })
        await store.decide({ action: 'unmerge-claims', claim: from, statements: [`${c}:s2`] }, 'Dana Fact')
        expect(await idsOf(from)).to.deep.equal([`${c}:s2`])
      })

      it('splits a statement into a claim of its own, and moves it back', async () => {
        const statement = `${c}:s3`
        const was = await claimOf(statement)
        const entry = await store.decide({ action: 'split-statement', statement }, 'Dana Fact')
        const own = await claimOf(statement)
        expect(own).not.to.equal(was)
        expect(await idsOf(own)).to.deep.equal([statement])
        expect(entry.detail).to.deep.include({ statement, fromClaim: was, newClaim: own })
        await store.decide({ action: 'move-statement', statement, claim: was }, 'Lee Desk')
        expect(await idsOf(was)).to.include(statement)
        expect((await store.claims()).map((s) => s.claim.id)).not.to.include(own)
      })

      it('corrects a stance, a kind and a speaker, keeping what they were in the log', async () => {
        const statement = `${c}:s2`
        await store.decide({ action: 'set-stance', statement, stance: 'deny' }, 'Dana Fact')
        await store.decide({ action: 'set-kind', statement, kind: 'mixed' }, 'Dana Fact')
        await store.decide({ action: 'set-speaker', statement, speaker: 'Omar Bell' }, 'Dana Fact')
        expect(await store.statement(statement)).to.deep.include({ stance: 'deny', kind: 'mixed', speakerId: 'omar-bell' })
        expect((await store.quotesBy('omar-bell')).map((e) => e.statement.id)).to.include(statement)
        const log = await store.decisions()
        expect(log.map((e) => e.action)).to.deep.equal(['set-stance', 'set-kind', 'set-speaker'])
        expect(log[0].detail).to.deep.include({ statement, stance: 'deny', was: 'assert' })
      })

      it('files under a new speaker a name the store does not know', async () => {
        const entry = await store.decide({ action: 'set-speaker', statement: `${c}:s1`, speaker: 'Lena Park', type: 'person' }, 'Dana Fact')
        expect(entry.detail.speakerId).to.equal('lena-park')
        expect((await store.speaker('lena-park'))!.name).to.equal('Lena Park')
      })

      it('merges two speakers and splits an alias off again', async () => {
        await store.decide({ action: 'merge-speakers', into: 'ana-ruiz', from: 'omar-bell' }, 'Dana Fact')
        expect((await store.speaker('omar-bell'))!.id).to.equal('ana-ruiz')
        expect((await store.quotesBy('ana-ruiz')).every((e) => e.statement.speakerId === 'ana-ruiz')).to.equal(true)
        expect((await store.speaker('ana-ruiz'))!.aliases).to.include('Omar Bell')
        const entry = await store.decide({ action: 'split-speaker', speaker: 'ana-ruiz', alias: 'Omar Bell' }, 'Dana Fact')
        const split = entry.detail.newSpeaker as string
        expect((await store.speaker(split))!.name).to.equal('Omar Bell')
        expect(await store.quotesBy(split)).to.have.length(1)
      })

      it('gives a claim a verdict with who and when, keeping the one it replaced', async () => {
        const claim = await claimOf(`${c}:s1`)
        await store.decide({ action: 'review-claim', claim, verdict: 'Mostly true', note: 'Inspection report agrees.' }, 'Dana Fact')
        const entry = await store.decide({ action: 'review-claim', claim, verdict: 'True', note: '' }, 'Lee Desk')
        expect((await store.claim(claim))!.claim.review).to.deep.include({ verdict: 'True', by: 'Lee Desk', at: entry.at })
        expect(entry.detail.was).to.deep.include({ verdict: 'Mostly true', by: 'Dana Fact' })
      })

      it("rejects a false extraction out of its claim and its speaker's quotes, for good", async () => {
        const statement = `${c}:s4`
        const claim = await claimOf(statement)
        const speaker = (await store.statement(statement))!.speakerId!
        await store.decide({ action: 'reject-statement', statement, reason: 'not an attribution' }, 'Dana Fact')
        expect((await store.statement(statement))!.rejected).to.deep.include({ by: 'Dana Fact', reason: 'not an attribution' })
        expect((await store.claim(claim))?.entries.map((e) => e.statement.id) ?? []).not.to.include(statement)
        expect((await store.quotesBy(speaker)).map((e) => e.statement.id)).not.to.include(statement)
        store = await backend.reopen(store)
        expect((await store.quotesBy(speaker)).map((e) => e.statement.id)).not.to.include(statement)
      })

      it('keeps decisions when the same articles are ingested again', async () => {
        const statement = `${c}:s3`
        await store.decide({ action: 'split-statement', statement }, 'Dana Fact')
        const own = await claimOf(statement)
        store = await backend.reopen(store)
        const again = await store.addArticles([
          { article: council, extraction: councilExtraction },
          { article: protest, extraction: protestExtraction },
        ])
        expect(again.map((r) => r.added)).to.deep.equal([false, false])
        expect(await claimOf(statement)).to.equal(own)
        expect(await store.decisions()).to.have.length(1)
      })

      it('refuses a decision about something not stored, or without a reviewer, and changes nothing', async () => {
        const before = await tablesOf(store)
        const refusals = [
          store.decide({ action: 'move-statement', statement: 'nope:s1', claim: `${c}:c1` }, 'Dana Fact'),
          store.decide({ action: 'merge-claims', into: `${c}:c1`, from: `${c}:c1` }, 'Dana Fact'),
          store.decide({ action: 'set-stance', statement: `${c}:s1`, stance: 'maybe' as never }, 'Dana Fact'),
          store.decide({ action: 'split-statement', statement: `${c}:s1` }, '  '),
        ]
        const errors = await Promise.all(
          refusals.map((r) =>
            r.then(
              () => null,
              (e: Error) => e,
            ),
          ),
        )
        expect(errors[0]).to.be.instanceOf(NotFoundError)
        for (const error of errors.slice(1)) expect(error).to.be.instanceOf(InvalidInputError)
        expect(await tablesOf(store)).to.equal(before)
      })
    })
  })
}

describe('Store contract: both stores agree', function () {
  this.timeout(120_000)
  const json = BACKENDS[0]()
  const pg = BACKENDS[1]()
  before(async function () {
    await json.setUp()
    if (!(await pg.setUp())) {
      console.log('      skipped: comparing the two stores needs PostgreSQL and no server answered (set PGHOST)')
      this.skip()
    }
  })
  after(async () => {
    await json.tearDown()
    await pg.tearDown()
  })

  it('files the same articles and applies the same decisions into the same records', async () => {
    const text = await readFile(SAMPLE, 'utf8')
    const batch = [
      { article: council, extraction: councilExtraction },
      { article: { text, published: '2022-03-15' }, extraction: extract({ text, published: '2022-03-15' }) },
      { article: protest, extraction: protestExtraction },
    ]
    const stores = [await json.open(), await pg.open()]
    for (const store of stores) {
      for (const one of batch) await store.addArticles([one])
      const [c] = await store.addArticles([batch[0]])
      const claim = (await store.statement(`${c.articleId}:s1`))!.claim
      await store.decide({ action: 'review-claim', claim, verdict: 'False', note: 'No inspection found it unsafe.' }, 'Dana Fact')
      await store.decide({ action: 'split-statement', statement: `${c.articleId}:s3` }, 'Dana Fact')
      await store.decide({ action: 'merge-speakers', into: 'ana-ruiz', from: 'omar-bell' }, 'Dana Fact')
    }
    const [a, b] = await Promise.all(stores.map(tablesOf))
    expect(b).to.equal(a)
  })
})
