import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'
import { MINISTRY_ARTICLE, ministryExtraction } from './speakers-fixture.js'

describe('speakers pages', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let app: ReturnType<typeof createApp>
  before(async () => {
    fixture = await storeWith([
      [HARBOUR_ARTICLE, harbourExtraction()],
      [MINISTRY_ARTICLE, ministryExtraction()],
    ])
    app = createApp({ store: fixture.store })
  })
  after(() => fixture.cleanup())

  describe('GET /speakers', () => {
    it('lists every speaker, the most quoted first, with counts, type and role', async () => {
      const res = await request(app).get('/speakers').expect(200)
      expect(res.text).to.include('Everyone the stored articles quote')
      const rows = res.text.split('<tr>').slice(2)
      expect(rows).to.have.length(5)
      expect(rows[0]).to.include('href="/speakers/zhao-lijian">Zhao Lijian</a>')
      expect(rows[0]).to.include('Chinese Foreign Ministry spokesperson')
      expect(rows[0].match(/<td class="n" data-label="[a-z]+">(\d+)<\/td>/g)).to.deep.equal([
        '<td class="n" data-label="statements">3</td>',
        '<td class="n" data-label="claims">3</td>',
        '<td class="n" data-label="asserted">2</td>',
        '<td class="n" data-label="denied">1</td>',
      ])
      const councillors = rows.find((row) => row.includes('two councillors'))!
      expect(councillors).to.include('<span class="flag">anonymous source</span>')
    })

    it('finds a speaker by a name it was only written with: "Zhao", "Mayor"', async () => {
      const zhao = await request(app).get('/speakers?q=Zhao').expect(200)
      expect(zhao.text).to.include('1 speaker answering to “Zhao”')
      expect(zhao.text).to.include('Zhao Lijian</a>')
      expect(zhao.text).not.to.include('Ana Ruiz')
      const mayor = await request(app).get('/speakers?q=mayor').expect(200)
      expect(mayor.text).to.include('Ana Ruiz</a>')
      expect(mayor.text).not.to.include('Tom Reyes')
      const nobody = await request(app).get('/speakers?q=Nobody+Here').expect(200)
      expect(nobody.text).to.include('No speaker goes by “Nobody Here”')
    })

    it('pages, keeping the search', async () => {
      const first = await request(app).get('/speakers?per=2').expect(200)
      expect(first.text).to.include('page 1 of 3')
      expect(first.text).to.include('href="?per=2&amp;page=2"')
      const last = await request(app).get('/speakers?per=2&page=3').expect(200)
      expect(last.text.split('<tr>').slice(2)).to.have.length(1)
      await request(app).get('/speakers?page=0').expect(400)
    })
  })

  describe('GET /speakers/:id', () => {
    it('shows every quote with stance, date at its precision, outlet, article and claim link', async () => {
      const res = await request(app).get('/speakers/zhao-lijian').expect(200)
      expect(res.text).to.include('Every statement the stored articles attribute to Zhao Lijian')
      expect(res.text.split('<li class="quote').length - 1).to.equal(3)
      expect(res.text).to.include('<time datetime="2024-06-03">2024-06-03</time>')
      expect(res.text).to.include('<time datetime="2024-06">June 2024</time>')
      expect(res.text).to.include('published <time datetime="2025-07-01">2025-07-01</time>')
      expect(res.text).to.include('href="/claims/ministry%3Ac2">its claim</a>')
      expect(res.text).to.include('Wire &lt;b&gt;Service&lt;/b&gt;')
      // the javascript: address is not a link
      expect(res.text).not.to.include('href="javascript:')
      expect(res.text).to.include('&lt;script&gt;alert(1)&lt;/script&gt; is not our policy')
      expect(res.text).not.to.include('<script>')
    })

    it('lists roles with when they were seen, and the other names', async () => {
      const res = await request(app).get('/speakers/zhao-lijian').expect(200)
      expect(res.text).to.match(/Chinese Foreign Ministry spokesperson <span class="meta">\(seen <time datetime="2025-07-01">/)
      expect(res.text).to.include('<li>Zhao</li>')
    })

    it('draws statements over time as inline SVG, with no style attribute', async () => {
      const res = await request(app).get('/speakers/zhao-lijian').expect(200)
      const svg = res.text.slice(res.text.indexOf('<svg'), res.text.indexOf('</svg>'))
      expect(svg).to.include('Statements per month, 2024-06 to 2025-07')
      expect(svg.match(/<rect class="bar-asserted"/g)).to.have.length(2)
      expect(svg.match(/<rect class="bar-denied"/g)).to.have.length(1)
      expect(svg).to.include('<title>2024-06: 1 denied</title>')
      expect(res.text).not.to.match(/ style=/)
    })

    it('filters by stance and date range', async () => {
      const denials = await request(app).get('/speakers/zhao-lijian?stance=deny').expect(200)
      expect(denials.text.split('<li class="quote').length - 1).to.equal(1)
      expect(denials.text).to.include('any loan had been offered')
      expect(denials.text).to.include('<option value="deny" selected>')
      const june = await request(app).get('/speakers/zhao-lijian?from=2024-06-02&to=2024-12-31').expect(200)
      expect(june.text.split('<li class="quote').length - 1).to.equal(1)
      expect(june.text).to.include('the ferry report was a fabrication')
      expect(june.text).to.include('Quotes (1 of 3)')
      const bad = await request(app).get('/speakers/zhao-lijian?from=2024-13-01').expect(400)
      expect(bad.text).to.include('is not a date: write it as yyyy-MM-dd')
      await request(app).get('/speakers/zhao-lijian?stance=shout').expect(400)
    })

    it('answers an unknown speaker with a 404 page', async () => {
      const res = await request(app).get('/speakers/nobody').expect(404)
      expect(res.text).to.include('There is no speaker &#34;nobody&#34;')
    })
  })

  describe('GET /speakers/:id/quotes.csv', () => {
    it('downloads just the quotes the page shows, filters kept', async () => {
      const page = await request(app).get('/speakers/zhao-lijian?stance=assert').expect(200)
      expect(page.text).to.include('href="/speakers/zhao-lijian/quotes.csv?stance=assert"')
      const all = await request(app)
        .get('/speakers/zhao-lijian/quotes.csv')
        .expect(200)
        .expect('Content-Type', /text\/csv/)
      expect(all.headers['content-disposition']).to.include('claimtrail-quotes-zhao-lijian.csv')
      const rows = all.text.trim().split('\r\n')
      expect(rows).to.have.length(4)
      expect(rows.slice(1).every((row) => row.includes('Zhao Lijian'))).to.equal(true)
      const asserts = await request(app).get('/speakers/zhao-lijian/quotes.csv?stance=assert').expect(200)
      const assertRows = parse(asserts.text, { bom: true, columns: true }) as Array<Record<string, string>>
      expect(assertRows).to.have.length(2)
      expect(assertRows.map((row) => row.stance)).to.deep.equal(['assert', 'assert'])
      expect(assertRows.map((row) => row.content).join('\n')).not.to.include('any loan had been offered')
    })
  })
})
