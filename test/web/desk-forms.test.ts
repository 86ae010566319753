// The reviewer's desk, forms: one form per action, no verdict chosen for the reviewer, the reviewer's name kept
// for the browser's session when there are no users, and a claim given by its address as well as its id.
import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { claimIdFrom } from '../../src/web/claim-review.js'
import { twoArticles } from './claims-fixture.js'
import { formTokenIn } from './poster.js'

const C1 = '/claims/harbour%3Ac1'
const at = (statement: string) => `${C1}/statements/${encodeURIComponent(statement)}`
const forms = (html: string) => html.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? []
const names = (html: string) => [...html.matchAll(/name="by"[^>]*value="([^"]*)"/g)].map((m) => m[1])

describe("The reviewer's desk: forms", () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
  })
  afterEach(() => fixture.cleanup())

  /** A browser: its cookies kept, its posts carrying the token of the claim page it opened. */
  async function browser() {
    const agent = request.agent(app)
    const token = formTokenIn((await agent.get(C1).expect(200)).text)
    return { agent, post: (path: string) => agent.post(path).set('X-CSRF-Token', token).type('form') }
  }

  it('gives every correction a form of its own, with one button, so Enter sends the one its field is in', async () => {
    const html = (await request(app).get(C1).expect(200)).text
    const corrections = forms(html).filter((f) => f.includes(`action="${at('harbour:s1')}"`))
    expect(corrections.map((f) => /name="action" value="([^"]+)"/.exec(f)?.[1])).to.deep.equal([
      'set-stance',
      'set-kind',
      'set-speaker',
      'move-statement',
      'split-statement',
      'reject-statement',
    ])
    for (const form of corrections) expect(form.match(/<button/g), form.slice(0, 120)).to.have.length(1)
    const speaker = corrections.find((f) => f.includes('name="speaker"'))!
    expect(speaker).to.include('value="set-speaker"')
  })

  it('chooses no verdict for the reviewer', async () => {
    const html = (await request(app).get(C1).expect(200)).text
    const select = /<select name="verdict"[\s\S]*?<\/select>/.exec(html)![0]
    expect(select.match(/ selected/g)).to.have.length(1)
    expect(select).to.include('<option value="" selected disabled>choose a verdict</option>')
  })

  it("keeps the reviewer's name for the browser's session and fills it in", async () => {
    const { agent, post } = await browser()
    expect(names((await agent.get(C1).expect(200)).text).every((n) => n === '')).to.equal(true)
    const res = await post(`${C1}/review`).send({ verdict: 'False', note: '', by: 'Jo Park' }).expect(303)
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('claimtrail_reviewer='))!
    expect(cookie).to.include('HttpOnly')
    expect(cookie).not.to.match(/Max-Age|Expires/i)
    const filled = names((await agent.get(C1).expect(200)).text)
    expect(filled.length).to.be.greaterThan(5)
    expect(filled.every((n) => n === 'Jo Park')).to.equal(true)
    // Another browser is asked afresh.
    expect(names((await request(app).get(C1).expect(200)).text).every((n) => n === '')).to.equal(true)
  })

  it('keeps no name from a form that was refused', async () => {
    const { post } = await browser()
    const res = await post(`${C1}/merge`).send({ into: 'no-such-claim', by: 'Mallory' }).expect(400)
    expect(String(res.headers['set-cookie'] ?? '')).not.to.include('claimtrail_reviewer=')
  })

  it('fills in no name from a cookie the server did not sign', async () => {
    const html = (await request(app).get(C1).set('Cookie', 'claimtrail_reviewer=eyJuYW1lIjoiRXZlIn0.forged').expect(200)).text
    expect(names(html).every((n) => n === '')).to.equal(true)
  })

  it('moves a statement to a claim given by its pasted address, or by its id as an address writes it', async () => {
    const { post } = await browser()
    await post(at('harbour:s3'))
      .send({ action: 'move-statement', claim: 'http://127.0.0.1:3000/claims/ferry%3Ac1#statement-x', by: 'Jo' })
      .expect(303)
    expect((await fixture.store.statement('harbour:s3'))!.claim).to.equal('ferry:c1')
    await post('/claims/ferry%3Ac1/statements/harbour%3As3').send({ action: 'move-statement', claim: 'harbour%3Ac2', by: 'Jo' }).expect(303)
    expect((await fixture.store.statement('harbour:s3'))!.claim).to.equal('harbour:c2')
  })

  it('merges into a claim given by its pasted address', async () => {
    const { post } = await browser()
    const res = await post('/claims/harbour%3Ac2/merge').send({ into: '/claims/harbour%3Ac1', by: 'Jo' }).expect(303)
    expect(res.headers.location).to.equal(`${C1}?done=merged`)
  })

  it('offers the speakers sharing a surname to merge into, as one types', async () => {
    await fixture.store.decide({ action: 'set-speaker', statement: 'ferry:s2', speaker: 'Tom Ruiz', type: 'person' }, 'Jo')
    const ruiz = /href="(\/speakers\/[^"]+)">Ana Ruiz</.exec((await request(app).get('/speakers').expect(200)).text)![1]
    const html = (await request(app).get(ruiz).expect(200)).text
    const picks = /<datalist id="speaker-picks">([\s\S]*?)<\/datalist>/.exec(html)![1]
    expect(picks).to.match(/<option value="tom-ruiz[^"]*">Tom Ruiz<\/option>/)
    expect(picks).not.to.include('>Ana Ruiz')
  })

  describe('claimIdFrom', () => {
    const cases: Array<[string, string]> = [
      ['harbour:c1', 'harbour:c1'],
      ['  harbour:c1 ', 'harbour:c1'],
      ['harbour%3Ac1', 'harbour:c1'],
      ['/claims/harbour%3Ac1', 'harbour:c1'],
      ['https://desk.example/claims/harbour%3Ac1?done=merged#review', 'harbour:c1'],
      ['claims/3ab3689b7ff1:c1', '3ab3689b7ff1:c1'],
      ['100% sure', '100% sure'],
      ['%E0%A4%A', '%E0%A4%A'],
    ]
    for (const [pasted, id] of cases) it(`${JSON.stringify(pasted)} → ${id}`, () => expect(claimIdFrom(pasted)).to.equal(id))
  })
})
