import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'

describe('GET / — the claims list', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  before(async () => {
    fixture = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
  })
  after(() => fixture.cleanup())

  it('lists each claim with who asserted it and who denied it, linked to the claim page', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/')
      .expect(200)
      .expect('Content-Type', /text\/html/)
    const [pier, offer] = res.text.split('<li class="claim">').slice(1)
    expect(pier).to.include('The harbour board has agreed to sell the old ferry pier</a>')
    expect(pier).to.match(/href="\/claims\/harbour%3Ac1"/)
    const [asserted, denied] = pier.split('Denied by')
    expect(asserted).to.include('Ana Ruiz</span>, <span class="role">mayor</span>')
    expect(asserted).to.match(/two councillors<\/span> <span class="flag">anonymous source<\/span>/)
    expect(asserted).not.to.include('Harbour board')
    expect(denied).to.include('Harbour board')
    expect(pier).to.include('3 statements')
    expect(pier).to.include('<time datetime="2025-03-04">2025-03-04</time>')
    expect(pier).to.include('<time datetime="2025-03-05">2025-03-05</time>')
    expect(offer).to.include('There is an offer for the pier')
    expect(offer).to.match(/Asserted by<\/dt><dd>\s*<span class="none">no one<\/span>/)
    expect(offer).to.include('Tom Reyes</span>, <span class="role">spokesperson for the harbour board</span>')
  })

  it('says what the page shows', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/')
      .expect(200)
    expect(res.text).to.include('Who asserted each claim, and who denied it')
    expect(res.text).not.to.include('npx claimtrail ingest article.txt</code>, then reload')
  })

  it('serves its stylesheet from the app itself', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/assets/claimtrail.css')
      .expect(200)
    expect(res.headers['content-type']).to.match(/^text\/css/)
    expect(res.text).to.include('mark.content')
  })
})

describe('GET / on an empty store', () => {
  it('says how to add the first article', async () => {
    const { store, cleanup } = await storeWith([])
    try {
      const res = await request(createApp({ store })).get('/').expect(200)
      expect(res.text).to.include('No claims yet. Add your first article with <code>npx claimtrail ingest article.txt</code>')
      expect(res.text).not.to.include('<ol class="claims">')
    } finally {
      await cleanup()
    }
  })
})
