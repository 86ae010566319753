// The desk through the JSON API: every decision a script can send, answered 201 with the logged decision at
// Location, undone through that address; errors as problem details; unknown parameters and fields refused; and
// the OpenAPI document valid and holding exactly the routes the server answers. A real store, the real app.
import { Validator } from '@seriousme/openapi-schema-validator'
import { expect } from 'chai'
import type { Express } from 'express'
import request from 'supertest'
import { addUser, issueToken } from '../../src/users/users.js'
import { apiRouter } from '../../src/web/api.js'
import { createApp } from '../../src/web/app.js'
import { PATHS } from '../../src/web/openapi.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { twoArticles } from './claims-fixture.js'

type Fixture = Awaited<ReturnType<typeof twoArticles>>
const PROBLEM = /^application\/problem\+json/

describe('the JSON API: the desk', () => {
  let fixture: Fixture
  let app: Express
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
  })
  afterEach(() => fixture.cleanup())

  const post = (path: string, body: object = {}) => request(app).post(path).send(body)

  it('gives a verdict: 201, Location names the logged decision, which GET reads back and POST …/undo undoes', async () => {
    const res = await post('/api/claims/harbour%3Ac1/verdict', {
      verdict: 'False',
      note: 'The board minutes show no sale.',
      by: 'Jo',
    }).expect(201)
    expect(res.headers.location).to.equal('/api/decisions/0')
    expect(res.body).to.include({ place: 0, by: 'Jo', action: 'review-claim', what: 'Verdict: False', undo: '/api/decisions/0/undo' })
    expect((await fixture.store.claim('harbour:c1'))!.claim.review).to.include({ verdict: 'False', by: 'Jo' })
    expect((await request(app).get(res.headers.location).expect(200)).body).to.deep.equal(res.body)

    const undone = await post(`${res.headers.location}/undo`, { by: 'Jo' }).expect(201)
    expect(undone.headers.location).to.equal('/api/decisions/1')
    expect(undone.body.what).to.equal('Undo: Verdict taken back (was False)')
    expect((await fixture.store.claim('harbour:c1'))!.claim.review).to.equal(null)
    // The undone decision says so; undoing it twice is refused, and changes nothing.
    expect((await request(app).get('/api/decisions/0').expect(200)).body.undo).to.equal(null)
    const again = await post('/api/decisions/0/undo', { by: 'Jo' }).expect(400).expect('Content-Type', PROBLEM)
    expect(again.body.detail).to.match(/undone already/)
    expect(await fixture.store.decisions()).to.have.length(2)
  })

  it('mends a statement: its stance, kind, speaker and claim, a split and a rejection, each one logged decision', async () => {
    await post('/api/statements/harbour%3As1/review', { stance: 'deny', by: 'Jo' }).expect(201)
    expect((await fixture.store.statement('harbour:s1'))!.stance).to.equal('deny')
    await post('/api/statements/harbour%3As1/review', { kind: 'direct', by: 'Jo' }).expect(201)
    expect((await fixture.store.statement('harbour:s1'))!.kind).to.equal('direct')
    const speaker = await post('/api/statements/harbour%3As2/speaker', { speaker: 'Tom Reyes', by: 'Jo' }).expect(201)
    expect(speaker.body.what).to.match(/^Speaker of statement harbour:s2 set to Tom Reyes/)
    expect((await fixture.store.statement('harbour:s2'))!.speakerId).to.equal((await fixture.store.statement('harbour:s4'))!.speakerId)
    await post('/api/statements/harbour%3As2/move', { claim: 'http://127.0.0.1:3000/claims/ferry%3Ac1', by: 'Jo' }).expect(201)
    expect((await fixture.store.statement('harbour:s2'))!.claim).to.equal('ferry:c1')
    const split = await post('/api/statements/harbour%3As2/split', { by: 'Jo' }).expect(201)
    expect((await fixture.store.statement('harbour:s2'))!.claim).to.equal(split.body.detail.newClaim)
    await post('/api/statements/harbour%3As3/review', { reject: true, reason: 'Not a statement.', by: 'Jo' }).expect(201)
    expect((await fixture.store.statement('harbour:s3'))!.rejected).to.include({ reason: 'Not a statement.' })
    const log = await request(app).get('/api/decisions?claim=harbour%3Ac1').expect(200)
    expect(log.body.items.map((d: { action: string }) => d.action)).to.include.members(['set-stance', 'set-kind', 'reject-statement'])
    // A rejection holds nothing to put back: it has no undo.
    expect(log.body.items.find((d: { action: string }) => d.action === 'reject-statement').undo).to.equal(null)
  })

  it('merges two claims and two speakers, by id or pasted address, and refuses merging one into itself', async () => {
    const merged = await post('/api/claims/ferry%3Ac1/merge', { into: '/claims/harbour%3Ac1', by: 'Jo' }).expect(201)
    expect(merged.body.detail).to.include({ into: 'harbour:c1', from: 'ferry:c1' })
    expect((await fixture.store.claim('harbour:c1'))!.claim.statementIds).to.include('ferry:s1')
    await post('/api/claims/harbour%3Ac2/merge', { into: 'harbour:c2', by: 'Jo' }).expect(400)
    const speakers = (await request(app).get('/api/speakers?per=100').expect(200)).body.items as Array<{ id: string; name: string }>
    const [ruiz, reyes] = ['Ana Ruiz', 'Tom Reyes'].map((name) => speakers.find((s) => s.name === name)!.id)
    const speaker = await post(`/api/speakers/${encodeURIComponent(reyes)}/merge`, { into: ruiz, by: 'Jo' }).expect(201)
    expect(speaker.body.action).to.equal('merge-speakers')
    expect((await fixture.store.statement('harbour:s4'))!.speakerId).to.equal(ruiz)
  })

  it('refuses what it cannot do with a problem that names the fix, and changes nothing', async () => {
    const cases: Array<[string, object, number, RegExp]> = [
      ['/api/claims/harbour%3Ac1/verdict', { verdict: 'Maybe', by: 'Jo' }, 400, /is not a verdict on this desk's scale/],
      ['/api/claims/harbour%3Ac1/verdict', { verdict: 'False' }, 400, /Your name/],
      [
        '/api/claims/harbour%3Ac1/verdict',
        { verdict: 'False', by: 'Jo', colour: 'red' },
        400,
        /"colour" is not a field .* verdict, note, by/,
      ],
      ['/api/claims/harbour%3Ac1/verdict', { verdict: 3, by: 'Jo' }, 400, /"verdict" must be a JSON string/],
      ['/api/claims/nothing/verdict', { verdict: 'False', by: 'Jo' }, 404, /There is no claim "nothing"/],
      [
        '/api/statements/harbour%3As1/review',
        { stance: 'deny', kind: 'direct', by: 'Jo' },
        400,
        /Send one of "stance", "kind" or "reject"/,
      ],
      ['/api/statements/harbour%3As1/review', { stance: 'perhaps', by: 'Jo' }, 400, /Stance "perhaps" is not one of/],
      ['/api/statements/harbour%3As1/move', { claim: 'nowhere', by: 'Jo' }, 400, /There is no claim "nowhere"/],
      ['/api/statements/nothing/split', { by: 'Jo' }, 404, /There is no statement "nothing"/],
      ['/api/speakers/nobody/merge', { into: 'x', by: 'Jo' }, 404, /There is no speaker "nobody"/],
      ['/api/decisions/7/undo', { by: 'Jo' }, 404, /There is no decision 7/],
    ]
    for (const [path, body, status, detail] of cases) {
      const res = await post(path, body).expect(status).expect('Content-Type', PROBLEM)
      expect(res.body, path).to.include({ type: 'about:blank', status })
      expect(res.body.title, path).to.be.a('string').and.not.empty
      expect(res.body.detail, path).to.match(detail)
      expect(res.body.error, path).to.equal(res.body.detail)
    }
    const broken = await request(app).post('/api/claims/harbour%3Ac1/verdict').type('json').send('{"verdict":').expect(400)
    expect(broken.body.detail).to.match(/^The body is not valid JSON .* Send the fields as one JSON object\.$/)
    expect(await fixture.store.decisions()).to.have.length(0)
  })

  it('refuses a query parameter a route does not take, on every GET route, naming the ones it does', async () => {
    const gets = Object.entries(PATHS).filter(([path, ops]) => ops.get && path !== '/api/queue')
    expect(gets.length).to.be.at.least(10)
    for (const [path, ops] of gets) {
      const url = path.replace('{id}', 'harbour%3Ac1').replace('{place}', '0')
      const res = await request(app).get(`${url}?spekaer=Ruiz`).expect(400).expect('Content-Type', PROBLEM)
      const takes = (ops.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
      expect(res.body.detail, path).to.include(`"spekaer" is not a parameter of GET ${path.replace(/\{(\w+)\}/g, ':$1')}`)
      expect(res.body.detail, path).to.include(takes.length ? takes.join(', ') : 'none')
    }
    await request(app).get('/api/claims?speaker=Ruiz&sort=first').expect(200)
  })

  it('lists the articles without their texts, and one article with its statements', async () => {
    const list = await request(app).get('/api/articles?per=1').expect(200)
    expect(list.body).to.include({ page: 1, per: 1, total: 2 })
    expect(list.body.items[0]).to.include({ id: 'ferry', outlet: 'The Courier', statementCount: 2 })
    expect(list.body.items[0]).not.to.have.property('text')
    const one = await request(app).get('/api/articles/harbour').expect(200)
    expect(one.body).to.include({ id: 'harbour', title: 'Harbour board to sell the old ferry pier' })
    expect(one.body).not.to.have.property('text')
    expect(one.body.statements.map((s: { id: string }) => s.id)).to.include('harbour:s1')
    expect(one.body.claims).to.have.members(['harbour:c1', 'harbour:c2'])
    await request(app).get('/api/articles/nothing').expect(404).expect('Content-Type', PROBLEM)
  })

  it('sorts the claims as the claims page sorts them when asked', async () => {
    const ids = async (sort: string) =>
      (await request(app).get(`/api/claims?sort=${sort}`).expect(200)).body.items.map((c: { id: string }) => c.id)
    expect((await ids('first'))[0]).to.match(/^harbour:/)
    expect((await ids('latest'))[0]).to.match(/^ferry:/)
    expect((await ids('statements'))[0]).to.equal('harbour:c1')
    await request(app).get('/api/claims?sort=loudest').expect(400)
  })
})

