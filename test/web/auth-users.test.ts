// With users: reading public or private, every write needs a signed-in user (with the page's form token) or an
// API token, and a review records who signed in. A real users file, a real store, the real app through supertest.
import { expect } from 'chai'
import type { Express } from 'express'
import request from 'supertest'
import { addUser, issueToken, removeUser, revokeToken } from '../../src/users/users.js'
import { createApp } from '../../src/web/app.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { snapshot, twoArticles } from './claims-fixture.js'
import { formTokenIn } from './poster.js'

const C1 = '/claims/harbour%3Ac1'
const PASSWORD = 'a ferry pier at dawn'
const ARTICLE = { text: 'The harbour board denied that the pier was sold, its spokesperson Tom Reyes said on Tuesday.', date: '2025-03-05' }

const setCookies = (res: request.Response) => (res.headers['set-cookie'] ?? []) as unknown as string[]

/** A browser that signed in through the form; its `token` is the one its pages carry from then on. */
async function signedIn(app: Express, name = 'jo', password = PASSWORD) {
  const agent = request.agent(app)
  const form = formTokenIn((await agent.get('/login').expect(200)).text)
  await agent.post('/login').type('form').send({ name, password, _csrf: form, next: C1 }).expect(303).expect('Location', C1)
  const page = await agent.get(C1).expect(200)
  return { agent, token: formTokenIn(page.text), page: page.text }
}

