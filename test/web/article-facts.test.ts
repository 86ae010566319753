// An article's facts after filing: corrected from its page or the API as a logged decision with an Undo, felt by
// the claims that quote it (their dates and outlets), kept on reopening; and corrected by ingesting the same text
// again with other facts, instead of being turned away as "already stored". A real store, the real app.
import { expect } from 'chai'
import request from 'supertest'
import { openExtractor } from '../../src/ingest/extractor.js'
import { fileArticles, type Outcome } from '../../src/ingest/file-articles.js'
import { newFacts } from '../../src/ingest/refacts.js'
import { createApp } from '../../src/web/app.js'
import { FERRY, twoArticles } from './claims-fixture.js'
import { jobPage } from './ingest-job.js'
import { poster } from './poster.js'

const FERRY_PAGE = '/articles/ferry'
const FACTS = { title: 'Council to pay for a new ferry', outlet: 'The Courier', date: '2025-04-10', url: 'https://courier.example/ferry' }

describe("An article's facts", () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  let post: Awaited<ReturnType<typeof poster>>
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
    post = await poster(app)
  })
  afterEach(() => fixture.cleanup())

  const send = (form: Record<string, string>) =>
    post(`${FERRY_PAGE}/facts`)
      .type('form')
      .send({ by: 'Jo', ...FACTS, ...form })
  const claimDates = async (id: string) => {
    const claim = (await request(app).get('/api/claims?per=100').expect(200)).body.items.find((c: { id: string }) => c.id === id)
    return { firstDate: claim.firstDate, outlet: claim.asserted[0]?.outlet ?? null }
  }

  it('are corrected from the article page, felt by its claims, listed in its history, and undone from there', async () => {
    // The article's own page carries no form (it stays in the page cache): it links to the facts page.
    const article = await request(app).get(FERRY_PAGE).expect(200)
    expect(article.headers['set-cookie']).to.equal(undefined)
    expect(article.text).to.include('<a href="/articles/ferry/facts">Correct the facts</a>')
    const page = (await request(app).get(`${FERRY_PAGE}/facts`).expect(200)).text
    expect(page).to.include('action="/articles/ferry/facts"')
    expect(page).to.include('name="date" value="2025-04-10"')
    // The undated statement's claim is dated by its article.
    expect(await claimDates('ferry:c2')).to.deep.equal({ firstDate: '2025-04-10', outlet: 'The Courier' })

    const res = await send({ date: '2025-05-01', outlet: 'Courier Weekly' }).expect(303)
    expect(res.headers.location).to.equal('/articles/ferry/facts?done=facts')
    expect(await fixture.store.article('ferry')).to.include({ published: '2025-05-01', outlet: 'Courier Weekly', title: FACTS.title })
    expect(await claimDates('ferry:c2')).to.deep.equal({ firstDate: '2025-05-01', outlet: 'Courier Weekly' })
    expect((await request(app).get('/api/claims?outlet=courier%20weekly').expect(200)).body.total).to.equal(2)

    const after = (await request(app).get(res.headers.location).expect(200)).text
    expect(after).to.include('The facts are saved.')
    expect(after).to.include('Facts of article ferry set: outlet Courier Weekly (was The Courier); date 2025-05-01 (was 2025-04-10)')
    const place = Number(/action="\/decisions\/(\d+)\/undo"/.exec(after)![1])
    const undone = await post(`/decisions/${place}/undo`)
      .type('form')
      .send({ by: 'Jo', back: `${FERRY_PAGE}/facts` })
      .expect(303)
    expect(undone.headers.location).to.equal('/articles/ferry/facts?done=undone#history')
    expect((await request(app).get(FERRY_PAGE).expect(200)).text).to.include('2 corrections so far')
    expect(await fixture.store.article('ferry')).to.include({ published: '2025-04-10', outlet: 'The Courier' })
    expect(await claimDates('ferry:c2')).to.deep.equal({ firstDate: '2025-04-10', outlet: 'The Courier' })
  })

  it('refuses a bad date or address, saying what to write, and changes nothing', async () => {
    const date = await send({ date: '2025-13-01' }).expect(400)
    expect(date.text).to.match(/2025-13-01/)
    const url = await send({ url: 'javascript:alert(1)' }).expect(400)
    expect(url.text).to.include('is not a web address')
    await post('/articles/nothing/facts')
      .type('form')
      .send({ by: 'Jo', ...FACTS })
      .expect(404)
    expect(await fixture.store.decisions()).to.have.length(0)
    expect(await fixture.store.article('ferry')).to.include({ published: '2025-04-10' })
  })

  it('are kept when the store is opened again', async () => {
    await send({ title: 'Ferry: the council pays', url: '' }).expect(303)
    const reopened = await fixture.reopen()
    expect(await reopened.article('ferry')).to.include({ title: 'Ferry: the council pays', url: null, published: '2025-04-10' })
  })

  it('are corrected through the API, the fields sent replacing the stored ones and the rest kept', async () => {
    const res = await request(app).post('/api/articles/ferry/facts').send({ outlet: '', date: '2025-04-11', by: 'Jo' }).expect(201)
    expect(res.body).to.include({ action: 'set-article', by: 'Jo' })
    expect(await fixture.store.article('ferry')).to.include({ outlet: null, published: '2025-04-11', title: FACTS.title })
    await request(app).post('/api/articles/ferry/facts').send({ date: 'soon', by: 'Jo' }).expect(400)
  })

  it('are corrected by ingesting the same text again with other facts, logged as who sent it', async () => {
    const again = await request(app).post('/api/articles').send({ text: FERRY, outlet: 'Courier Weekly', date: '2025-04-10' }).expect(200)
    expect(again.body).to.include({ articleId: 'ferry', added: false, updated: true })
    expect(await fixture.store.article('ferry')).to.include({ outlet: 'Courier Weekly', url: FACTS.url })
    const [entry] = await fixture.store.decisions()
    expect(entry).to.include({ action: 'set-article', by: 'claimtrail ingest' })
    // The same facts again change nothing, and log nothing.
    const same = await request(app).post('/api/articles').send({ text: FERRY, outlet: 'Courier Weekly' }).expect(200)
    expect(same.body).not.to.have.property('updated')
    expect(await fixture.store.decisions()).to.have.length(1)

    // The ingest form: its summary says so, and the decision is the reviewer's.
    const form = await post('/articles').field('text', FERRY).field('title', 'Ferry paid for').expect(303)
    const summary = await jobPage(request(app), form.headers.location)
    expect(summary).to.include('<dt>Facts updated</dt><dd>1</dd>')
    expect(summary).to.include('<strong>facts updated</strong>')
    expect(await fixture.store.article('ferry')).to.include({ title: 'Ferry paid for', outlet: 'Courier Weekly' })
  })
})

