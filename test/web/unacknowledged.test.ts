// An article is seen only once its write is acknowledged. Readers poll an article's page, the claims list and
// the statements API while that very article is being posted: every answer is 404 (not stored yet) or 200 (stored),
// never a 500 for an article whose text is not on the disk yet, and after the 201 the page is there.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'
import { Store } from '../../src/store/store.js'
import { type Served, serve } from '../browser/harness.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'

const ARTICLES = 40

function article(n: number) {
  return {
    id: `inflight-${n}`,
    date: `2024-06-0${1 + (n % 9)}`,
    text: `Ferry timetable ${n}\n\nThe ferry operator said on Friday that sailing ${n} would be cancelled. "We have no crew for it," Lena Fischer, its director, said.`,
  }
}

describe('a record is seen only once its write is acknowledged', function () {
  this.timeout(120_000)

  it("in the store: an article being written is in no reader's view until its write resolves", async () => {
    const temp: TempFolder = await tempFolder()
    try {
      const store = await Store.open(temp.path('claimtrail.json'))
      let seenEarly = 0
      let checked = 0
      const writes = Array.from({ length: ARTICLES }, (_, n) => {
        const input = { ...article(n), published: article(n).date, title: null, outlet: null, url: null }
        const state = { acknowledged: false }
        const done = store.addArticle(input, extract(input)).then(() => (state.acknowledged = true))
        return { id: input.id, text: input.text, state, done }
      })
      // Look between every turn of the event loop until all are written.
      while (writes.some((w) => !w.state.acknowledged)) {
        for (const w of writes) {
          if (w.state.acknowledged || !store.hasArticle(w.text)) continue
          checked++
          if (store.article(w.id) || store.articles().some((a) => a.id === w.id) || store.statements().some((s) => s.articleId === w.id))
            seenEarly++
        }
        await new Promise((resolve) => setImmediate(resolve))
      }
      await Promise.all(writes.map((w) => w.done))
      expect(checked, 'looked while writes were in flight').to.be.greaterThan(0)
      expect(seenEarly).to.equal(0)
      for (const w of writes) expect(store.article(w.id)?.text).to.equal(w.text)
      await store.close()
    } finally {
      await temp.remove()
    }
  })

  it('on the server: reads during the POST answer 404 or 200, never 500; after the 201 they answer 200', async () => {
    const served: Served = await serve()
    try {
      const statuses = new Map<number, number>()
      let reads = 0
      await Promise.all(
        Array.from({ length: ARTICLES }, async (_, n) => {
          const { id } = article(n)
          let posted = false
          const post = fetch(`${served.base}/api/articles`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(article(n)),
          }).then((res) => {
            expect(res.status).to.equal(201)
            posted = true
          })
          while (!posted) {
            for (const path of [`/articles/${id}`, '/', `/api/statements?article=${id}`]) {
              const res = await fetch(`${served.base}${path}`)
              await res.arrayBuffer()
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
              reads++
            }
          }
          await post
          expect((await fetch(`${served.base}/articles/${id}`)).status).to.equal(200)
        }),
      )
      console.log(`      ${reads} reads while ${ARTICLES} articles were posted: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}`)
      expect([...statuses.keys()].filter((s) => s !== 200 && s !== 404)).to.deep.equal([])
    } finally {
      await served.close()
    }
  })
})
