// A request takes its snapshot of the store, and a write lands before it reads anything: the carried views
// (src/web/store-views.ts) must still know every speaker the claims they read name, or the shared name index
// misses that speaker's names for good. Found by review; answers are compared with a freshly opened server.
import { expect } from 'chai'
import request from 'supertest'
import type { Store } from '../../src/store/store.js'
import { createApp } from '../../src/web/app.js'
import { snapshotOf } from '../../src/web/store-views.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'
import { MINISTRY_ARTICLE, ministryExtraction } from './speakers-fixture.js'

const READER = { cookie: 'reader=1' }
const claimLinks = (html: string) => [...html.matchAll(/href="\/claims\/([^"?/]+)"/g)].map((m) => decodeURIComponent(m[1]))

describe('Views carried across a write that lands while a request holds its snapshot', () => {
  it('know the speaker that write made, and find its claims by a name it gains later', async function () {
    // The views carried by what a write touched are the JSON store's (Store.touchedSince); PostgreSQL's pages ask SQL.
    if (process.env.CLAIMTRAIL_TEST_STORE === 'postgres') this.skip()
    const fixture = await storeWith([
      [MINISTRY_ARTICLE, ministryExtraction()],
      [HARBOUR_ARTICLE, harbourExtraction()],
    ])
    try {
      const store = fixture.store as Store
      const app = createApp({ store })
      const listed = async (path: string) => claimLinks((await request(app).get(path).set(READER)).text)
      const fresh = async (path: string) =>
        claimLinks(
          (
            await request(createApp({ store: await fixture.reopen() }))
              .get(path)
              .set(READER)
          ).text,
        )
      await listed('/claims?speaker=Zhao')
      await store.decide({ action: 'review-claim', claim: 'ministry:c3', verdict: 'False', note: '' }, 'tester')
      const held = await snapshotOf(store)
      await store.decide({ action: 'set-speaker', statement: 'ministry:s1', speaker: 'Ada Okonkwo' }, 'tester')
      await held.spokenBy('Zhao')
      expect(held.speakers.has('ada-okonkwo')).to.equal(true)
      await store.decide({ action: 'merge-speakers', into: 'ada-okonkwo', from: 'tom-reyes' }, 'tester')
      const reyes = await listed('/claims?speaker=Reyes')
      expect(reyes).to.include('ministry:c1')
      expect(reyes).to.deep.equal(await fresh('/claims?speaker=Reyes'))
    } finally {
      await fixture.cleanup()
    }
  })
})
