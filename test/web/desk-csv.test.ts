// CSV a spreadsheet user can pivot: each statement's sentence and a link that opens it, and a table with one row
// per claim, speaker and side beside the packed one, with the claims list's filters.
import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { twoArticles } from './claims-fixture.js'

const rows = (csv: string) => parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>

describe("The reviewer's desk: CSV to pivot", () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  before(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
  })
  after(() => fixture.cleanup())

  it("gives each statement its sentence and a link to it on this site's address", async () => {
    const res = await request(app).get('/export/statements.csv?claim=ferry%3Ac1').expect(200)
    const [row] = rows(res.text)
    expect(row.sentence).to.equal('The council will pay for a new ferry next year, Ruiz said on Monday.')
    expect(row.link).to.match(/^http:\/\/127\.0\.0\.1:\d+\/claims\/ferry%3Ac1#statement-ferry:s1$/)
    const page = await request(app).get(new URL(row.link).pathname).expect(200)
    expect(page.text).to.include('id="statement-ferry:s1"')
  })

  it('gives one row per claim, speaker and side, its statements counted', async () => {
    const res = await request(app)
      .get('/export/claim-speakers.csv')
      .expect(200)
      .expect('Content-Type', /text\/csv/)
    expect(res.headers['content-disposition']).to.include('claimtrail-claim-speakers.csv')
    const table = rows(res.text)
    const claims = await fixture.store.claims()
    const voices = claims.flatMap((c) =>
      (['asserted', 'denied', 'declined'] as const).flatMap((side) =>
        [...new Set(c[side].map((v) => v.speakerId ?? v.name))].map(() => side),
      ),
    )
    expect(table).to.have.length(voices.length)
    const statements = table.reduce((n, r) => n + Number(r.statements), 0)
    expect(statements).to.equal(claims.reduce((n, c) => n + c.asserted.length + c.denied.length + c.declined.length, 0))
    const ruiz = table.find((r) => r.claim_id === 'ferry:c1')!
    expect(ruiz).to.include({ side: 'asserted', speaker: 'Ana Ruiz', speaker_type: 'person', statements: '1', outlets: 'The Courier' })
  })

  it("keeps the claims list's filters, as the list links it", async () => {
    const list = await request(app).get('/claims?outlet=The+Courier').expect(200)
    const href = /href="(\/export\/claim-speakers\.csv[^"]*)"/.exec(list.text)![1].replaceAll('&amp;', '&')
    const table = rows((await request(app).get(href).expect(200)).text)
    expect(new Set(table.map((r) => r.claim_id))).to.deep.equal(new Set(['ferry:c1', 'ferry:c2']))
  })
})
