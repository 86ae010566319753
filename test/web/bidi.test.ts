// A speaker name, role and outlet carrying bidi overrides and zero-width characters, filed in a real store: no
// page and no download shows those characters, and the name reads in its stored order.
import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { HARBOUR, HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'

const SPOOFING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/

describe('bidi controls on pages and in downloads', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  beforeEach(async () => {
    const extraction = harbourExtraction()
    // "Ana <RLO>zuiR" would display as "Ana Ruiz" were the override left in; the role and outlet hide marks.
    extraction.statements[1].speaker = { ...extraction.statements[1].speaker!, name: 'Ana \u202EzuiR\u202C', role: 'ma\u200Byor\u2066' }
    fixture = await storeWith([
      [{ ...HARBOUR_ARTICLE, outlet: 'The \u2067Gazette\u2069\u061C', title: `Harbour\u200F board\uFEFF` }, extraction],
    ])
  })
  afterEach(() => fixture.cleanup())

  it('shows the name neutralised on every page that names the speaker, the role or the outlet', async () => {
    const app = createApp({ store: fixture.store })
    const speaker = (await fixture.store.speakers()).find((s) => s.name.startsWith('Ana'))!
    expect(speaker.name, 'stored as given').to.equal('Ana \u202EzuiR\u202C')
    const pages = [
      '/',
      `/claims/${encodeURIComponent('harbour:c1')}`,
      '/speakers',
      `/speakers/${encodeURIComponent(speaker.id)}`,
      '/articles',
      '/articles/harbour',
      '/search?q=pier',
    ]
    for (const page of pages) {
      const res = await request(app).get(page).expect(200)
      expect(res.text, page).not.to.match(SPOOFING)
    }
    const list = (await request(app).get('/speakers').expect(200)).text
    expect(list).to.include('Ana zuiR')
    const claim = (
      await request(app)
        .get(`/claims/${encodeURIComponent('harbour:c1')}`)
        .expect(200)
    ).text
    expect(claim).to.include('Ana zuiR')
    expect(claim).to.include('mayor')
    expect(claim).to.include('The Gazette')
    expect(HARBOUR).to.include('Mayor Ana Ruiz')
  })

  it("writes every CSV cell neutralised, the file's own BOM aside", async () => {
    const app = createApp({ store: fixture.store })
    const speaker = (await fixture.store.speakers()).find((s) => s.name.startsWith('Ana'))!
    for (const path of ['/export/statements.csv', '/export/claims.csv', `/speakers/${encodeURIComponent(speaker.id)}/quotes.csv`]) {
      const res = await request(app)
        .get(path)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = []
          r.on('data', (c: Buffer) => chunks.push(c))
          r.on('end', () => done(null, Buffer.concat(chunks)))
        })
        .expect(200)
      const text = (res.body as Buffer).toString('utf8')
      expect(text.startsWith('\uFEFF'), path).to.equal(true)
      expect(text.slice(1), path).not.to.match(SPOOFING)
      if (path !== '/export/claims.csv') expect(text, path).to.include('Ana zuiR')
    }
  })
})
