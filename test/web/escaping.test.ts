// Article text, names, titles and ids come from strangers. Every page must print them as text.
import { expect } from 'chai'
import request from 'supertest'
import type { ArticleInput } from '../../src/store/schema.js'
import { createApp } from '../../src/web/app.js'
import { spanOf, speakerOf, statementOf, storeWith } from './fixture.js'

const SCRIPT = '<script>alert(1)</script>'
const IMG = '"><img src=x onerror=alert(1)>'
const TEXT = `A leaked memo surfaced on Friday. "${SCRIPT} is harmless," said ${IMG}, a consultant.`

const HOSTILE: ArticleInput = {
  id: 'memo"><i>x</i>',
  text: TEXT,
  title: `${SCRIPT} memo`,
  outlet: IMG,
  url: 'javascript:alert(1)',
  published: '2025-04-04',
}
const extraction = {
  claims: [{ id: 'c1', text: `${SCRIPT} is harmless` }],
  statements: [
    statementOf({
      stance: 'assert',
      claim: 'c1',
      kind: 'direct',
      content: [spanOf(TEXT, `${SCRIPT} is harmless,`)],
      cue: spanOf(TEXT, 'said'),
      speaker: speakerOf(TEXT, IMG, IMG, 'person', `<b>${IMG}</b>`),
    }),
  ],
}

describe('hostile article text on the pages', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let list: request.Response
  let claim: request.Response
  before(async () => {
    fixture = await storeWith([[HOSTILE, extraction]])
    const app = createApp({ store: fixture.store })
    list = await request(app).get('/').expect(200)
    const href = list.text.match(/<h2><a href="([^"]+)"/)?.[1]
    expect(href, 'claim link on the list').to.be.a('string')
    claim = await request(app).get(href!).expect(200)
  })
  after(() => fixture.cleanup())

  for (const page of ['list', 'claim'] as const) {
    it(`the ${page} page prints script tags as text`, () => {
      const html = (page === 'list' ? list : claim).text
      expect(html).not.to.include(SCRIPT)
      expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;')
    })

    it(`the ${page} page prints an attribute break-out in a speaker name as text`, () => {
      const html = (page === 'list' ? list : claim).text
      expect(html).not.to.include('<img')
      expect(html).to.include('&#34;&gt;&lt;img src=x onerror=alert(1)&gt;')
      expect(html).not.to.include('<i>x</i>')
    })
  }

  it('marks the hostile content as text inside the <mark>', () => {
    expect(claim.text).to.include('<mark class="content">&lt;script&gt;alert(1)&lt;/script&gt; is harmless,</mark>')
    expect(claim.text).to.include('<mark class="speaker">&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</mark>')
  })

  it("prints the list's source sentence, made as HTML before the view, as text too", () => {
    const sentence = /<p class="sentence">([\s\S]*?)<\/p>/.exec(list.text)?.[1]
    expect(sentence, 'the list shows the sentence').to.be.a('string')
    expect(sentence).to.include('<mark class="content">&lt;script&gt;alert(1)&lt;/script&gt; is harmless,</mark>')
    expect(sentence).to.include('<mark class="speaker">&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</mark>')
    expect(sentence).not.to.match(/<(?!\/?mark|span|\/span)/)
  })

  it('never links a javascript: url', () => {
    expect(claim.text).not.to.include('javascript:')
    expect(claim.text).to.include('<cite>&lt;script&gt;alert(1)&lt;/script&gt; memo</cite>')
  })

  it('forbids scripts in the browser as a second line of defence', () => {
    expect(claim.headers['content-security-policy']).to.include("default-src 'none'")
    expect(claim.headers['x-content-type-options']).to.equal('nosniff')
  })
})
