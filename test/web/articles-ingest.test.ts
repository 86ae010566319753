import { readFile } from 'node:fs/promises'
import { expect } from 'chai'
import type { Express } from 'express'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { MAX_UPLOAD } from '../../src/web/articles.js'
import type { WebStore } from '../../src/web/web-store.js'
import { storeWith } from './fixture.js'
import { jobPage } from './ingest-job.js'
import { poster } from './poster.js'

const SAMPLE = new URL('../../data/samples/nextshark-russia-china-aid.txt', import.meta.url)

/** Follows an ingest from its POST to the summary, as a browser would through the page's refresh. */
async function summaryOf(app: Express, post: request.Test): Promise<string> {
  const res = await post.expect(303)
  expect(res.headers.location).to.match(/^\/ingest\/[0-9a-f-]{36}$/)
  return jobPage(request(app), res.headers.location)
}

function figure(summary: string, name: string): number {
  const found = summary.match(new RegExp(`<dt>${name}</dt><dd>(\\d+)</dd>`))
  if (!found) throw new Error(`the summary has no "${name}"`)
  return Number(found[1])
}

describe('the ingest form', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let app: Express
  let post: Awaited<ReturnType<typeof poster>>
  beforeEach(async () => {
    fixture = await storeWith([])
    app = createApp({ store: fixture.store })
    post = await poster(app)
  })
  afterEach(() => fixture.cleanup())

  it('GET /articles/new shows the form: text, file, title, outlet, date, url', async () => {
    const res = await request(app).get('/articles/new').expect(200)
    expect(res.text).to.include('<form class="ingest" method="post" action="/articles" enctype="multipart/form-data">')
    for (const name of ['text', 'file', 'title', 'outlet', 'date', 'url']) expect(res.text).to.include(`name="${name}"`)
    expect(res.text).to.include('<p class="lede">Paste an article')
  })

  it('pasted text is extracted and stored as given, and the summary counts what was added', async () => {
    const text = await readFile(SAMPLE, 'utf8')
    const summary = await summaryOf(
      app,
      post('/articles')
        .field('text', text)
        .field('title', 'Russia asked China for aid')
        .field('outlet', 'NextShark')
        .field('date', '2022-03-15')
        .field('url', 'https://nextshark.com/russia-china-aid'),
    )
    expect(figure(summary, 'Articles added')).to.equal(1)
    expect(figure(summary, 'Already stored')).to.equal(0)
    const article = (await fixture.store.article((await fixture.store.articles())[0].id))!
    expect(article).to.include({
      text,
      title: 'Russia asked China for aid',
      outlet: 'NextShark',
      published: '2022-03-15',
      url: 'https://nextshark.com/russia-china-aid',
    })
    const statements = await fixture.store.statements()
    expect(statements.length).to.be.greaterThan(5)
    expect(figure(summary, 'Statements')).to.equal(statements.length)
    expect(figure(summary, 'Claims')).to.equal((await fixture.store.claims()).length)
    expect(summary).to.include(`<a href="/articles/${article.id}">Russia asked China for aid</a>`)
    // The same text again adds nothing.
    const again = await summaryOf(app, post('/articles').field('text', text))
    expect(figure(again, 'Articles added')).to.equal(0)
    expect(figure(again, 'Already stored')).to.equal(1)
    expect(await fixture.store.articles()).to.have.length(1)
  })

  it('a saved .html page is reduced to its main text, and that plain text is what is stored', async () => {
    const page = `<!doctype html><html><head><title>Harbour pier sale - The Gazette</title><script>track()</script></head><body>
      <nav><a href="/">Home</a> · <a href="/news">News</a> · Subscribe now</nav>
      <article><h1>Harbour pier sale</h1>
      <p>The harbour board has agreed to sell the old ferry pier to a hotel group, according to two councillors who spoke on Tuesday.</p>
      <p>&ldquo;The pier will be sold before the summer,&rdquo; Mayor Ana Ruiz told the Gazette. &ldquo;We have no other choice.&rdquo;</p>
      <p>The board denied that any sale had been agreed. Its spokesperson, Tom Reyes, said no offer was on the table.</p></article>
      <footer>© 2025 The Gazette · Share on Facebook</footer></body></html>`
    const summary = await summaryOf(app, post('/articles').attach('file', Buffer.from(page), 'pier.html').field('date', '2025-03-05'))
    expect(figure(summary, 'Articles added')).to.equal(1)
    const article = (await fixture.store.article((await fixture.store.articles())[0].id))!
    expect(article.title).to.equal('Harbour pier sale - The Gazette') // Readability's reading of the page's title
    expect(article.text).to.include('according to two councillors who spoke on Tuesday.\n\n“The pier will be sold')
    for (const debris of ['Subscribe', 'track()', 'Share on Facebook', '<p>']) expect(article.text).not.to.include(debris)
    const statements = await fixture.store.statements()
    for (const s of statements) for (const span of s.content) expect(article.text.slice(span.start, span.end)).to.equal(span.text)
    expect(statements.some((s) => s.speaker?.name === 'Ana Ruiz')).to.equal(true)
  })

  it('a .jsonl upload stores each good line and reports each bad one by its number', async () => {
    const lines = [
      JSON.stringify({
        id: 'pier',
        text: 'The board denied that any sale had been agreed, its spokesperson said.',
        date: '2025-03-05',
        title: 'Pier',
      }),
      '{"text": "no closing brace"',
      '',
      JSON.stringify({ text: 'Ana Ruiz said the pier would be sold before the summer.', date: '5 March' }),
      JSON.stringify({ text: 'Officials said the ferry would run again in May.' }),
      JSON.stringify({ id: 'pier', text: 'The board denied that any sale had been agreed, its spokesperson said.' }),
    ].join('\n')
    const summary = await summaryOf(app, post('/articles').attach('file', Buffer.from(lines), 'batch.jsonl').field('outlet', 'The Gazette'))
    expect(figure(summary, 'Articles added')).to.equal(2)
    expect(figure(summary, 'Already stored')).to.equal(1)
    expect(figure(summary, 'Skipped')).to.equal(2)
    expect(summary).to.include('line 2: not valid JSON')
    expect(summary).to.include('line 4: &#34;date&#34; &#34;5 March&#34; is not a date: write it as yyyy-MM-dd')
    const stored = await fixture.store.articles()
    expect(stored.map((a) => a.outlet)).to.deep.equal(['The Gazette', 'The Gazette'])
    expect((await fixture.store.article('pier'))?.published).to.equal('2025-03-05')
  })

  describe('refuses bad input with a page naming the problem and the fix, storing nothing', () => {
    const refusals: Array<[string, (r: request.Test) => request.Test, number, string]> = [
      ['empty text', (r) => r.field('text', '   \n '), 400, 'There is no article: paste the article&#39;s text'],
      [
        'a bad date',
        (r) => r.field('text', 'Ana Ruiz said the pier was sold.').field('date', '15/03/2022'),
        400,
        'The date &#34;15/03/2022&#34; is not a date: write it as yyyy-MM-dd, e.g. 2022-03-15.',
      ],
      [
        'an impossible date',
        (r) => r.field('text', 'Ana Ruiz said the pier was sold.').field('date', '2022-02-30'),
        400,
        'is not a date: write it as yyyy-MM-dd',
      ],
      [
        'a url that is not a web address',
        (r) => r.field('text', 'Ana Ruiz said so.').field('url', 'javascript:alert(1)'),
        400,
        'is not a web address: give the article&#39;s address starting with https://',
      ],
      [
        'a file of the wrong type',
        (r) => r.attach('file', Buffer.from('%PDF-1.4'), 'story.pdf'),
        400,
        'story.pdf is not a file claimtrail reads: upload a .txt article, a saved .html page, or a .jsonl file',
      ],
      ['a binary .txt', (r) => r.attach('file', Buffer.from([0x50, 0, 0x4b, 3]), 'story.txt'), 400, 'story.txt looks binary, not text'],
      [
        'a .jsonl with no good line',
        (r) => r.attach('file', Buffer.from('{"title": "no text"}\n'), 'none.jsonl'),
        400,
        'none.jsonl holds no article: give one JSON object per line',
      ],
      [
        'both text and a file',
        (r) => r.field('text', 'Ana Ruiz said so.').attach('file', Buffer.from('Tom Reyes said no.'), 'b.txt'),
        400,
        'Both pasted text and a file were given',
      ],
      [
        'a file over the limit',
        (r) => r.attach('file', Buffer.alloc(MAX_UPLOAD + 1, 'a'), 'huge.txt'),
        413,
        'The file or text is larger than 20 MB: split it',
      ],
      [
        'a .txt article over 2 MB',
        (r) => r.attach('file', Buffer.from('word '.repeat(500_000)), 'book.txt'),
        413,
        'book.txt is 2.38MB; claimtrail takes articles of up to 2MB. Split it into parts',
      ],
      [
        'pasted text over 2 MB',
        (r) => r.field('text', 'word '.repeat(500_000)),
        413,
        'The pasted text: the text is 2.38MB; claimtrail takes articles of up to 2MB.',
      ],
      [
        'a title with a control character',
        (r) => r.field('text', 'Ana Ruiz said so.').field('title', 'Pier\u001b[2J sold'),
        400,
        '&#34;title&#34; holds a control character (U+001B)',
      ],
      [
        'a multipart body cut off',
        (r) =>
          r
            .set('Content-Type', 'multipart/form-data; boundary=xyz')
            .send('--xyz\r\nContent-Disposition: form-data; name="text"\r\n\r\nAna said'),
        400,
        'The form could not be read (Unexpected end of form)',
      ],
    ]
    for (const [what, fill, status, message] of refusals) {
      it(`${what} → ${status}`, async () => {
        const res = await fill(post('/articles')).expect(status)
        expect(res.text).to.include('<h2>Nothing was added</h2>')
        expect(res.text).to.include(message)
        expect(res.text).to.include('<form class="ingest"')
        expect(await fixture.store.articles()).to.have.length(0)
      })
    }

    it('keeps what was typed in the form it shows again', async () => {
      const res = await post('/articles')
        .field('text', 'Ana <b>Ruiz</b> said so.')
        .field('outlet', 'The Gazette')
        .field('date', 'yesterday')
        .expect(400)
      expect(res.text).to.include('>Ana &lt;b&gt;Ruiz&lt;/b&gt; said so.</textarea>')
      expect(res.text).to.include('name="outlet" type="text" value="The Gazette"')
    })
  })

  it('an ingest page that does not exist is a 404', async () => {
    const res = await request(app).get('/ingest/no-such-job').expect(404)
    expect(res.text).to.include('There is no ingest')
  })
})

