// What a reviewer does when the matcher left one claim as two: the claim page lists the stored claims most like
// it with the matcher's confidence, each with a one-click merge; a search finds any other; a merge can be
// undone from the history. Real store file, real forms with their token.
import { expect } from 'chai'
import request from 'supertest'
import type { Extraction } from '../../src/pipeline/types.js'
import { createApp } from '../../src/web/app.js'
import { snapshot, twoArticles } from './claims-fixture.js'
import { spanOf, speakerOf, statementOf } from './fixture.js'
import { poster } from './poster.js'

const C1 = '/claims/harbour%3Ac1'
// A third outlet's report of the pier sale, worded its own way: near enough to be listed, not to be filed.
const HOTEL =
  'Hotel group <b>buys</b> pier\n\nA hotel group will buy the old pier from the harbour board for a new waterfront hotel, its chief executive Mia Holt said.'
const hotelExtraction = (): Extraction => ({
  claims: [{ id: 'c1', text: 'A hotel group will buy the old pier from the harbour board for a new waterfront hotel' }],
  statements: [
    statementOf({
      stance: 'assert',
      claim: 'c1',
      content: [spanOf(HOTEL, 'A hotel group will buy the old pier from the harbour board for a new waterfront hotel')],
      cue: spanOf(HOTEL, 'said'),
      speaker: speakerOf(HOTEL, 'Mia Holt', 'Mia Holt', 'person', 'chief executive'),
    }),
  ],
})

describe('merging claims from the claim page', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  let post: Awaited<ReturnType<typeof poster>>
  let hotel: string
  beforeEach(async () => {
    fixture = await twoArticles()
    await fixture.store.addArticle(
      { id: 'hotel', text: HOTEL, title: 'Hotel group <b>buys</b> pier', outlet: 'The Herald', url: null, published: '2025-03-07' },
      hotelExtraction(),
    )
    hotel = (await fixture.store.statement('hotel:s1'))!.claim
    app = createApp({ store: fixture.store })
    post = await poster(app)
  })
  afterEach(() => fixture.cleanup())

  const page = async (path = C1) => (await request(app).get(path).expect(200)).text

  it("keeps the third outlet's report a claim of its own, below the matcher's threshold", () => {
    expect(hotel).to.not.equal('harbour:c1')
  })

  it('lists the most similar stored claims with a score and a merge button each', async () => {
    const similar = (await page()).split('<ol class="similar">')[1]?.split('</ol>')[0] ?? ''
    expect(similar).to.include(`href="/claims/${encodeURIComponent(hotel)}"`)
    expect(similar).to.match(/<span class="score"[^>]*>0\.\d\d<\/span>/)
    expect(similar).to.include(`<input type="hidden" name="into" value="${hotel}">`)
    expect(similar).to.include('name="_csrf"')
  })

  it('finds claims by the words of their text, escaped, each with a merge button', async () => {
    const html = await page(`${C1}?find=${encodeURIComponent('waterfront hotel')}`)
    const found = html.split('<ol class="found">')[1]?.split('</ol>')[0] ?? ''
    expect(found).to.include(`href="/claims/${encodeURIComponent(hotel)}"`)
    expect(found).to.include(`value="${hotel}"`)
    expect(await page(`${C1}?find=${encodeURIComponent('<script>x</script>')}`)).to.include(
      'No other claim holds all of “&lt;script&gt;x&lt;/script&gt;”',
    )
  })

  it('merges with one click, then undoes the merge from the history', async () => {
    const before = (await fixture.store.claim(hotel))!.claim.statementIds
    await post(`/claims/${encodeURIComponent(hotel)}/merge`)
      .type('form')
      .send({ into: 'harbour:c1', by: 'Jo' })
      .expect(303)
    expect((await fixture.store.claim('harbour:c1'))!.claim.statementIds).to.include('hotel:s1')
    const merged = await page()
    expect(merged).to.include('action="/decisions/0/undo"')

    const res = await post(`${C1}/unmerge`).type('form').send({ from: hotel, by: 'Jo' }).expect(303)
    expect(res.headers.location).to.equal(`/claims/${encodeURIComponent(hotel)}?done=unmerged`)
    const back = (await fixture.store.claim(hotel))!
    expect(back.claim.id).to.equal(hotel)
    expect(back.claim.statementIds).to.deep.equal(before)
    expect((await fixture.store.claim('harbour:c1'))!.claim.statementIds).to.not.include('hotel:s1')
    const after = await page()
    expect(after).to.include(`Undid the merge of claim ${hotel} into claim harbour:c1`)
    expect(after).to.not.include('action="/decisions/0/undo"')
  })

  it('keeps an undone merge undone after the store is opened again', async () => {
    await post(`/claims/${encodeURIComponent(hotel)}/merge`)
      .type('form')
      .send({ into: 'harbour:c1', by: 'Jo' })
      .expect(303)
    await post(`${C1}/unmerge`).type('form').send({ from: hotel, by: 'Jo' }).expect(303)
    const reopened = await fixture.reopen()
    expect((await reopened.claim(hotel))!.claim.id).to.equal(hotel)
    expect((await reopened.statement('hotel:s1'))!.claim).to.equal(hotel)
  })

  it('refuses to undo a merge that is not in force, with a 400 page, changing nothing', async () => {
    const was = await snapshot(fixture.store)
    const res = await post(`${C1}/unmerge`).type('form').send({ from: hotel, by: 'Jo' }).expect(400)
    expect(res.text).to.include('was not merged into this claim, or its merge is already undone')
    expect(await snapshot(fixture.store)).to.equal(was)
  })
})
