import { expect } from 'chai'
import request from 'supertest'
import type { Extraction } from '../../src/pipeline/types.js'
import { createApp } from '../../src/web/app.js'
import { listedIds, twoArticles } from './claims-fixture.js'
import { spanOf, speakerOf, statementOf, storeWith } from './fixture.js'

describe('GET /claims — filters, sorting, paging', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  before(async () => {
    fixture = await twoArticles()
    await fixture.store.decide({ action: 'review-claim', claim: 'harbour:c2', verdict: 'False', note: '' }, 'Jo')
    app = createApp({ store: fixture.store })
  })
  after(() => fixture.cleanup())

  const ids = async (query: string) => listedIds((await request(app).get(`/claims${query}`).expect(200)).text).sort()

  it('shows every claim without filters, on / and /claims alike', async () => {
    expect(await ids('')).to.deep.equal(['ferry:c1', 'ferry:c2', 'harbour:c1', 'harbour:c2'])
    expect(listedIds((await request(app).get('/').expect(200)).text)).to.have.length(4)
  })

  const cases: Array<[string, string, string[]]> = [
    ['a speaker by surname, across articles', '?speaker=Ruiz', ['ferry:c1', 'harbour:c1']],
    ['a speaker by full name', '?speaker=Tom+Reyes', ['harbour:c2']],
    ['a speaker type', '?type=anonymous', ['ferry:c2', 'harbour:c1']],
    ['only anonymous support', '?anonymous=1', ['ferry:c2']],
    ['a stance', '?stance=deny', ['harbour:c1', 'harbour:c2']],
    ['a speaker and a stance in one statement', '?speaker=Ruiz&stance=deny', []],
    ['an outlet', '?outlet=The+Courier', ['ferry:c1', 'ferry:c2']],
    ['a date from', '?from=2025-04-01', ['ferry:c1', 'ferry:c2']],
    ["a date to (an undated statement counts on its article's date)", '?to=2025-03-31', ['harbour:c1', 'harbour:c2']],
    ['a date range of one day', '?from=2025-03-04&to=2025-03-04', ['harbour:c1']],
    ['reviewed', '?review=reviewed', ['harbour:c2']],
    ['not reviewed', '?review=unreviewed', ['ferry:c1', 'ferry:c2', 'harbour:c1']],
    ['a verdict', '?review=False', ['harbour:c2']],
    ['has a denial', '?denied=1', ['harbour:c1', 'harbour:c2']],
    [
      'blank fields, as a form sends them',
      '?speaker=&type=&stance=&outlet=&from=&to=&review=',
      ['ferry:c1', 'ferry:c2', 'harbour:c1', 'harbour:c2'],
    ],
  ]
  for (const [what, query, expected] of cases) {
    it(`narrows to ${what} (${query})`, async () => {
      expect(await ids(query)).to.deep.equal(expected)
    })
  }

  it('keeps the chosen filters in the form', async () => {
    const html = (await request(app).get('/claims?speaker=Ruiz&stance=assert&denied=1').expect(200)).text
    expect(html).to.include('name="speaker" value="Ruiz"')
    expect(html).to.include('<option value="assert" selected>')
    expect(html).to.match(/name="denied" value="1" checked/)
    expect(listedIds(html)).to.deep.equal(['harbour:c1'])
    expect(html).to.include('Claims 1–1 of 1 matching (4 in all)')
  })

  it('sorts by most statements, latest and first', async () => {
    const order = async (q: string) => listedIds((await request(app).get(`/claims${q}`).expect(200)).text)
    expect((await order('?sort=statements'))[0]).to.equal('harbour:c1')
    expect(await order('?sort=latest')).to.deep.equal(['ferry:c2', 'ferry:c1', 'harbour:c1', 'harbour:c2'])
    expect(await order('?sort=first')).to.deep.equal(['harbour:c1', 'harbour:c2', 'ferry:c1', 'ferry:c2'])
  })

  it('shows review status, counts and dates per claim', async () => {
    const html = (await request(app).get('/claims').expect(200)).text
    const reyes = html.split('<li class="claim">').find((li) => li.includes('harbour%3Ac2'))!
    expect(reyes).to.include('reviewed: <strong class="verdict">False</strong>')
    const pier = html.split('<li class="claim">').find((li) => li.includes('harbour%3Ac1"'))!
    expect(pier).to.include('3 statements in 1 article')
    expect(pier).to.include('not reviewed yet')
  })

  it('links the CSV downloads of this view with the same filters', async () => {
    const html = (await request(app).get('/claims?stance=deny&sort=first').expect(200)).text
    expect(html).to.include('href="/export/claims.csv?stance=deny&amp;sort=first"')
    expect(html).to.include('href="/export/statements.csv?stance=deny&amp;sort=first"')
  })

  const bad: Array<[string, string]> = [
    ['?sort=alphabetical', 'Sort &#34;alphabetical&#34; is not one of latest, first, statements, articles'],
    ['?type=alien', 'Speaker type &#34;alien&#34; is not one of'],
    ['?stance=maybe', 'Stance &#34;maybe&#34; is not one of'],
    // Names every object has are not stances or sorts.
    ['?stance=constructor', 'Stance &#34;constructor&#34; is not one of'],
    ['?sort=toString', 'Sort &#34;toString&#34; is not one of'],
    ['?from=yesterday', '&#34;from&#34; must be a date written YYYY-MM-DD'],
    ['?from=2025-05-01&to=2025-04-01', 'The date range runs backwards'],
    ['?page=0', 'Page &#34;0&#34; is not a page number'],
    ['?speaker=a&speaker=b', 'Give &#34;speaker&#34; once at most'],
  ]
  for (const [query, message] of bad) {
    it(`answers ${query} with a 400 page that names the problem`, async () => {
      const res = await request(app).get(`/claims${query}`).expect(400)
      expect(res.text).to.include(message)
    })
  }
})

