import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { snapshot, twoArticles } from './claims-fixture.js'
import { poster } from './poster.js'

const C1 = '/claims/harbour%3Ac1'

describe('the claim page: chart, review form and history', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  beforeEach(async () => {
    fixture = await twoArticles()
  })
  afterEach(() => fixture.cleanup())

  it('draws the statements over time as inline SVG with no style attribute', async () => {
    const html = (
      await request(createApp({ store: fixture.store }))
        .get(C1)
        .expect(200)
    ).text
    const svg = html.match(/<svg[\s\S]*?<\/svg>/)?.[0]
    expect(svg, 'an inline svg').to.be.a('string')
    expect(svg).not.to.include('style=')
    expect(svg!.match(/<circle class="dot assert"/g)).to.have.length(2)
    expect(svg!.match(/<circle class="dot deny"/g)).to.have.length(1)
    expect(svg).to.include('<title>2025-03-04: Ana Ruiz asserted (The Gazette)</title>')
    expect(html).to.include('2 assertions (above the line) and 1 denial (below) from 2025-03-04 to 2025-03-05')
    expect(html).not.to.include('<script')
  })

  it('offers the review form with the default verdict scale and says the claim is not reviewed', async () => {
    const html = (
      await request(createApp({ store: fixture.store }))
        .get(C1)
        .expect(200)
    ).text
    expect(html).to.include('Not reviewed yet')
    expect(html).to.include(`action="${C1}/review"`)
    for (const verdict of ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unproven'])
      expect(html).to.include(`<option>${verdict}</option>`)
    expect(html).to.include('No review or correction yet.')
  })

  it('stores a verdict with who and when, redirects back, and shows it in the history', async () => {
    const app = createApp({ store: fixture.store })
    const before = Date.now()
    const res = await (await poster(app))(`${C1}/review`)
      .type('form')
      .send({ verdict: 'Mostly false', note: 'The board minutes show no vote.', by: 'Jo Park' })
      .expect(303)
    expect(res.headers.location).to.equal(`${C1}?done=review#review`)
    const review = (await fixture.store.claim('harbour:c1'))!.claim.review!
    expect(review).to.include({ verdict: 'Mostly false', note: 'The board minutes show no vote.', by: 'Jo Park' })
    expect(Date.parse(review.at)).to.be.at.least(before - 1000)
    const html = (await request(app).get(res.headers.location).expect(200)).text
    expect(html).to.include('Your review is saved.')
    expect(html).to.include('Review: <span class="verdict">Mostly false</span>')
    expect(html).to.match(/<strong>Jo Park<\/strong>: Verdict: Mostly false — <q>The board minutes show no vote.<\/q>/)
    expect(html).to.include(`href="${C1}/claimreview.jsonld"`)
  })

  const refused: Array<[string, Record<string, string>, string]> = [
    [
      'a verdict off the scale',
      { verdict: 'Pants on fire', by: 'Jo' },
      '&#34;Pants on fire&#34; is not a verdict on this desk&#39;s scale. Pick one of: True, Mostly true',
    ],
    ['no verdict', { by: 'Jo' }, 'is not a verdict on this desk'],
    ['an empty name', { verdict: 'False', by: '   ' }, 'Say who you are: fill in &#34;Your name&#34;'],
    ['no name at all', { verdict: 'False' }, 'Say who you are'],
  ]
  for (const [what, body, message] of refused) {
    it(`refuses ${what} with a 400 page and changes nothing`, async () => {
      const app = createApp({ store: fixture.store })
      const was = await snapshot(fixture.store)
      const res = await (await poster(app))(`${C1}/review`).type('form').send(body).expect(400)
      expect(res.text).to.include(message)
      expect(await snapshot(fixture.store)).to.equal(was)
    })
  }

  it('answers a review of an unknown claim with 404 and changes nothing', async () => {
    const was = await snapshot(fixture.store)
    await (await poster(createApp({ store: fixture.store })))('/claims/nope/review')
      .type('form')
      .send({ verdict: 'False', by: 'Jo' })
      .expect(404)
    expect(await snapshot(fixture.store)).to.equal(was)
  })

  it('escapes a hostile note and reviewer name in the history', async () => {
    const app = createApp({ store: fixture.store })
    await (await poster(app))(`${C1}/review`)
      .type('form')
      .send({ verdict: 'False', note: '<script>alert(1)</script>', by: '<img src=x onerror=alert(1)>' })
      .expect(303)
    const html = (await request(app).get(C1).expect(200)).text
    expect(html).not.to.include('<script>alert')
    expect(html).not.to.include('<img src=x')
    expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('escapes a hostile query in the filter form', async () => {
    const html = (
      await request(createApp({ store: fixture.store }))
        .get('/claims?speaker=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E')
        .expect(200)
    ).text
    expect(html).not.to.include('<script>alert')
    expect(html).to.include('value="&#34;&gt;&lt;script&gt;')
  })
})

describe('CLAIMTRAIL_VERDICTS', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  const saved = process.env.CLAIMTRAIL_VERDICTS
  before(async () => {
    fixture = await twoArticles()
    process.env.CLAIMTRAIL_VERDICTS = 'Accurate| Misleading |Accurate|Wrong'
  })
  after(async () => {
    if (saved === undefined) delete process.env.CLAIMTRAIL_VERDICTS
    else process.env.CLAIMTRAIL_VERDICTS = saved
    await fixture.cleanup()
  })

  it('replaces the scale in the form and in what the server accepts', async () => {
    const app = createApp({ store: fixture.store })
    const html = (await request(app).get(C1).expect(200)).text
    expect(html.match(/<option>(Accurate|Misleading|Wrong)<\/option>/g)).to.have.length(3)
    expect(html).not.to.include('<option>Mostly true</option>')
    await (await poster(app))(`${C1}/review`).type('form').send({ verdict: 'True', by: 'Jo' }).expect(400)
    await (await poster(app))(`${C1}/review`).type('form').send({ verdict: 'Misleading', by: 'Jo' }).expect(303)
    expect((await fixture.store.claim('harbour:c1'))!.claim.review!.verdict).to.equal('Misleading')
  })
})
