// 200 writes at once against one real server: 150 articles posted to the API and 50 reviews posted through the
// claim page's form, all in flight together. Every one is answered as stored, and the store read back from
// its files holds each exactly once: no article lost or filed twice, no review missing from the log.
import { expect } from 'chai'
import { exportData } from '../../src/export/json.js'
import { Store } from '../../src/store/store.js'
import { type Served, serve } from '../browser/harness.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { formTokenIn } from './poster.js'

const ARTICLES = 150
const REVIEWS = 50

function article(n: number) {
  return {
    id: `desk-${n}`,
    date: `2024-06-0${1 + (n % 9)}`,
    text: `Ferry timetable ${n}\n\nThe ferry operator said on Friday that sailing ${n} would be cancelled. "We have no crew for it," Lena Fischer, its director, said.`,
  }
}

describe('200 concurrent writes to one server', function () {
  this.timeout(120_000)
  let served: Served
  let store: Store
  let base: string
  beforeEach(async () => {
    served = await serve()
    ;({ store, base } = served)
    await store.addArticles([
      { article: council, extraction: councilExtraction },
      { article: protest, extraction: protestExtraction },
    ])
  })
  afterEach(() => served.close())

  it('stores every article and every review once', async () => {
    const claims = store.claims().map((s) => s.claim.id)
    // Reviews are posted as a browser posts the form: with the page's cookie and its form token.
    const page = await fetch(`${base}/claims/${encodeURIComponent(claims[0])}`)
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const token = formTokenIn(await page.text())
    const posts = Array.from({ length: ARTICLES }, (_, n) => async () => {
      const res = await fetch(`${base}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(article(n)),
      })
      return res.status
    })
    const reviews = Array.from({ length: REVIEWS }, (_, n) => async () => {
      const claim = claims[n % claims.length]
      const body = new URLSearchParams({ verdict: n % 2 ? 'False' : 'Unproven', note: `check ${n}`, by: `Reviewer ${n}`, _csrf: token })
      const res = await fetch(`${base}/claims/${encodeURIComponent(claim)}/review`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: { cookie, origin: base },
      })
      return res.status
    })
    // Interleaved, all sent before any is answered.
    const writes = posts.flatMap((post, i) => (i % 3 === 0 && reviews[i / 3] ? [post, reviews[i / 3]] : [post]))
    expect(writes).to.have.length(ARTICLES + REVIEWS)
    const statuses = await Promise.all(writes.map((write) => write()))
    expect(statuses.filter((s) => s === 201)).to.have.length(ARTICLES)
    expect(statuses.filter((s) => s === 303)).to.have.length(REVIEWS)

    const reread = await Store.open(store.path, { readOnly: true })
    const ids = reread.articles().map((a) => a.id)
    expect(new Set(ids).size).to.equal(ids.length)
    expect(ids.filter((id) => id.startsWith('desk-'))).to.have.length(ARTICLES)
    const notes = reread
      .decisions()
      .filter((e) => e.action === 'review-claim')
      .map((e) => e.detail.note)
    expect(notes).to.have.length(REVIEWS)
    expect(new Set(notes).size).to.equal(REVIEWS)
    expect(exportData(reread.tables())).to.deep.equal(exportData(store.tables()))
  })
})
