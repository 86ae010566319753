// The pages right after a write: the views they read (sorted claims, the word index) are carried forward by
// what the write changed, and must show exactly what pages built from scratch would.
import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'
import { MINISTRY_ARTICLE, ministryExtraction } from './speakers-fixture.js'

const READER = { cookie: 'reader=1' } // never answered from the page cache: every page here is rendered
const results = (html: string) => html.split('<li class="result').length - 1
const claimLinks = (html: string) => [...html.matchAll(/href="\/claims\/([^"?/]+)"/g)].map((m) => decodeURIComponent(m[1]))

describe('pages after a write', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let app: ReturnType<typeof createApp>
  beforeEach(async () => {
    fixture = await storeWith([[MINISTRY_ARTICLE, ministryExtraction()]])
    app = createApp({ store: fixture.store })
  })
  afterEach(() => fixture.cleanup())

  const get = async (path: string) => (await request(app).get(path).set(READER).expect(200)).text

  it('lists, finds and shows a new article once filed, in the order a fresh server gives', async () => {
    // Every view built before the write, so the next pages carry them forward.
    for (const sort of ['latest', 'first', 'statements', 'articles']) await get(`/claims?sort=${sort}`)
    expect(results(await get('/search?q=pier'))).to.equal(0)

    await fixture.store.addArticle(HARBOUR_ARTICLE, harbourExtraction())
    // Another store over the same file or database: views of its own, built from scratch.
    const fresh = createApp({ store: await fixture.reopen() })
    for (const sort of ['latest', 'first', 'statements', 'articles']) {
      const carried = claimLinks(await get(`/claims?sort=${sort}`))
      expect(carried, sort).to.include('harbour:c1')
      expect(carried, sort).to.deep.equal(claimLinks((await request(fresh).get(`/claims?sort=${sort}`).set(READER)).text))
    }
    expect(results(await get('/search?q=pier'))).to.be.above(0)
    expect(results(await get('/search?q=pier'))).to.equal(results((await request(fresh).get('/search?q=pier').set(READER)).text))
    expect(await get('/claims/harbour%3Ac1')).to.include('The harbour board has agreed to sell the old ferry pier')
    expect(await get('/speakers/tom-reyes')).to.include('spokesperson for the harbour board')
  })

  it("finds statements by their new speaker's name once a reviewer merged the speakers, and a rejected one no more", async () => {
    await fixture.store.addArticle(HARBOUR_ARTICLE, harbourExtraction())
    expect(results(await get('/search?q=reyes'))).to.be.above(0)
    const before = results(await get('/search?q=lijian'))
    const reyes = results(await get('/search?q=reyes'))
    await fixture.store.decide({ action: 'merge-speakers', into: 'zhao-lijian', from: 'tom-reyes' }, 'tester')
    // Tom Reyes's statements are Zhao Lijian's now, and his name is one of Zhao's.
    expect(results(await get('/search?q=lijian'))).to.equal(before + reyes)
    const rejected = (await fixture.store.statements()).find((s) => s.speakerId === 'zhao-lijian')!
    await fixture.store.decide({ action: 'reject-statement', statement: rejected.id, reason: 'not a claim' }, 'tester')
    expect(results(await get('/search?q=lijian'))).to.equal(before + reyes - 1)
  })
})
