// The store's verbs on a real file: adding articles, who spoke, what a claim's ledger shows.

import { readFile } from 'node:fs/promises'
import { expect } from 'chai'
import { InvalidInputError } from '../../src/errors.js'
import { exportData } from '../../src/export/json.js'
import type { Store } from '../../src/store/store.js'
import { council, councilExtraction, councilText, protest, protestExtraction, span } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from './temp-store.js'

describe('Store', () => {
  let temp: TempFolder
  let store: Store
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open(temp.path('claimtrail.json'))
  })
  afterEach(() => temp.remove())

  describe('addArticle', () => {
    it('files statements and claims under ids made from the article id', async () => {
      const result = await store.addArticle(council, councilExtraction)
      expect(result).to.deep.include({ added: true, statements: 4, claims: 3 })
      expect(result.articleId).to.match(/^[0-9a-f]{12}$/)
      const id = result.articleId
      expect(store.statements().map((s) => s.id)).to.deep.equal([`${id}:s1`, `${id}:s2`, `${id}:s3`, `${id}:s4`])
      expect(store.statements().map((s) => s.claim)).to.deep.equal([`${id}:c1`, `${id}:c2`, `${id}:c1`, `${id}:c3`])
      expect(store.claim(`${id}:c1`)?.claim).to.deep.include({
        text: 'The Elm Street bridge is unsafe',
        statementIds: [`${id}:s1`, `${id}:s3`],
        review: null,
      })
      expect(store.article(id)).to.deep.include({
        title: council.title,
        outlet: 'Riverside Courier',
        published: '2024-03-12',
        text: councilText,
      })
    })

    it('keeps every span a slice of the stored text', async () => {
      const { articleId } = await store.addArticle(council, councilExtraction)
      const text = store.article(articleId)!.text
      for (const statement of store.statements()) {
        for (const part of [...statement.content, statement.cue!, statement.speaker!.mention!]) {
          expect(text.slice(part.start, part.end)).to.equal(part.text)
        }
      }
    })

    it('keeps a caller-given id as the article id', async () => {
      const result = await store.addArticle({ ...council, id: 'courier-0312' }, councilExtraction)
      expect(result.articleId).to.equal('courier-0312')
      expect(store.statement('courier-0312:s1')?.articleId).to.equal('courier-0312')
    })

    it('adds nothing for the same text again, under whatever title', async () => {
      const first = await store.addArticle(council, councilExtraction)
      const again = await store.addArticle({ ...council, title: 'Another headline' }, councilExtraction)
      expect(again).to.deep.equal({ articleId: first.articleId, added: false, statements: 0, claims: 0 })
      expect(store.articles()).to.have.length(1)
      expect(store.statements()).to.have.length(4)
      expect(store.hasArticle(councilText)).to.equal(true)
      expect(store.hasArticle(`${councilText} `)).to.equal(false)
    })

    it('refuses an id that already names another text, writing nothing of the batch', async () => {
      await store.addArticle({ ...council, id: 'elm' }, councilExtraction)
      const before = await readFile(store.path, 'utf8')
      let refused: unknown
      await store
        .addArticles([
          { article: { ...protest, id: 'herald' }, extraction: protestExtraction },
          { article: { ...protest, text: `${protest.text}\nUpdated.`, id: 'elm' }, extraction: protestExtraction },
        ])
        .catch((error) => (refused = error))
      expect(refused).to.be.instanceOf(InvalidInputError)
      expect((refused as Error).message).to.contain('"elm" already names another text')
      expect(store.articles()).to.have.length(1)
      expect(await readFile(store.path, 'utf8')).to.equal(before)
    })

    it('files a statement whose claim the extraction did not list under a claim of its own words', async () => {
      const orphan = { ...councilExtraction.statements[1], claim: 'c9' }
      const { articleId } = await store.addArticle(council, { claims: [], statements: [orphan] })
      expect(store.claim(`${articleId}:c1`)?.claim.text).to.equal('the closure could last two years')
      expect(store.statements()[0].claim).to.equal(`${articleId}:c1`)
    })

    it('keeps every article when many are added at once', async () => {
      const texts = Array.from({ length: 8 }, (_, i) => `${councilText}\nUpdate ${i}: the council meets again.`)
      const extraction = { claims: councilExtraction.claims.slice(0, 1), statements: councilExtraction.statements.slice(0, 1) }
      const results = await Promise.all([...texts, texts[0]].map((text) => store.addArticle({ ...council, text }, extraction)))
      expect(results.filter((r) => r.added)).to.have.length(8)
      const reopened = await temp.open(store.path)
      expect(reopened.articles()).to.have.length(8)
      expect(reopened.statements()).to.have.length(8)
      expect(new Set(reopened.statements().map((s) => s.id)).size).to.equal(8)
    })
  })

  describe('speakers', () => {
    beforeEach(async () => {
      await store.addArticles([
        { article: council, extraction: councilExtraction },
        { article: protest, extraction: protestExtraction },
      ])
    })

    it('are one record per named speaker across articles, with every way they were written', () => {
      const ruiz = store.speakers().filter((s) => s.name === 'Ana Ruiz')
      expect(ruiz).to.have.length(1)
      expect(ruiz[0]).to.deep.include({ id: 'ana-ruiz', type: 'person', role: 'Mayor' })
      expect(ruiz[0].aliases).to.have.members(['Mayor Ana Ruiz', 'Ruiz'])
      expect(store.speaker('ana-ruiz')).to.equal(ruiz[0])
    })

    it('are never merged when anonymous, even under the same words', () => {
      const officials = store.speakers().filter((s) => s.name === 'Transport officials')
      expect(officials).to.have.length(2)
      expect(new Set(officials.map((s) => s.id)).size).to.equal(2)
      const [councilId, protestId] = store.articles().map((a) => a.id)
      expect(officials.map((s) => s.id)).to.deep.equal([`transport-officials-${councilId}`, `transport-officials-${protestId}`])
    })

    it('merges the same person written with a middle initial, and stays merged after reopening', async () => {
      const text = 'Ana M. Ruiz said the bridge would reopen in 2026.'
      const said = {
        ...protestExtraction.statements[1],
        content: [span(text, 'the bridge would reopen in 2026')],
        cue: span(text, 'said'),
        speaker: { name: 'Ana M. Ruiz', type: 'person' as const, role: null, mention: span(text, 'Ana M. Ruiz') },
      }
      await store.addArticle({ text }, { claims: [{ id: 'c1', text: 'The bridge will reopen in 2026' }], statements: [said] })
      const reopened = await temp.open(store.path)
      expect(reopened.speakers().filter((s) => s.id.startsWith('ana'))).to.have.length(1)
      expect(reopened.speaker('ana-ruiz')!.aliases).to.include('Ana M. Ruiz')
      expect(reopened.quotesBy('ana-ruiz')).to.have.length(4)
    })

    it("gives a speaker's quotes across articles, oldest first", () => {
      const quotes = store.quotesBy('ana-ruiz')
      expect(quotes.map((q) => q.statement.content[0].text)).to.deep.equal([
        'The bridge is no longer safe for heavy traffic,',
        'the Elm Street bridge is unsafe and must close',
        'It is a matter of public safety,',
      ])
      expect(quotes.map((q) => q.article.outlet)).to.deep.equal(['Riverside Courier', 'Valley Herald', 'Valley Herald'])
      expect(store.quotesBy('nobody')).to.deep.equal([])
    })
  })

  describe('claims', () => {
    let councilId: string
    let protestId: string
    beforeEach(async () => {
      ;[{ articleId: councilId }, { articleId: protestId }] = await store.addArticles([
        { article: council, extraction: councilExtraction },
        { article: protest, extraction: protestExtraction },
      ])
    })

    it('sum up who asserted and who denied each claim', () => {
      const summary = store.claims().find((c) => c.claim.id === `${councilId}:c1`)!
      expect(summary.asserted.map((v) => v.name)).to.deep.equal(['Ana Ruiz'])
      expect(summary.denied.map((v) => [v.name, v.type, v.outlet])).to.deep.equal([['Halden Works', 'organization', 'Riverside Courier']])
      expect(summary).to.deep.include({ statementCount: 2, anonymousSupport: 0, firstDate: '2024-03-11', latestDate: '2024-03-12' })
      expect(store.claims()).to.have.length(5)
    })

    it('count anonymous sources among those asserting', () => {
      const summary = store.claims().find((c) => c.claim.id === `${councilId}:c2`)!
      expect(summary).to.deep.include({ statementCount: 1, anonymousSupport: 1 })
      expect(summary.asserted[0]).to.deep.include({ type: 'anonymous', role: null, date: '2024-03-12', articleId: councilId })
    })

    it("give a claim's ledger in order of date, then of position in the article", () => {
      const ledger = store.claim(`${protestId}:c1`)!
      expect(ledger.entries.map((e) => e.statement.cue?.text)).to.deep.equal(['told', 'said'])
      expect(ledger.entries.every((e) => e.speaker?.id === 'ana-ruiz' && e.article.id === protestId)).to.equal(true)
      expect(store.claim('no-such-claim')).to.equal(undefined)
    })
  })

  describe('exportData', () => {
    it('gives articles without their text, and every other table whole', async () => {
      await store.addArticle(council, councilExtraction)
      const data = exportData(store.tables())
      expect(Object.keys(data)).to.deep.equal(['articles', 'speakers', 'claims', 'statements'])
      expect(Object.keys(data.articles[0]).sort()).to.deep.equal(['id', 'outlet', 'published', 'title', 'url'])
      expect(Object.keys(data.speakers[0]).sort()).to.deep.equal(['affiliation', 'aliases', 'id', 'name', 'role', 'roles', 'type'])
      expect(Object.keys(data.claims[0]).sort()).to.deep.equal(['id', 'review', 'statementIds', 'text'])
      expect(data.statements).to.deep.equal(store.statements())
    })
  })

  describe('touchedSince', () => {
    it('tells the statements and speakers each change made or altered since a version', async () => {
      const start = store.version()
      const { articleId } = await store.addArticle(council, councilExtraction)
      const filed = store.touchedSince(start)!
      expect(filed.statements.map((s) => s.id)).to.have.members(store.statements().map((s) => s.id))
      expect(filed.speakers.map((s) => s.id)).to.include.members(store.statements().flatMap((s) => (s.speakerId ? [s.speakerId] : [])))

      const after = store.version()
      expect(store.touchedSince(after)).to.deep.equal({ statements: [], speakers: [] })
      await store.decide({ action: 'set-speaker', statement: `${articleId}:s2`, speaker: 'Ada Okonkwo' }, 'tester')
      const moved = store.touchedSince(after)!
      expect(moved.statements.map((s) => s.id)).to.include(`${articleId}:s2`)
      expect(moved.speakers.map((s) => s.name)).to.include('Ada Okonkwo')
      // Every change after the version asked about is told: the statement filed, then moved.
      expect(store.touchedSince(start)!.statements.filter((s) => s.id === `${articleId}:s2`)).to.have.length(2)
      expect(store.touchedSince(store.version() + 1)).to.equal(undefined)
    })

    it('cannot tell across a reading of the files, nor past the changes it keeps', async () => {
      await store.addArticle(council, councilExtraction)
      const reopened = await temp.open(temp.path('claimtrail.json'), { readOnly: true })
      expect(reopened.touchedSince(reopened.version() - 1)).to.equal(undefined)
      expect(reopened.touchedSince(reopened.version())).to.deep.equal({ statements: [], speakers: [] })

      const claim = store.claims()[0].claim.id
      const start = store.version()
      for (let i = 0; i < 256; i++) await store.decide({ action: 'review-claim', claim, verdict: 'false', note: `look ${i}` }, 'tester')
      expect(store.touchedSince(start)).to.not.equal(undefined)
      await store.decide({ action: 'review-claim', claim, verdict: 'false', note: 'one more' }, 'tester')
      expect(store.touchedSince(start)).to.equal(undefined)
      expect(store.touchedSince(start + 1)).to.not.equal(undefined)
    })
  })
})
