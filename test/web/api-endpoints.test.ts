import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { snapshot } from './claims-fixture.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'
import { MINISTRY_ARTICLE, ministryExtraction } from './speakers-fixture.js'

const BRIDGE = [
  'Bridge to stay open, minister says',
  '',
  '"The bridge will stay open all winter," Transport Minister Lena Park said on Monday.',
  'The ministry denied that the repairs had been cancelled.',
].join('\n')

describe('the JSON API', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let app: ReturnType<typeof createApp>
  beforeEach(async () => {
    fixture = await storeWith([
      [HARBOUR_ARTICLE, harbourExtraction()],
      [MINISTRY_ARTICLE, ministryExtraction()],
    ])
    app = createApp({ store: fixture.store })
  })
  afterEach(() => fixture.cleanup())

  describe('GET /api/claims', () => {
    it('pages every claim with who asserted and denied it', async () => {
      const res = await request(app)
        .get('/api/claims')
        .expect(200)
        .expect('Content-Type', /application\/json/)
      expect(res.body).to.include({ page: 1, per: 20, total: 5 })
      const pier = res.body.items.find((c: { id: string }) => c.id === 'harbour:c1')
      expect(pier.text).to.equal('The harbour board has agreed to sell the old ferry pier')
      expect(pier.asserted.map((v: { name: string }) => v.name)).to.have.members(['two councillors', 'Ana Ruiz'])
      expect(pier.denied.map((v: { name: string }) => v.name)).to.deep.equal(['Harbour board'])
      const second = await request(app).get('/api/claims?per=2&page=3').expect(200)
      expect(second.body).to.include({ page: 3, per: 2, total: 5 })
      expect(second.body.items).to.have.length(1)
    })

    it('filters as the claims list does', async () => {
      const ids = async (query: string) =>
        (await request(app).get(`/api/claims?${query}`).expect(200)).body.items.map((c: { id: string }) => c.id).sort()
      expect(await ids('speaker=Zhao')).to.deep.equal(['ministry:c1', 'ministry:c2', 'ministry:c3'])
      expect(await ids('denied=true')).to.deep.equal(['harbour:c1', 'harbour:c2', 'ministry:c2'])
      expect(await ids('stance=deny&type=organization')).to.deep.equal(['harbour:c1'])
      expect(await ids('type=anonymous')).to.deep.equal(['harbour:c1'])
      expect(await ids('outlet=the%20gazette')).to.deep.equal(['harbour:c1', 'harbour:c2'])
      expect(await ids('from=2024-06-02&to=2024-06-30')).to.deep.equal(['ministry:c1'])
      expect(await ids('reviewed=true')).to.deep.equal([])
      expect(await ids('reviewed=false')).to.have.length(5)
    })

    it('refuses a filter it cannot read, saying what to write', async () => {
      const res = await request(app).get('/api/claims?stance=maybe').expect(400).expect('Content-Type', /json/)
      expect(res.body.error).to.equal('"stance" cannot be "maybe": use one of assert, deny, confirm, decline.')
      expect((await request(app).get('/api/claims?per=1000').expect(400)).body.error).to.match(/"per" must be a whole number from 1 to 100/)
      expect((await request(app).get('/api/claims?denied=perhaps').expect(400)).body.error).to.match(/use true or false/)
    })
  })

  describe('GET /api/claims/:id', () => {
    it('answers the ledger: every statement with its speaker and article, no article text', async () => {
      const res = await request(app).get('/api/claims/harbour%3Ac1').expect(200)
      expect(res.body.id).to.equal('harbour:c1')
      expect(res.body.entries).to.have.length(3)
      const ruiz = res.body.entries.find((e: { speaker: { name: string } | null }) => e.speaker?.name === 'Ana Ruiz')
      expect(ruiz.statement.date).to.equal('2025-03-04')
      expect(ruiz.article).to.deep.equal({
        id: 'harbour',
        title: HARBOUR_ARTICLE.title,
        outlet: 'The Gazette',
        url: HARBOUR_ARTICLE.url,
        published: '2025-03-05',
      })
    })

    it('answers an unknown id with a JSON 404', async () => {
      const res = await request(app).get('/api/claims/nope').expect(404).expect('Content-Type', /json/)
      expect(res.body.error).to.equal('There is no claim "nope". GET /api/claims lists every claim with its id.')
    })
  })

  describe('GET /api/statements', () => {
    it('filters by speaker, stance, claim, article, dates and words', async () => {
      const ids = async (query: string) =>
        (await request(app).get(`/api/statements?${query}`).expect(200)).body.items.map((s: { id: string }) => s.id)
      const all = await request(app).get('/api/statements').expect(200)
      expect(all.body).to.include({ page: 1, per: 20, total: 7 })
      expect(await ids('speaker=zhao-lijian')).to.have.length(3)
      expect(await ids('speaker=Zhao&stance=deny')).to.deep.equal(['ministry:s2'])
      expect(await ids('claim=harbour%3Ac1')).to.have.length(3)
      expect(await ids('article=ministry&from=2025-01-01')).to.deep.equal(['ministry:s3'])
      expect(await ids('q=offer+table')).to.deep.equal(['harbour:s4'])
      expect(await ids('q=mayor')).to.deep.equal(['harbour:s2'])
      expect((await request(app).get('/api/statements?to=yesterday').expect(400)).body.error).to.match(/"to" "yesterday" is not a date/)
    })
  })

  describe('GET /api/speakers', () => {
    it('pages speakers with counts, found by any name', async () => {
      const all = await request(app).get('/api/speakers').expect(200)
      expect(all.body).to.include({ total: 5 })
      const zhao = await request(app).get('/api/speakers?q=Zhao').expect(200)
      expect(zhao.body.total).to.equal(1)
      expect(zhao.body.items[0]).to.include({ id: 'zhao-lijian', name: 'Zhao Lijian', type: 'person' })
      expect(zhao.body.items[0].counts).to.deep.equal({ statements: 3, claims: 3, asserts: 2, denials: 1 })
      expect(zhao.body.items[0].aliases).to.include('Zhao')
    })

    it('answers one speaker, and a JSON 404 for an unknown one', async () => {
      const res = await request(app).get('/api/speakers/ana-ruiz').expect(200)
      expect(res.body).to.include({ name: 'Ana Ruiz', role: 'mayor', statements: '/api/statements?speaker=ana-ruiz' })
      expect(res.body.roles[0]).to.deep.equal({ role: 'mayor', firstSeen: '2025-03-05', lastSeen: '2025-03-05' })
      const missing = await request(app).get('/api/speakers/nobody').expect(404)
      expect(missing.body.error).to.match(/There is no speaker "nobody"/)
    })
  })

  it('answers an unknown API path with a JSON 404, not a page', async () => {
    const res = await request(app).get('/api/nothing').expect(404).expect('Content-Type', /json/)
    expect(res.body.error).to.match(/^Nothing at GET \/api\/nothing\. The API answers GET \/api\/claims/)
  })

  describe('POST /api/articles', () => {
    it('extracts, stores and returns the statements with their claims; GET then shows them', async () => {
      const res = await request(app)
        .post('/api/articles')
        .send({
          text: BRIDGE,
          title: 'Bridge to stay open',
          outlet: 'Valley News',
          date: '2025-11-05',
          url: 'https://valley.example/bridge',
        })
        .expect(201)
        .expect('Content-Type', /json/)
      expect(res.body.added).to.equal(true)
      const park = res.body.statements.find((s: { speaker: { name: string } | null }) => s.speaker?.name === 'Lena Park')
      expect(park.content[0].text).to.include('The bridge will stay open all winter')
      expect(park.date).to.equal('2025-11-03')
      expect(res.body.claims).to.include(park.claim)

      const claim = await request(app)
        .get(`/api/claims/${encodeURIComponent(park.claim)}`)
        .expect(200)
      expect(claim.body.entries[0].article).to.include({ outlet: 'Valley News', published: '2025-11-05' })
      const found = await request(app).get('/api/statements?q=bridge+winter').expect(200)
      expect(found.body.items.map((s: { id: string }) => s.id)).to.deep.equal([park.id])
      const speaker = await request(app).get(`/api/speakers?q=Park`).expect(200)
      expect(speaker.body.items[0].name).to.equal('Lena Park')

      const again = await request(app).post('/api/articles').send({ text: BRIDGE }).expect(200)
      expect(again.body).to.include({ added: false, articleId: res.body.articleId })
    })

    it('takes a batch as {articles: [...]}', async () => {
      const res = await request(app)
        .post('/api/articles')
        .send({ articles: [{ text: BRIDGE }, { text: `${BRIDGE}\nMore.` }] })
        .expect(201)
      expect(res.body.articles).to.have.length(2)
      expect(res.body.articles.every((a: { added: boolean }) => a.added)).to.equal(true)
    })

    const bad: Array<[string, () => request.Test, number, RegExp]> = [
      [
        'bad JSON',
        () => request(app).post('/api/articles').set('Content-Type', 'application/json').send('{"text": '),
        400,
        /not valid JSON/,
      ],
      ['no text', () => request(app).post('/api/articles').send({ title: 'x' }), 400, /"text" is missing or empty/],
      [
        'a date that is not one',
        () => request(app).post('/api/articles').send({ text: BRIDGE, date: '5 Nov' }),
        400,
        /"date" "5 Nov" is not a date/,
      ],
      [
        'an unknown field',
        () => request(app).post('/api/articles').send({ text: BRIDGE, published: '2025-11-05' }),
        400,
        /unknown field "published"/,
      ],
      [
        'one bad article in a batch',
        () =>
          request(app)
            .post('/api/articles')
            .send({ articles: [{ text: BRIDGE }, { text: 3 }] }),
        400,
        /articles\[1\]: "text"/,
      ],
      ['not JSON at all', () => request(app).post('/api/articles').type('form').send('text=hello'), 415, /Content-Type: application\/json/],
      [
        'an article over 2 MB',
        () =>
          request(app)
            .post('/api/articles')
            .send({ text: 'word '.repeat(500_000) }),
        413,
        /the text is 2\.38MB; claimtrail takes articles of up to 2MB\. Split it/,
      ],
      [
        'a body over twice the article limit',
        () =>
          request(app)
            .post('/api/articles')
            .send({ articles: Array(3).fill({ text: 'word '.repeat(400_000) }) }),
        413,
        /The body is larger than 4\.06MB\. Send fewer articles/,
      ],
      [
        'a body not in UTF-8',
        () =>
          request(app)
            .post('/api/articles')
            .set('Content-Type', 'application/json')
            .serialize((bytes) => bytes)
            .send(Buffer.from('{"text": "Caf\xe9 owner said prices rise."}', 'latin1')),
        400,
        /not UTF-8/,
      ],
    ]
    for (const [what, send, status, message] of bad) {
      it(`refuses ${what} with ${status} and stores nothing`, async () => {
        const [held, version] = [await snapshot(fixture.store), await fixture.store.version()]
        const res = await send().expect(status).expect('Content-Type', /json/)
        expect(res.body.error).to.match(message)
        // The records and the log as they were, and no write at all: every write moves the version.
        expect(await snapshot(fixture.store)).to.equal(held)
        expect(await fixture.store.version()).to.equal(version)
      })
    }
  })
})
