import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { twoArticles } from './claims-fixture.js'

// The page and the API read a day with one parser: an impossible day is refused by both, a leap day kept by both.
describe('GET /claims and /api/claims — one day format', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  before(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
  })
  after(() => fixture.cleanup())

  it('refuses from=2024-02-30 on the page and in the API alike', async () => {
    const page = await request(app).get('/claims?from=2024-02-30').expect(400)
    expect(page.text).to.include('&#34;from&#34; must be a date written YYYY-MM-DD, such as 2025-03-04; it was &#34;2024-02-30&#34;.')
    const api = await request(app).get('/api/claims?from=2024-02-30').expect(400)
    expect(api.body.error).to.equal('"from" "2024-02-30" is not a date: write it as yyyy-MM-dd, e.g. 2022-03-15.')
  })

  it('takes from=2024-02-29, a leap day, on the page and in the API alike', async () => {
    await request(app).get('/claims?from=2024-02-29').expect(200)
    expect((await request(app).get('/api/claims?from=2024-02-29').expect(200)).body.total).to.equal(4)
  })
})
