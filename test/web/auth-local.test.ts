// No users (the laptop): the local user writes, but only from this site's own pages. Every POST form is refused
// without its token or from another site, and a name pointed at 127.0.0.1 by another site is turned away.

import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { expect } from 'chai'
import type { Express } from 'express'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { snapshot, twoArticles } from './claims-fixture.js'
import { jobPage } from './ingest-job.js'
import { formTokenIn } from './poster.js'

const C1 = '/claims/harbour%3Ac1'
const ARTICLE = { text: 'The harbour board denied that the pier was sold, its spokesperson Tom Reyes said on Tuesday.', date: '2025-03-05' }

/** Every POST form of the pages, as its page sends it, with `extra` fields. */
const send: Record<string, (agent: ReturnType<typeof request.agent>, extra: Record<string, string>) => request.Test> = {
  'the review form': (a, extra) =>
    a
      .post(`${C1}/review`)
      .type('form')
      .send({ verdict: 'False', by: 'Jo', ...extra }),
  'the merge form': (a, extra) =>
    a
      .post('/claims/harbour%3Ac2/merge')
      .type('form')
      .send({ into: 'harbour:c1', by: 'Jo', ...extra }),
  'a correction form': (a, extra) =>
    a
      .post(`${C1}/statements/harbour%3As3`)
      .type('form')
      .send({ action: 'split-statement', by: 'Jo', ...extra }),
  'the ingest form': (a, extra) =>
    Object.entries(extra)
      .reduce((t, [k, v]) => t.field(k, v), a.post('/articles'))
      .field('text', ARTICLE.text),
}

/** An ingest runs on after its 303: wait for its summary, so the store is not removed under it. */
async function settled(browser: ReturnType<typeof request.agent>, location: string): Promise<void> {
  if (location.startsWith('/ingest/')) await jobPage(browser, location)
}

describe('no users: the local user writes, from this site only', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: Express
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
  })
  afterEach(() => fixture.cleanup())

  it('every POST form on the pages carries a form token', async () => {
    const pages = ['/articles/new', C1]
    let forms = 0
    for (const path of pages) {
      const html = (await request(app).get(path).expect(200)).text
      for (const form of html.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? []) {
        forms++
        expect(form, form.slice(0, 80)).to.match(/<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}">/)
      }
    }
    // the ingest form, the review form, six correction forms per statement (one a correction, so that Enter sends
    // the one its field is in; no stored claim is like this one, so no merge button: claims-merge.test.ts has them)
    expect(forms).to.equal(1 + 1 + 3 * 6)
  })

  for (const name of Object.keys(send)) {
    it(`${name}: refused (403) with no token, a wrong one, another browser's, or from another site; accepted from its page`, async () => {
      const browser = request.agent(app)
      const token = formTokenIn((await browser.get(C1).expect(200)).text)
      const other = request.agent(app)
      const othersToken = formTokenIn((await other.get(C1).expect(200)).text)
      const before = await snapshot(fixture.store)
      const refusals: Array<[string, request.Test]> = [
        ['no token', send[name](browser, {})],
        ['a wrong token', send[name](browser, { _csrf: 'x'.repeat(43) })],
        ["another browser's token", send[name](browser, { _csrf: othersToken })],
        ['the token without its cookie', send[name](request.agent(app), { _csrf: token })],
        ['a foreign Origin', send[name](browser, { _csrf: token }).set('Origin', 'http://evil.example')],
        ['Origin: null', send[name](browser, { _csrf: token }).set('Origin', 'null')],
        ['Sec-Fetch-Site: same-site', send[name](browser, { _csrf: token }).set('Sec-Fetch-Site', 'same-site')],
      ]
      for (const [what, sent] of refusals) expect((await sent).status, what).to.equal(403)
      expect(await snapshot(fixture.store)).to.equal(before)
      const done = await send[name](browser, { _csrf: token }).set('Sec-Fetch-Site', 'same-origin')
      expect(done.status).to.equal(303)
      await settled(browser, done.headers.location)
    })
  }

  it("a local script may POST JSON to the API with no token; with a browser's Origin or a text/plain body it may not", async () => {
    await request(app).post('/api/articles').send(ARTICLE).expect(201)
    const before = await snapshot(fixture.store)
    const foreign = await request(app)
      .post('/api/articles')
      .set('Origin', 'http://evil.example')
      .send({ ...ARTICLE, text: `${ARTICLE.text} 1` })
      .expect(403)
    expect(foreign.body.error).to.match(/came from another site/)
    // a form on another page can send text/plain without a preflight; it never counts as the script's JSON
    await request(app).post('/api/articles').set('Content-Type', 'text/plain').send(JSON.stringify(ARTICLE)).expect(403)
    // a browser's fetch from a page carries Sec-Fetch-Site even when same-origin: it needs the token too
    await request(app)
      .post('/api/articles')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ ...ARTICLE, text: `${ARTICLE.text} 2` })
      .expect(403)
    expect(await snapshot(fixture.store)).to.equal(before)
  })

  it('answers only to a loopback name: a foreign Host (DNS rebinding) is refused, even for reading', async () => {
    const server = app.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = server.address() as AddressInfo
    try {
      const res = await request(server).get('/').set('Host', `evil.example:${port}`).expect(400)
      expect(res.text).to.include('is not a name of this server')
      await request(server).post('/api/articles').set('Host', 'evil.example').send(ARTICLE).expect(400)
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])
        await request(server).get('/').set('Host', host).expect(200)
    } finally {
      server.close()
    }
  })

  it('the sign-in page says there are no users and how to add one', async () => {
    const html = (await request(app).get('/login').expect(200)).text
    expect(html).to.include('<code>npx claimtrail users add NAME</code>')
    expect(html).not.to.include('name="password"')
  })
})

describe('write limits', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  beforeEach(async () => (fixture = await twoArticles()))
  afterEach(() => fixture.cleanup())

  it('past the limit a write gets 429 saying why and what to do, and changes nothing; reading goes on', async () => {
    const app = createApp({ store: fixture.store, access: { writeLimit: 3 } })
    for (let i = 1; i <= 3; i++)
      await request(app)
        .post('/api/articles')
        .send({ ...ARTICLE, text: `${ARTICLE.text} (${i})` })
        .expect(201)
    const before = await snapshot(fixture.store)
    const refused = await request(app)
      .post('/api/articles')
      .send({ ...ARTICLE, text: `${ARTICLE.text} (4)` })
      .expect(429)
    expect(refused.body.error).to.match(/^Too many changes: this server takes 3 a minute from one user or address/)
    expect(refused.headers['ratelimit-policy']).to.match(/^"3-in-1min"; q=3; w=60/)
    expect(refused.headers.ratelimit).to.match(/^"3-in-1min"; r=0; t=\d+/)
    const browser = request.agent(app)
    const token = formTokenIn((await browser.get(C1).expect(200)).text)
    const page = await browser.post(`${C1}/review`).type('form').send({ verdict: 'False', by: 'Jo', _csrf: token }).expect(429)
    expect(page.text).to.include('<h1>Too many changes</h1>')
    expect(await snapshot(fixture.store)).to.equal(before)
  })

  it('the default takes 250 writes at once from one client (the concurrency test sends 200 articles and reviews)', async () => {
    const app = createApp({ store: fixture.store })
    // Empty bodies: refused (400) by the API, but each counted by the limit as a write.
    const answers = await Promise.all(Array.from({ length: 250 }, () => request(app).post('/api/articles').send({})))
    expect(answers.map((a) => a.status).filter((s) => s !== 400)).to.deep.equal([])
  })
})