describe('the ingest progress page', () => {
  it('shows "n of m articles" and refreshes itself every second while the work goes on', async () => {
    const { store, cleanup } = await storeWith([])
    // The real store, its filing held back until the test lets it through. Held at addArticles, not at flush():
    // the PostgreSQL store has written the batch when addArticles resolves, the JSON store only at flush().
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const slow: WebStore = Object.assign(Object.create(store) as WebStore, {
      articles: () => store.articles(),
      // A PostgreSQL store's own lookup, called on it: its private fields are not on this stand-in.
      articlesByFingerprint: 'articlesByFingerprint' in store ? (prints: string[]) => store.articlesByFingerprint(prints) : undefined,
      addArticles: async (...args: Parameters<WebStore['addArticles']>) => (await held, store.addArticles(...args)),
      flush: () => store.flush(),
    })
    try {
      const app = createApp({ store: slow })
      const lines = ['Ana Ruiz said the pier was sold.', 'Tom Reyes said no offer was made.', 'The board denied the sale.']
        .map((text) => JSON.stringify({ text }))
        .join('\n')
      const post = await (await poster(app))('/articles').attach('file', Buffer.from(lines), 'three.jsonl').expect(303)
      const waiting = await jobPage(request(app), post.headers.location, (page) => page.includes('3 of 3 articles'))
      expect(waiting).to.include('<meta http-equiv="refresh" content="1">')
      expect(waiting).to.include('<strong>3 of 3 articles</strong>')
      expect(await store.articles()).to.have.length(0)
      release()
      const summary = await jobPage(request(app), post.headers.location)
      expect(summary).to.include('<dt>Articles added</dt><dd>3</dd>')
      expect(await store.articles()).to.have.length(3)
    } finally {
      release()
      await cleanup()
    }
  })
})