describe('the JSON API: its OpenAPI document', () => {
  let fixture: Fixture
  beforeEach(async () => {
    fixture = await twoArticles()
  })
  afterEach(() => fixture.cleanup())

  it('is served, and is valid OpenAPI 3.1', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/api/openapi.json')
      .expect(200)
    const result = await new Validator().validate(res.body)
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)).to.deep.equal([])
    expect(result.valid).to.equal(true)
    expect(res.body.openapi).to.equal('3.1.0')
  })

  it('describes exactly the routes the API answers, with their methods', () => {
    // The routes of the router the server mounts at /api (with a queue, as beside a database).
    const queue = {} as Parameters<typeof apiRouter>[2]
    const stack = (apiRouter(fixture.store, undefined, queue) as unknown as { stack: Array<{ route?: { path: string; methods: object } }> })
      .stack
    const served = stack
      .filter((layer) => layer.route)
      .flatMap(({ route }) => Object.keys(route!.methods).map((m) => `${m.toUpperCase()} /api${route!.path.replace(/:(\w+)/g, '{$1}')}`))
    const documented = Object.entries(PATHS).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    expect([...served].sort()).to.deep.equal([...documented].sort())
  })
})

describe('the JSON API: writes with users', function () {
  this.timeout(60_000)
  let folder: TempFolder
  let fixture: Fixture
  before(async () => {
    folder = await tempFolder()
  })
  after(() => folder.remove())
  afterEach(() => fixture.cleanup())

  it("takes a Bearer token's user as who decides, whatever 'by' says; without one, answers 401 as a problem", async () => {
    const usersFile = folder.path('claimtrail.users.json')
    await addUser(usersFile, 'jo', 'a ferry pier at dawn')
    const { token } = await issueToken(usersFile, 'jo')
    fixture = await twoArticles()
    const app = createApp({ store: fixture.store, access: { usersFile } })
    const refused = await request(app).post('/api/claims/harbour%3Ac1/verdict').send({ verdict: 'False' }).expect(401)
    expect(refused.headers['content-type']).to.match(PROBLEM)
    expect(refused.body.detail).to.match(/Authorization: Bearer TOKEN/)
    const res = await request(app)
      .post('/api/claims/harbour%3Ac1/verdict')
      .set('Authorization', `Bearer ${token}`)
      .send({ verdict: 'False', by: 'Someone Else' })
      .expect(201)
    expect(res.body.by).to.equal('jo')
    const form = await request(app)
      .post('/api/claims/harbour%3Ac1/verdict')
      .set('Authorization', `Bearer ${token}`)
      .type('text/plain')
      .send('verdict=False')
      .expect(415)
    expect(form.body.detail).to.match(/Content-Type: application\/json/)
    await request(app).post(`${res.headers.location}/undo`).set('Authorization', `Bearer ${token}`).send({}).expect(201)
    expect((await fixture.store.claim('harbour:c1'))!.claim.review).to.equal(null)
  })
})
