import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
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
    expect(doc.claimReviewed).to.equal('The harbour board has agreed to sell the old ferry pier')
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
