import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'

// Read the body as bytes: a text decoder would drop the BOM that Excel needs.
// superagent hands its parser the raw response stream, though its types call it a Response.
const bytes = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  stream.on('end', () => done(null, Buffer.concat(chunks)))
}
const HEADER =
  'statement_id,claim_id,claim_text,speaker,speaker_type,role,stance,kind,cue,content,sentence,statement_date,date_precision,date_text,' +
  'article_title,outlet,published,url,link'

describe('GET /export/statements.csv', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  before(async () => {
    fixture = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
  })
  after(() => fixture.cleanup())
  const get = (path: string) =>
    request(createApp({ store: fixture.store }))
      .get(path)
      .buffer(true)
      .parse(bytes)

  it('downloads every statement as a UTF-8 CSV attachment', async () => {
    const res = await get('/export/statements.csv').expect(200)
    expect(res.headers['content-type']).to.equal('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).to.match(/^attachment; filename="?claimtrail-statements\.csv"?$/)
    const body = res.body as Buffer
    expect([...body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf])
    const lines = body.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).to.equal(HEADER)
    expect(lines.filter((line) => line.startsWith('harbour:s'))).to.have.length(4)
  })

  it("downloads one claim's statements with ?claim=", async () => {
    const res = await get('/export/statements.csv?claim=harbour%3Ac2').expect(200)
    expect(res.headers['content-disposition']).to.match(/^attachment; filename="?claimtrail-statements-harbour-c2\.csv"?$/)
    const rows = (res.body as Buffer).toString('utf8').split('\r\n').slice(1).filter(Boolean)
    expect(rows).to.have.length(1)
    expect(rows[0]).to.match(/^harbour:s4,harbour:c2,There is an offer for the pier,Tom Reyes,person,/)
  })

  it('answers 404 for a claim not stored and 400 for two claims at once', async () => {
    await request(createApp({ store: fixture.store }))
      .get('/export/statements.csv?claim=nope')
      .expect(404)
    const res = await request(createApp({ store: fixture.store }))
      .get('/export/statements.csv?claim=harbour%3Ac1&claim=harbour%3Ac2')
      .expect(400)
    expect(res.text).to.include('Give one claim id at most')
  })
})
