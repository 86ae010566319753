import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'

describe('GET /claims/:id — the claim page', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let page: string
  before(async () => {
    fixture = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
    page = (
      await request(createApp({ store: fixture.store }))
        .get('/claims/harbour:c1')
        .expect(200)
    ).text
  })
  after(() => fixture.cleanup())

  const statement = (id: string) => page.split(`id="statement-${id}"`)[1].split('</li>')[0]

  it('names the claim and says what the page shows', () => {
    expect(page).to.include('<h1 class="claim-text">The harbour board has agreed to sell the old ferry pier</h1>')
    expect(page).to.include('Every statement that asserts or denies this claim')
  })

  it('shows each statement with speaker, role, stance, kind, cue, date, outlet and article', () => {
    const ruiz = statement('harbour:s2')
    expect(ruiz).to.include('<strong class="name">Ana Ruiz</strong>, <span class="role">mayor</span>')
    expect(ruiz).to.include('<span class="stance">asserted</span>')
    expect(ruiz).to.include('direct statement · cue “told”')
    expect(ruiz).to.include('<time datetime="2025-03-04">2025-03-04</time> (“on Tuesday”)')
    expect(ruiz).to.include('to the Gazette')
    expect(ruiz).to.include('<span class="outlet">The Gazette</span>')
    expect(ruiz).to.include(
      '<a href="https://gazette.example/harbour-pier" rel="noopener noreferrer">Harbour board to sell the old ferry pier</a>',
    )
    expect(statement('harbour:s3')).to.include('<span class="stance">denied</span>')
    expect(statement('harbour:s1')).to.include('<span class="flag">anonymous source</span>')
  })

  it('highlights the content, cue and speaker mention in the whole source sentences', () => {
    expect(statement('harbour:s2')).to.include(
      '<blockquote class="passage">&#34;<mark class="content">The pier will be sold before the summer,</mark>&#34; ' +
        '<mark class="speaker">Mayor Ana Ruiz</mark> <mark class="cue">told</mark> the Gazette on Tuesday. ' +
        '&#34;<mark class="content">We have no other choice.</mark>&#34;</blockquote>',
    )
    expect(statement('harbour:s3')).to.include(
      '<blockquote class="passage"><mark class="speaker">The board</mark> <mark class="cue">denied</mark> that ' +
        '<mark class="content">any sale had been agreed</mark>.</blockquote>',
    )
  })

  it('keeps out statements of other claims', () => {
    expect(page).not.to.include('Tom Reyes')
    expect(page).not.to.include('no offer was on the table')
  })

  it("links to a download of just this claim's statements", () => {
    expect(page).to.include('href="/export/statements.csv?claim=harbour%3Ac1"')
  })
})

describe('GET /claims/:id for a claim not stored', () => {
  it('answers with the 404 page, not a stack trace', async () => {
    const { store, cleanup } = await storeWith([])
    try {
      const res = await request(createApp({ store }))
        .get('/claims/no-such-claim')
        .expect(404)
        .expect('Content-Type', /text\/html/)
      expect(res.text).to.include('<h1>Not found</h1>')
      expect(res.text).to.include('There is no claim &#34;no-such-claim&#34;.')
      expect(res.text).not.to.include('class="stack"')
    } finally {
      await cleanup()
    }
  })
})
