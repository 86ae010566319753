// The reviewer's desk, lists: every listed content with the sentence it came from, the claims list's rarer
// filters folded under one line, and a skip link to what the page is for.
import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { twoArticles } from './claims-fixture.js'

/** The "In the article:" sentences a page shows, tags stripped. */
const sentences = (html: string) =>
  [...html.matchAll(/<p class="sentence">([\s\S]*?)<\/p>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )

describe("The reviewer's desk: lists", () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  before(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
  })
  after(() => fixture.cleanup())

  describe('the sentence beside each content', () => {
    it('shows each claim of the list with the sentence its text came from, the content marked', async () => {
      const res = await request(app).get('/claims?outlet=The+Courier').expect(200)
      expect(sentences(res.text)).to.include.members([
        'In the article: The council will pay for a new ferry next year, Ruiz said on Monday.',
        'In the article: A senior official said the mayor plans to step down in the autumn.',
      ])
      expect(res.text).to.include('<mark class="content">the mayor plans to step down in the autumn</mark>')
    })

    it('shows a search result with its sentence', async () => {
      const res = await request(app).get('/search?q=ferry+next+year').expect(200)
      expect(sentences(res.text)).to.deep.equal(['In the article: The council will pay for a new ferry next year, Ruiz said on Monday.'])
    })

    it("shows each of a speaker's quotes with its sentence", async () => {
      const list = await request(app).get('/search?q=ferry+next+year').expect(200)
      const speaker = /href="(\/speakers\/[^"]+)"/.exec(list.text)![1]
      const res = await request(app).get(speaker).expect(200)
      expect(sentences(res.text)).to.have.members([
        'In the article: The council will pay for a new ferry next year, Ruiz said on Monday.',
        'In the article: &#34;The pier will be sold before the summer,&#34; Mayor Ana Ruiz told the Gazette on Tuesday. &#34;We have no other choice.&#34;',
      ])
    })

    it('shows no sentence where a search finds nothing', async () => {
      const res = await request(app).get('/search?q=zeppelin').expect(200)
      expect(sentences(res.text)).to.deep.equal([])
    })
  })

  describe('filters on one line', () => {
    it('keeps speaker, stance and sort on the line and folds the rest, closed, under "More filters"', async () => {
      const res = await request(app).get('/claims').expect(200)
      const line = res.text.slice(res.text.indexOf('<div class="line">'), res.text.indexOf('<details class="more"'))
      for (const name of ['speaker', 'stance', 'sort']) expect(line).to.include(`name="${name}"`)
      for (const name of ['type', 'outlet', 'from', 'to', 'review', 'denied', 'anonymous']) expect(line).not.to.include(`name="${name}"`)
      expect(res.text).to.include('<details class="more">')
      expect(res.text).to.include('<summary>More filters</summary>')
    })

    it('opens "More filters" and counts them when one of them is set, but not for a speaker alone', async () => {
      const opened = await request(app).get('/claims?outlet=The+Courier&denied=1').expect(200)
      expect(opened.text).to.include('<details class="more" open>')
      expect(opened.text).to.include('<summary>More filters (2 set)</summary>')
      const speaker = await request(app).get('/claims?speaker=Ruiz').expect(200)
      expect(speaker.text).to.include('<details class="more">')
    })

    it('keeps one form, so Enter in any field sends every filter', async () => {
      const res = await request(app).get('/claims').expect(200)
      expect(res.text.match(/<form /g)).to.have.length(1)
    })
  })

  describe('the skip link', () => {
    it('skips to the claims on the list, and to the content elsewhere', async () => {
      const list = await request(app).get('/claims').expect(200)
      expect(list.text).to.match(/<body>\s*<a class="skip" href="#claims">Skip to the claims<\/a>/)
      expect(list.text).to.include('<ol class="claims" id="claims" tabindex="-1">')
      const speakers = await request(app).get('/speakers').expect(200)
      expect(speakers.text).to.match(/<body>\s*<a class="skip" href="#main">Skip to the content<\/a>/)
      expect(speakers.text).to.include('<main id="main" tabindex="-1">')
    })
  })
})
