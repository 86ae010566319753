import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { cleanName, proposition } from '../../src/web/json-ld.js'
import { twoArticles } from './claims-fixture.js'

describe('GET /claims/:id/claimreview.jsonld', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  beforeEach(async () => {
    fixture = await twoArticles()
  })
  afterEach(() => fixture.cleanup())

  it('answers 409 and says how to review, while the claim has no verdict', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/claims/harbour%3Ac1/claimreview.jsonld')
      .expect(409)
    expect(res.text).to.include('Not reviewed yet')
    expect(res.text).to.include('href="/claims/harbour%3Ac1#review"')
  })

  it('gives a schema.org ClaimReview of a reviewed claim', async () => {
    await fixture.store.decide(
      { action: 'review-claim', claim: 'harbour:c1', verdict: 'Mostly false', note: 'No vote was taken.' },
      'Jo Park',
    )
    const res = await request(createApp({ store: fixture.store }))
      .get('/claims/harbour%3Ac1/claimreview.jsonld')
      .expect(200)
    expect(res.headers['content-type']).to.match(/^application\/ld\+json/)
    const doc = JSON.parse(res.text)
    expect(doc['@context']).to.equal('https://schema.org')
    expect(doc['@type']).to.equal('ClaimReview')
    expect(doc.claimReviewed).to.equal('The harbour board has agreed to sell the old ferry pier.')
    expect(doc.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/claims\/harbour%3Ac1$/)
    expect(doc.author).to.deep.equal({ '@type': 'Person', name: 'Jo Park' })
    expect(doc.datePublished).to.match(/^\d{4}-\d{2}-\d{2}$/)
    expect(doc.reviewRating).to.deep.equal({ '@type': 'Rating', alternateName: 'Mostly false', ratingExplanation: 'No vote was taken.' })
    const claim = doc.itemReviewed
    expect(claim['@type']).to.equal('Claim')
    // The mayor spoke first (on the Tuesday before publication); the councillors' statement is undated.
    expect(claim.author).to.deep.equal({ '@type': 'Person', name: 'Ana Ruiz', jobTitle: 'mayor' })
    expect(claim.datePublished).to.equal('2025-03-04')
    const gazette = {
      '@type': 'CreativeWork',
      url: 'https://gazette.example/harbour-pier',
      headline: 'Harbour board to sell the old ferry pier',
      datePublished: '2025-03-05',
      publisher: { '@type': 'Organization', name: 'The Gazette' },
    }
    expect(claim.appearance).to.deep.equal([gazette])
    expect(claim.firstAppearance).to.deep.equal(gazette)
  })

  it('types an anonymous first speaker as an organisation marked anonymous', async () => {
    await fixture.store.decide({ action: 'review-claim', claim: 'ferry:c2', verdict: 'Unproven', note: '' }, 'Jo')
    const doc = JSON.parse(
      (
        await request(createApp({ store: fixture.store }))
          .get('/claims/ferry%3Ac2/claimreview.jsonld')
          .expect(200)
      ).text,
    )
    expect(doc.itemReviewed.author).to.deep.equal({ '@type': 'Organization', name: 'a senior official', description: 'anonymous source' })
    expect(doc.reviewRating).not.to.have.property('ratingExplanation')
  })
})

describe('ClaimReview behind a public address', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  before(async () => {
    fixture = await twoArticles()
  })
  after(() => fixture.cleanup())

  it("gives the claim's address on the desk's public URL (serve --public-url), not the address it was asked on", async () => {
    await fixture.store.decide({ action: 'review-claim', claim: 'harbour:c1', verdict: 'False', note: '' }, 'Jo Park')
    const app = createApp({ store: fixture.store, publicUrl: 'https://claims.example.org' })
    const doc = JSON.parse((await request(app).get('/claims/harbour%3Ac1/claimreview.jsonld').expect(200)).text)
    expect(doc.url).to.equal('https://claims.example.org/claims/harbour%3Ac1')
  })
})

describe('ClaimReview wording', () => {
  const propositions: Array<[string, string]> = [
    ['that the bridge is unsafe', 'The bridge is unsafe.'],
    ['That Russia had asked China for military aid,', 'Russia had asked China for military aid.'],
    ['“We will not pay,”', 'We will not pay.'],
    ['Is the pier for sale?', 'Is the pier for sale?'],
    ['China’s position on Ukraine is consistent and clear', 'China’s position on Ukraine is consistent and clear.'],
    ['thatcher-era rules still apply', 'Thatcher-era rules still apply.'],
  ]
  for (const [text, want] of propositions)
    it(`${JSON.stringify(text)} → ${JSON.stringify(want)}`, () => expect(proposition(text)).to.equal(want))

  const names: Array<[string, string]> = [
    ['Mr. Zhao Lijian', 'Zhao Lijian'],
    ['Dr Ana Ruiz,', 'Ana Ruiz'],
    ['"Jake Sullivan"', 'Jake Sullivan'],
    ['Martin Luther King Jr.', 'Martin Luther King Jr.'],
    ['Mrs', 'Mrs'],
  ]
  for (const [name, want] of names) it(`${JSON.stringify(name)} → ${JSON.stringify(want)}`, () => expect(cleanName(name)).to.equal(want))
})