describe('with users: who may read and change what', function () {
  // Each sign-in is a real scrypt check (~0.6 s here).
  this.timeout(60_000)
  let folder: TempFolder
  let usersFile: string
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: Express
  before(async () => {
    folder = await tempFolder()
    usersFile = folder.path('claimtrail.users.json')
    await addUser(usersFile, 'jo', PASSWORD)
  })
  after(() => folder.remove())
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store, access: { usersFile }, publicUrl: 'http://desk.example' })
  })
  afterEach(() => fixture.cleanup())

  it('refuses anonymous writes — forms with 401 and the sign-in form, the API with 401 JSON — and changes nothing', async () => {
    const before = await snapshot(fixture.store)
    const anonymous = request.agent(app)
    const claimPage = (await anonymous.get(C1).expect(200)).text
    expect(claimPage).to.include('<a href="/login?next=%2Fclaims%2Fharbour%253Ac1">Sign in</a> to review this claim.')
    expect(claimPage).not.to.include('method="post"')
    // The sign-in page's token: an anonymous browser's, good for signing in and nothing else.
    const token = formTokenIn((await anonymous.get('/login').expect(200)).text)
    const page = await anonymous.post(`${C1}/review`).type('form').send({ verdict: 'False', by: 'Jo', _csrf: token }).expect(401)
    expect(page.text).to.include('Sign in to make changes')
    expect(page.text).to.include('<form class="sign-in" method="post" action="/login">')
    await anonymous.post('/articles').field('_csrf', token).field('text', ARTICLE.text).expect(401)
    const api = await request(app).post('/api/articles').send(ARTICLE).expect(401)
    expect(api.body.error).to.match(/^Sign in to make changes \(scripts: send Authorization: Bearer TOKEN/)
    expect(await snapshot(fixture.store)).to.equal(before)
  })

  it('refuses a wrong password and an unknown name with the same words, and signs in neither', async () => {
    const agent = request.agent(app)
    const token = formTokenIn((await agent.get('/login').expect(200)).text)
    const wrongPassword = await agent
      .post('/login')
      .type('form')
      .send({ name: 'jo', password: 'not the password', _csrf: token })
      .expect(401)
    const wrongName = await agent.post('/login').type('form').send({ name: 'joe', password: PASSWORD, _csrf: token }).expect(401)
    const problem = (html: string) => /<div class="problem" role="alert"><p>([^<]*)<\/p>/.exec(html)?.[1]
    expect(problem(wrongPassword.text)).to.equal('That name and password do not match a user of this desk. Check both and try again.')
    expect(problem(wrongName.text)).to.equal(problem(wrongPassword.text))
    for (const res of [wrongPassword, wrongName])
      expect(setCookies(res).filter((c) => c.startsWith('claimtrail_session='))).to.deep.equal([])
    await agent.post(`${C1}/review`).type('form').send({ verdict: 'False', _csrf: token }).expect(401)
  })

  it('a signed-in review is accepted and recorded as the user, whatever name the form sends', async () => {
    const { agent, token, page } = await signedIn(app)
    expect(page).not.to.include('name="by"')
    expect(page).to.include('<span>jo</span> <button type="submit">Sign out</button>')
    await agent
      .post(`${C1}/review`)
      .type('form')
      .send({ verdict: 'Mostly false', note: 'minutes', by: 'Someone Else', _csrf: token })
      .expect(303)
    expect((await fixture.store.claim('harbour:c1'))!.claim.review).to.include({ verdict: 'Mostly false', by: 'jo' })
    await agent
      .post(`${C1}/statements/harbour%3As3`)
      .type('form')
      .send({ action: 'set-stance', stance: 'assert', _csrf: token })
      .expect(303)
    expect((await fixture.store.decisions()).map((d) => [d.action, d.by])).to.deep.equal([
      ['review-claim', 'jo'],
      ['set-stance', 'jo'],
    ])
  })

  it("a signed-in write without the page's token, with another browser's token, or from another site is refused", async () => {
    const { agent, token } = await signedIn(app)
    const stranger = formTokenIn((await request(app).get('/login').expect(200)).text)
    const before = await snapshot(fixture.store)
    const review = () => agent.post(`${C1}/review`).type('form')
    const refusals: Array<[string, request.Test, RegExp]> = [
      ['no token', review().send({ verdict: 'False' }), /out of date or did not come from this site/],
      ['a wrong token', review().send({ verdict: 'False', _csrf: `${token.slice(0, -2)}xx` }), /out of date/],
      ["an anonymous browser's token", review().send({ verdict: 'False', _csrf: stranger }), /out of date/],
      [
        'a foreign Origin',
        review().set('Origin', 'https://evil.example').send({ verdict: 'False', _csrf: token }),
        /came from another site/,
      ],
      [
        'Sec-Fetch-Site: cross-site',
        review().set('Sec-Fetch-Site', 'cross-site').send({ verdict: 'False', _csrf: token }),
        /came from another site/,
      ],
      ['JSON with the cookie but no token', agent.post('/api/articles').send(ARTICLE), /needs its form token/],
    ]
    for (const [what, sent, message] of refusals) {
      const res = await sent
      expect(res.status, what).to.equal(403)
      expect(res.text, what).to.match(message)
    }
    expect(await snapshot(fixture.store)).to.equal(before)
    // The same token from this site's own page (Origin matches Host) goes through.
    await review()
      .set('Host', 'desk.example')
      .set('Origin', 'http://desk.example')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ verdict: 'False', _csrf: token })
      .expect(303)
  })

  it('a Bearer token writes through the API without a form token; revoked, or its user removed, it is refused', async () => {
    const { token, record } = await issueToken(usersFile, 'jo')
    const added = await request(app).post('/api/articles').set('Authorization', `Bearer ${token}`).send(ARTICLE).expect(201)
    expect(added.body.statements.length).to.be.greaterThan(0)
    // One character changed (to another one: a token that ends in "A" stays itself if its last becomes "A").
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    await request(app).post('/api/articles').set('Authorization', `Bearer ${altered}`).send(ARTICLE).expect(401)
    await revokeToken(usersFile, record.id)
    const revoked = await request(app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...ARTICLE, text: `${ARTICLE.text} Again.` })
      .expect(401)
    expect(revoked.body.error).to.match(/not valid: it may have been revoked/)
    expect(await fixture.store.articles()).to.have.length(3)

    await addUser(usersFile, 'ana', PASSWORD)
    const ana = await issueToken(usersFile, 'ana')
    await request(app).get('/api/claims').set('Authorization', `Bearer ${ana.token}`).expect(200)
    await removeUser(usersFile, 'ana')
    await request(app).get('/api/claims').set('Authorization', `Bearer ${ana.token}`).expect(401)
  })

  it('signing out ends the session: its next write is refused', async () => {
    const { agent, token } = await signedIn(app)
    const out = await agent.post('/logout').type('form').send({ _csrf: token }).expect(303).expect('Location', '/')
    expect(setCookies(out).join()).to.match(/claimtrail_session=;/)
    await agent.post(`${C1}/review`).type('form').send({ verdict: 'False', _csrf: token }).expect(401)
  })

  it('the session cookie is httpOnly, SameSite=Lax and signed: an altered one signs nobody in', async () => {
    const agent = request.agent(app)
    const form = formTokenIn((await agent.get('/login').expect(200)).text)
    const res = await agent
      .post('/login')
      .type('form')
      .send({ name: 'JO', password: PASSWORD, _csrf: form, next: '//evil.example/' })
      .expect(303)
    expect(res.headers.location, 'only a path of this site').to.equal('/')
    const cookie = setCookies(res).find((c) => c.startsWith('claimtrail_session='))!
    expect(cookie)
      .to.match(/; HttpOnly/)
      .and.to.match(/; SameSite=Lax/)
    const value = cookie.split(';')[0].split('=')[1]
    const [body, mac] = value.split('.')
    const forged = Buffer.from(
      Buffer.from(body, 'base64url')
        .toString()
        .replace(/"ends":\d+/, '"ends":99999999999999'),
    ).toString('base64url')
    const page = await request(app).get(C1).set('Cookie', `claimtrail_session=${forged}.${mac}`).expect(200)
    expect(page.text).to.include('<a class="session" href="/login?next=%2Fclaims%2Fharbour%253Ac1">Sign in</a>')
  })

  it('reading can be private: pages ask to sign in (401), the API answers 401, /login stays open', async () => {
    const secret = createApp({ store: fixture.store, access: { usersFile, reading: 'private' } })
    const page = await request(secret).get('/claims').expect(401)
    expect(page.text).to.include('keeps its claims private')
    expect(page.text).to.include('name="next" value="/claims"')
    expect(page.text).not.to.include('harbour')
    expect((await request(secret).get('/api/claims').expect(401)).body.error).to.match(/private: sign in/)
    await request(secret).get('/login').expect(200)
    await request(secret).get('/assets/claimtrail.css').expect(200)
    const { agent } = await signedIn(secret)
    expect((await agent.get('/claims').expect(200)).text).to.include('harbour')
    const { token } = await issueToken(usersFile, 'jo')
    await request(secret).get('/api/claims').set('Authorization', `Bearer ${token}`).expect(200)
    // public (the default) reads without signing in
    await request(app).get('/claims').expect(200)
  })
})
