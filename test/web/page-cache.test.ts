// Rendered pages are kept until the store changes: a write of any kind — an ingest through the store itself, a
// review through a form — shows on the next request; a reader with a cookie is never served a kept page.
import { expect } from 'chai'
import express from 'express'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { pageCache } from '../../src/web/page-cache.js'
import { FERRY_ARTICLE, ferryExtraction, listedIds } from './claims-fixture.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'
import { poster } from './poster.js'

describe('rendered-page cache', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  beforeEach(async () => {
    fixture = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
  })
  afterEach(() => fixture.cleanup())

  it('answers a page asked again with the same bytes and ETag, and 304 to a reader who has it', async () => {
    const app = createApp({ store: fixture.store })
    const first = await request(app).get('/').expect(200)
    const again = await request(app).get('/').expect(200)
    expect(again.text).to.equal(first.text)
    expect(again.headers.etag).to.be.a('string').and.equal(first.headers.etag)
    await request(app).get('/').set('If-None-Match', first.headers.etag).expect(304)
  })

  it('shows an article filed through the store itself, not through the web, on the next request', async () => {
    const app = createApp({ store: fixture.store })
    const before = await request(app).get('/').expect(200)
    expect(listedIds(before.text)).to.deep.equal(['harbour:c1', 'harbour:c2'])
    await fixture.store.addArticle(FERRY_ARTICLE, ferryExtraction())
    const after = await request(app).get('/').expect(200)
    expect(listedIds(after.text)).to.include('ferry:c1')
    expect(after.headers.etag).not.to.equal(before.headers.etag)
    // The search and the claim page the ingest changed, too.
    await request(app).get('/search?q=ferry').expect(200)
  })

  it('shows a review on the claim page and in the list as soon as it is saved', async () => {
    const app = createApp({ store: fixture.store })
    expect((await request(app).get('/claims/harbour%3Ac1').expect(200)).text).to.include('Not reviewed yet')
    expect((await request(app).get('/claims?review=reviewed').expect(200)).text).to.include('No claim matches these filters')
    const post = await poster(app)
    await post('/claims/harbour%3Ac1/review').type('form').send({ verdict: 'False', note: 'No vote was taken.', by: 'Jo Park' }).expect(303)
    const page = (await request(app).get('/claims/harbour%3Ac1').expect(200)).text
    expect(page).not.to.include('Not reviewed yet')
    expect(page).to.include('No vote was taken.')
    expect(listedIds((await request(app).get('/claims?review=reviewed').expect(200)).text)).to.deep.equal(['harbour:c1'])
  })

  it('sets no cookie on a page without forms, so it is kept; a page with a form gives the form cookie', async () => {
    const app = createApp({ store: fixture.store })
    const list = await request(app).get('/claims').expect(200)
    expect(list.headers['set-cookie']).to.equal(undefined)
    const again = await request(app).get('/claims').expect(200)
    expect(again.headers.etag).to.equal(list.headers.etag)
    const claim = await request(app).get('/claims/harbour%3Ac1').expect(200)
    expect(String(claim.headers['set-cookie'])).to.match(/HttpOnly/i)
    expect(claim.text).to.match(/name="_csrf" value="[^"]+"/)
  })

  it('never serves a kept page to a request with a cookie, nor keeps an answer that sets one', async () => {
    let renders = 0
    const app = express()
    app.get('/page', pageCache(fixture.store), (req, res) => {
      renders++
      if (req.query.signin !== undefined) res.cookie('session', `s${renders}`)
      res.send(`<p>render ${renders}</p>`)
    })
    await request(app).get('/page').expect(200, '<p>render 1</p>')
    await request(app).get('/page').expect(200, '<p>render 1</p>')
    await request(app).get('/page').set('Cookie', 'session=abc').expect(200, '<p>render 2</p>')
    await request(app).get('/page').set('Authorization', 'Bearer token').expect(200, '<p>render 3</p>')
    await request(app).get('/page?signin').expect(200, '<p>render 4</p>')
    await request(app).get('/page?signin').expect(200, '<p>render 5</p>')
    await request(app).get('/page').expect(200, '<p>render 1</p>')
  })
})

describe('rendered-page cache, compressed', () => {
  it('sends a kept page gzipped to a reader who accepts gzip, the same page', async () => {
    const fixture = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
    try {
      const app = createApp({ store: fixture.store })
      const plain = await request(app).get('/').set('Accept-Encoding', 'identity').expect(200)
      const zipped = await request(app).get('/').set('Accept-Encoding', 'gzip, deflate, br').expect(200)
      expect(zipped.headers['content-encoding']).to.equal('gzip')
      expect(zipped.headers.vary).to.include('Accept-Encoding')
      // supertest unzips it: the words are the page's.
      expect(zipped.text).to.equal(plain.text)
    } finally {
      await fixture.cleanup()
    }
  })
})
