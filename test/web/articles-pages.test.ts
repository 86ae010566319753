import { expect } from 'chai'
import request from 'supertest'
import type { Extraction } from '../../src/pipeline/types.js'
import type { ArticleInput } from '../../src/store/schema.js'
import { createApp } from '../../src/web/app.js'
import { articleSegments } from '../../src/web/article-page.js'
import { PAGE_SIZE } from '../../src/web/articles.js'
import { HARBOUR, HARBOUR_ARTICLE, harbourExtraction, spanOf, statementOf, storeWith } from './fixture.js'

describe('GET /articles — the articles list', () => {
  it('on an empty store, says how to add the first article', async () => {
    const { store, cleanup } = await storeWith([])
    try {
      const res = await request(createApp({ store })).get('/articles').expect(200)
      expect(res.text).to.include('No articles yet. <a href="/articles/new">Add your first article</a>')
      expect(res.text).to.include('<p class="lede">Every stored article')
      expect(res.text).not.to.include('<table')
    } finally {
      await cleanup()
    }
  })

  it('lists title, outlet, date and the number of statements, linked to the article', async () => {
    const { store, cleanup } = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
    try {
      const res = await request(createApp({ store })).get('/articles').expect(200)
      const row = res.text.split('<tbody>')[1]
      expect(row).to.include('<a href="/articles/harbour">Harbour board to sell the old ferry pier</a>')
      expect(row).to.include('<td class="outlet">The Gazette</td>')
      expect(row).to.include('<time datetime="2025-03-05">2025-03-05</time>')
      expect(row).to.include('<td class="count">4</td>')
    } finally {
      await cleanup()
    }
  })

  it('pages through many articles, newest first, and refuses a page that is not there', async () => {
    const many = Array.from({ length: PAGE_SIZE + 1 }, (_, i): [ArticleInput, Extraction] => [
      {
        id: `a${i}`,
        text: `Story number ${i}.`,
        title: `Story ${i}`,
        outlet: 'Wire',
        url: null,
        published: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      },
      { statements: [], claims: [] },
    ])
    const { store, cleanup } = await storeWith(many)
    try {
      const app = createApp({ store })
      const first = await request(app).get('/articles').expect(200)
      expect(first.text.match(/<tr>/g)).to.have.length(PAGE_SIZE + 1) // the header row, then one per article
      expect(first.text).to.include('page 1 of 2')
      expect(first.text).to.include('<a rel="next" href="/articles?page=2">')
      expect(first.text.indexOf('2024-01-28')).to.be.lessThan(first.text.indexOf('2024-01-01'))
      const second = await request(app).get('/articles?page=2').expect(200)
      expect(second.text.match(/<tr>/g)).to.have.length(2)
      expect(second.text).to.include('<a rel="prev" href="/articles?page=1">')
      await request(app).get('/articles?page=3').expect(404)
      const bad = await request(app).get('/articles?page=two').expect(400)
      expect(bad.text).to.include('The page number must be a whole number from 1')
    } finally {
      await cleanup()
    }
  })
})

describe('GET /articles/:id — an article with its statements marked', () => {
  it('shows the whole text, each content, cue and speaker marked and linked to its statement on its claim page', async () => {
    const { store, cleanup } = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
    try {
      const res = await request(createApp({ store })).get('/articles/harbour').expect(200)
      expect(res.text).to.include('<h1>Harbour board to sell the old ferry pier</h1>')
      expect(res.text).to.include('<p class="lede">The article as stored')
      expect(res.text).to.include('4 statements on 2 claims')
      const [ruiz] = (await store.statements()).filter((s) => s.speaker?.name === 'Ana Ruiz')
      const link = `<a class="statement-link" href="/claims/harbour%3Ac1#statement-${ruiz.id}"`
      expect(res.text).to.include(
        `${link} title="Ana Ruiz asserts: open this statement on its claim&#39;s page"><mark class="content">The pier will be sold before the summer,</mark></a>`,
      )
      expect(res.text).to.include(
        `${link} title="Ana Ruiz asserts: open this statement on its claim&#39;s page"><mark class="speaker">Mayor Ana Ruiz</mark></a>`,
      )
      expect(res.text).to.include('<mark class="cue">told</mark>')
      expect(res.text).to.match(
        /href="\/claims\/harbour%3Ac2#statement-harbour:s\d+"[^>]*><mark class="content">no offer was on the table<\/mark>/,
      )
      // The claim page gives each statement the id the link points at.
      const claim = await request(createApp({ store })).get('/claims/harbour%3Ac1').expect(200)
      expect(claim.text).to.include(`id="statement-${ruiz.id}"`)
    } finally {
      await cleanup()
    }
  })

  it('prints untrusted article text escaped, inside and outside the marks', async () => {
    const text = 'Evil <script>alert(1)</script> corp said "<b>we</b> & they" were <img src=x onerror=alert(2)> fine.'
    const extraction = {
      claims: [{ id: 'c1', text: 'we and they' }],
      statements: [statementOf({ stance: 'assert', claim: 'c1', content: [spanOf(text, '<b>we</b> & they')], cue: spanOf(text, 'said') })],
    }
    const { store, cleanup } = await storeWith([
      [{ id: 'evil', text, title: '<i>Headline</i>', outlet: null, url: 'javascript:alert(3)', published: null }, extraction],
    ])
    try {
      const res = await request(createApp({ store })).get('/articles/evil').expect(200)
      expect(res.text).not.to.include('<script>alert')
      expect(res.text).not.to.include('<img src=x')
      expect(res.text).not.to.include('<b>we')
      expect(res.text).not.to.include('javascript:')
      expect(res.text).to.include('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(res.text).to.include('<mark class="content">&lt;b&gt;we&lt;/b&gt; &amp; they</mark>')
      expect(res.text).to.include('<h1>&lt;i&gt;Headline&lt;/i&gt;</h1>')
    } finally {
      await cleanup()
    }
  })

  it('answers 404 for an article that is not stored', async () => {
    const { store, cleanup } = await storeWith([])
    try {
      const res = await request(createApp({ store })).get('/articles/nope').expect(404)
      expect(res.text).to.include('There is no article &#34;nope&#34;. Every stored article is listed at /articles.')
    } finally {
      await cleanup()
    }
  })
})

describe('articleSegments', () => {
  it('cuts the text into pieces that join back into it, each statement its own link', () => {
    const statements = harbourExtraction().statements.map((s, i) => ({
      ...s,
      id: `harbour:s${i + 1}`,
      articleId: 'harbour',
      speakerId: null,
    }))
    const segments = articleSegments({ text: HARBOUR }, statements)
    expect(segments.map((s) => s.text).join('')).to.equal(HARBOUR)
    const quote = segments.filter((s) => s.statement?.href.endsWith('#statement-harbour:s2'))
    expect(quote.map((s) => [s.mark, s.text])).to.deep.equal([
      ['content', 'The pier will be sold before the summer,'],
      ['speaker', 'Mayor Ana Ruiz'],
      ['cue', 'told'],
      ['content', 'We have no other choice.'],
    ])
  })

  it('leaves out statements a reviewer rejected', () => {
    const statements = harbourExtraction().statements.map((s, i) => ({
      ...s,
      id: `s${i}`,
      articleId: 'harbour',
      speakerId: null,
      rejected: { by: 'ed', at: '2025-01-01', reason: 'not a quote' },
    }))
    expect(articleSegments({ text: HARBOUR }, statements)).to.deep.equal([{ text: HARBOUR, mark: null, statement: null }])
  })
})