describe('GET /claims — the CSV of a filtered view', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  before(async () => {
    fixture = await twoArticles()
  })
  after(() => fixture.cleanup())

  it('/export/claims.csv gives one row per claim of the view', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/export/claims.csv?stance=deny')
      .expect(200)
    expect(res.headers['content-type']).to.match(/^text\/csv/)
    const rows = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(rows[0]).to.match(/^claim_id,claim_text,statements/)
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[0])
        .sort(),
    ).to.deep.equal(['harbour:c1', 'harbour:c2'])
  })

  it('/export/statements.csv with filters gives the statements of those claims only', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/export/statements.csv?outlet=The+Courier')
      .expect(200)
    const rows = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
    expect(rows.map((r) => r.split(',')[0]).sort()).to.deep.equal(['ferry:s1', 'ferry:s2'])
  })

  it('without filters still gives every statement', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/export/statements.csv')
      .expect(200)
    expect(res.text.trim().split('\r\n')).to.have.length(7)
  })

  it('refuses a bad filter with 400', async () => {
    await request(createApp({ store: fixture.store }))
      .get('/export/claims.csv?sort=nope')
      .expect(400)
  })
})

describe('GET /claims — paging', () => {
  const N = 55
  const text = Array.from({ length: N }, (_, i) => `Item ${i + 1} is ready, Ana Ruiz said.`).join(' ')
  const extraction: Extraction = {
    claims: Array.from({ length: N }, (_, i) => ({ id: `c${i + 1}`, text: `Item ${i + 1} is ready` })),
    statements: Array.from({ length: N }, (_, i) =>
      statementOf({
        stance: 'assert',
        claim: `c${i + 1}`,
        content: [spanOf(text, `Item ${i + 1} is ready`)],
        speaker: { ...speakerOf(text, 'Ana Ruiz', 'Ana Ruiz', 'person'), mention: null },
        date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
        datePrecision: 'day',
      }),
    ),
  }
  let fixture: Awaited<ReturnType<typeof storeWith>>
  before(async () => {
    fixture = await storeWith([
      [{ id: 'items', text, title: 'Items', outlet: 'The Gazette', url: null, published: '2025-02-01' }, extraction],
    ])
  })
  after(() => fixture.cleanup())

  it('shows 50 a page, with a next link that keeps the filters, and the rest on page 2', async () => {
    const app = createApp({ store: fixture.store })
    const first = (await request(app).get('/claims?speaker=Ruiz&sort=first').expect(200)).text
    expect(listedIds(first)).to.have.length(50)
    expect(first).to.include('Claims 1–50 of 55 matching')
    const next = first.match(/<a rel="next" href="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&')
    expect(next).to.equal('/claims?speaker=Ruiz&sort=first&page=2')
    const second = (await request(app).get(next!).expect(200)).text
    expect(listedIds(second)).to.have.length(5)
    expect(listedIds([first, second].join('')).length).to.equal(new Set(listedIds(first + second)).size)
    expect(second).to.include('<a rel="prev" href="/claims?speaker=Ruiz&amp;sort=first"')
    expect(second).not.to.include('rel="next"')
  })

  it('says so when a page lies past the last one', async () => {
    const html = (
      await request(createApp({ store: fixture.store }))
        .get('/claims?page=9')
        .expect(200)
    ).text
    expect(html).to.include('There is no page 9')
  })
})

describe('GET /claims on an empty store', () => {
  it('links to the form that adds the first article', async () => {
    const { store, cleanup } = await storeWith([])
    try {
      const html = (await request(createApp({ store })).get('/claims').expect(200)).text
      expect(html).to.include('href="/articles/new"')
      expect(html).not.to.include('<form class="filters"')
    } finally {
      await cleanup()
    }
  })
})
