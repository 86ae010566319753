import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { snapshot, twoArticles } from './claims-fixture.js'
import { poster } from './poster.js'

const C1 = '/claims/harbour%3Ac1'
const at = (statement: string) => `${C1}/statements/${encodeURIComponent(statement)}`

describe('corrections from the claim page', () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  let post: Awaited<ReturnType<typeof poster>>
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
    post = await poster(app)
  })
  afterEach(() => fixture.cleanup())

  const history = async (path = C1) => (await request(app).get(path).expect(200)).text.split('<section class="history"')[1]

  it('offers one correction form per statement', async () => {
    const html = (await request(app).get(C1).expect(200)).text
    for (const id of ['harbour:s1', 'harbour:s2', 'harbour:s3']) expect(html).to.include(`action="${at(id)}"`)
    expect(html).to.include(`<form method="get" action="${C1}#similar" class="find">`)
  })

  it('merges this claim into another and sends the old address there', async () => {
    const res = await post('/claims/harbour%3Ac2/merge').type('form').send({ into: 'harbour:c1', by: 'Jo' }).expect(303)
    expect(res.headers.location).to.equal(`${C1}?done=merged`)
    expect((await fixture.store.claim('harbour:c1'))!.claim.statementIds).to.include('harbour:s4')
    await request(app).get('/claims/harbour%3Ac2').expect(302).expect('Location', C1)
    expect(await history()).to.include('Merged claim harbour:c2 into claim harbour:c1')
  })

  it('splits a statement into a new claim and links to it', async () => {
    const res = await post(at('harbour:s3')).type('form').send({ action: 'split-statement', by: 'Jo' }).expect(303)
    const created = (await fixture.store.statement('harbour:s3'))!.claim
    expect(created).not.to.equal('harbour:c1')
    expect(res.headers.location).to.equal(`${C1}?done=split-statement&claim=${encodeURIComponent(created)}`)
    const html = (await request(app).get(res.headers.location).expect(200)).text
    expect(html).to.include(`<a href="/claims/${encodeURIComponent(created)}">Open claim ${created}</a>`)
    expect(html).not.to.include('id="statement-harbour:s3"')
    expect(html).to.include(`Split statement harbour:s3 out of claim harbour:c1 into a new claim ${created}`)
  })

  it('moves a statement to another claim', async () => {
    await post(at('harbour:s3')).type('form').send({ action: 'move-statement', claim: 'harbour:c2', by: 'Jo' }).expect(303)
    expect((await fixture.store.statement('harbour:s3'))!.claim).to.equal('harbour:c2')
    expect(await history('/claims/harbour%3Ac2')).to.include('Moved statement harbour:s3 from claim harbour:c1 to claim harbour:c2')
  })

  it("sets a statement's stance, kind and speaker", async () => {
    await post(at('harbour:s3')).type('form').send({ action: 'set-stance', stance: 'assert', by: 'Jo' }).expect(303)
    await post(at('harbour:s3')).type('form').send({ action: 'set-kind', kind: 'mixed', by: 'Jo' }).expect(303)
    await post(at('harbour:s1'))
      .type('form')
      .send({ action: 'set-speaker', speaker: 'Lee Chan', speakerType: 'person', by: 'Jo' })
      .expect(303)
    const s3 = (await fixture.store.statement('harbour:s3'))!
    expect(s3).to.include({ stance: 'assert', kind: 'mixed' })
    expect((await fixture.store.statement('harbour:s1'))!.speaker!.name).to.equal('Lee Chan')
    const lines = await history()
    expect(lines).to.include('Stance of statement harbour:s3 set to assert (was deny)')
    expect(lines).to.include('Kind of statement harbour:s3 set to mixed (was indirect)')
    expect(lines).to.include('Speaker of statement harbour:s1 set to Lee Chan')
  })

  it('rejects a false extraction, keeping it on record', async () => {
    await post(at('harbour:s1')).type('form').send({ action: 'reject-statement', reason: 'not an attribution', by: 'Jo' }).expect(303)
    expect((await fixture.store.statement('harbour:s1'))!.rejected).to.include({ by: 'Jo', reason: 'not an attribution' })
    const html = (await request(app).get(`${C1}?done=reject-statement`).expect(200)).text
    expect(html).to.include('The statement is rejected as a false extraction.')
    expect(html).not.to.include('id="statement-harbour:s1"')
    expect(html).to.include('Rejected statement harbour:s1 as a false extraction — <q>not an attribution</q>')
  })

  const refused: Array<[string, string, Record<string, string>, string]> = [
    ['no name', at('harbour:s3'), { action: 'split-statement' }, 'Say who you are'],
    [
      'a statement of another claim',
      at('harbour:s4'),
      { action: 'split-statement', by: 'Jo' },
      'Statement &#34;harbour:s4&#34; is not one of this claim&#39;s statements',
    ],
    ['an unknown statement', at('nope'), { action: 'split-statement', by: 'Jo' }, 'Statement &#34;nope&#34; is not one of this claim'],
    [
      'a move to an unknown claim',
      at('harbour:s3'),
      { action: 'move-statement', claim: 'nowhere', by: 'Jo' },
      'There is no claim &#34;nowhere&#34; to move the statement to',
    ],
    [
      'an unknown stance',
      at('harbour:s3'),
      { action: 'set-stance', stance: 'maybe', by: 'Jo' },
      'Stance &#34;maybe&#34; is not one of assert, deny, confirm, decline',
    ],
    ['an unknown kind', at('harbour:s3'), { action: 'set-kind', kind: 'sung', by: 'Jo' }, 'Kind &#34;sung&#34; is not one of'],
    ['an empty speaker', at('harbour:s3'), { action: 'set-speaker', speaker: '', by: 'Jo' }, 'Give the speaker&#39;s name'],
    [
      'an unknown action',
      at('harbour:s3'),
      { action: 'delete-everything', by: 'Jo' },
      '&#34;delete-everything&#34; is not a correction this page makes',
    ],
    [
      'a merge into an unknown claim',
      `${C1}/merge`,
      { into: 'nowhere', by: 'Jo' },
      'There is no claim &#34;nowhere&#34; to merge this claim into',
    ],
    ['a merge into itself', `${C1}/merge`, { into: 'harbour:c1', by: 'Jo' }, '&#34;harbour:c1&#34; is this claim'],
    ['a merge with no name', `${C1}/merge`, { into: 'harbour:c2' }, 'Say who you are'],
  ]
  for (const [what, path, body, message] of refused) {
    it(`refuses ${what} with a 400 page and changes nothing`, async () => {
      const was = await snapshot(fixture.store)
      const res = await post(path).type('form').send(body).expect(400)
      expect(res.text).to.include(message)
      expect(await snapshot(fixture.store)).to.equal(was)
    })
  }
})