describe("An article's facts, corrected at once or from odd stored values", () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
  })
  afterEach(() => fixture.cleanup())

  it('keeps both of two facts corrected at once through the API', async () => {
    await Promise.all([
      request(app).post('/api/articles/ferry/facts').send({ title: 'Ferry: paid', by: 'Jo' }).expect(201),
      request(app).post('/api/articles/ferry/facts').send({ outlet: 'Courier Weekly', by: 'Ana' }).expect(201),
    ])
    expect(await fixture.store.article('ferry')).to.include({ title: 'Ferry: paid', outlet: 'Courier Weekly' })
  })

  it('keeps both facts of two lines of one stored text, re-ingested together', async () => {
    const extractor = await openExtractor(1)
    try {
      const outcomes: Outcome[] = []
      await fileArticles(
        fixture.store,
        [
          { source: 'again.jsonl:1', article: { text: FERRY, title: 'Ferry: the council pays' } },
          { source: 'again.jsonl:2', article: { text: FERRY, published: '2025-06-01' } },
        ],
        extractor,
        { onOutcome: (outcome) => void outcomes.push(outcome) },
      )
      expect(outcomes.map((o) => 'stored' in o && o.stored.updated)).to.deep.equal([true, true])
    } finally {
      await extractor.close()
    }
    expect(await fixture.store.article('ferry')).to.include({ title: 'Ferry: the council pays', published: '2025-06-01' })
  })

  it('changes one fact from the form without checking the others as stored: an address the CLI took, a long title', async () => {
    const long = `Council ${'and ferry '.repeat(70)}`.trim()
    await request(app).post('/api/articles').send({ text: FERRY, url: 'www.courier.example/ferry', title: long }).expect(200)
    const post = await poster(app)
    const page = (await request(app).get('/articles/ferry/facts').expect(200)).text
    expect(page).to.include('value="www.courier.example/ferry"')
    await post('/articles/ferry/facts')
      .type('form')
      .send({ by: 'Jo', title: long, outlet: 'Courier Weekly', date: '2025-04-10', url: 'www.courier.example/ferry' })
      .expect(303)
    expect(await fixture.store.article('ferry')).to.include({ title: long, url: 'www.courier.example/ferry', outlet: 'Courier Weekly' })
    const same = await post('/articles/ferry/facts')
      .type('form')
      .send({ by: 'Jo', title: long, outlet: 'Courier Weekly', date: '2025-04-10', url: 'www.courier.example/ferry' })
      .expect(303)
    expect(same.headers.location).to.equal('/articles/ferry/facts?done=unchanged')
    expect((await fixture.store.decisions()).filter((d) => d.by === 'Jo')).to.have.length(1)
    await request(app).post('/api/articles/ferry/facts').send({ date: '2025-04-11', by: 'Jo' }).expect(201)
    await request(app).post('/api/articles/ferry/facts').send({ by: 'Jo' }).expect(400)
  })

  it('finds a quoted phrase holding a hyphenated word, on either store', async () => {
    await request(app)
      .post('/api/articles')
      .send({ text: 'The mayor said the e-mails about the ferry-pier sale were never sent.' })
      .expect(201)
    const found = await request(app)
      .get(`/api/statements?q=${encodeURIComponent('"ferry-pier sale"')}`)
      .expect(200)
    expect(found.body.total).to.equal(1)
    await request(app)
      .get(`/search?q=${encodeURIComponent('"e-mails"')}`)
      .expect(200)
  })
})

describe('newFacts: what a second ingest of a text corrects', () => {
  const stored = { title: 'Pier sold', outlet: 'The Gazette', published: '2025-03-05', url: null }
  const table: Array<[string, Record<string, unknown>, object | null]> = [
    ['nothing given', { text: 'x' }, null],
    ['the same facts', { ...stored, text: 'x' }, null],
    ['a date', { published: '2025-03-06', text: 'x' }, { published: '2025-03-06' }],
    ['an address', { url: 'https://gazette.example/pier', text: 'x' }, { url: 'https://gazette.example/pier' }],
    ['null facts, which clear nothing', { title: null, outlet: null, text: 'x' }, null],
    ['a title guessed from the first line', { title: 'Pier sold at last', text: 'Pier sold at last\n\nThe board said…' }, null],
    ['a title given outright', { title: 'Pier: the sale', text: 'Pier sold at last\n\nThe board said…' }, { title: 'Pier: the sale' }],
  ]
  for (const [what, input, wanted] of table)
    it(`corrects ${wanted ? 'the stored facts' : 'nothing'} for ${what}`, () => {
      expect(newFacts(stored, input)).to.deep.equal(wanted)
    })
})
