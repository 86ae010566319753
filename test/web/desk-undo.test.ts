// Undoing from the history: every decision whose log entry holds what it replaced can be undone with one button,
// the undo is a logged decision of its own (and can be undone in turn), and what cannot be undone says why and
// changes nothing.
import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { inverseOf } from '../../src/web/undo.js'
import { snapshot, twoArticles } from './claims-fixture.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'
import { poster } from './poster.js'
import { MINISTRY_ARTICLE, ministryExtraction } from './speakers-fixture.js'

const C1 = '/claims/harbour%3Ac1'
const at = (statement: string) => `${C1}/statements/${encodeURIComponent(statement)}`
/** The places in the log the page's Undo buttons undo, newest first. */
const undoButtons = (html: string) => [...html.matchAll(/action="\/decisions\/(\d+)\/undo"/g)].map((m) => Number(m[1]))

describe("The reviewer's desk: undo from the history", () => {
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let app: ReturnType<typeof createApp>
  let post: Awaited<ReturnType<typeof poster>>
  beforeEach(async () => {
    fixture = await twoArticles()
    app = createApp({ store: fixture.store })
    post = await poster(app)
  })
  afterEach(() => fixture.cleanup())

  const send = (path: string, form: Record<string, string>) =>
    post(path)
      .type('form')
      .send({ by: 'Jo', ...form })
  const undo = (place: number, back = C1) => send(`/decisions/${place}/undo`, { back })
  const statement = async (id: string) => (await fixture.store.statement(id))!
  const page = async (path = C1) => (await request(app).get(path).expect(200)).text

  it('undoes a stance, logs the undo, and undoes the undo', async () => {
    const before = (await statement('harbour:s3')).stance
    await send(at('harbour:s3'), { action: 'set-stance', stance: before === 'deny' ? 'assert' : 'deny' }).expect(303)
    expect(undoButtons(await page())).to.deep.equal([0])
    const res = await undo(0).expect(303)
    expect(res.headers.location).to.equal(`${C1}?done=undone#history`)
    expect((await statement('harbour:s3')).stance).to.equal(before)
    const log = await fixture.store.decisions()
    expect(log).to.have.length(2)
    expect(log[1]).to.include({ action: 'set-stance', by: 'Jo' })
    expect(log[1].detail.undoes).to.equal(0)
    const html = await page()
    expect(html).to.include('Undo: Stance of statement harbour:s3 set to')
    // The undone decision offers no second undo; its undo does.
    expect(undoButtons(html)).to.deep.equal([1])
    await undo(1).expect(303)
    expect((await statement('harbour:s3')).stance).not.to.equal(before)
  })

  it('refuses to undo a decision twice, changing nothing', async () => {
    await send(at('harbour:s3'), { action: 'set-kind', kind: 'mixed' }).expect(303)
    await undo(0).expect(303)
    const kept = await snapshot(fixture.store)
    const res = await undo(0).expect(400)
    expect(res.text).to.include('undone already')
    expect(await snapshot(fixture.store)).to.equal(kept)
  })

  it('puts back the verdict a review replaced, or none', async () => {
    await send(`${C1}/review`, { verdict: 'False', note: 'first' }).expect(303)
    await send(`${C1}/review`, { verdict: 'True', note: 'second' }).expect(303)
    await undo(1).expect(303)
    expect((await fixture.store.claim('harbour:c1'))!.claim.review).to.include({ verdict: 'False', note: 'first' })
    await undo(0).expect(303)
    expect((await fixture.store.claim('harbour:c1'))!.claim.review).to.equal(null)
    expect(await page()).to.include('Undo: Verdict taken back (was False)')
  })

  it('moves back a statement that was moved or split off', async () => {
    await send(at('harbour:s3'), { action: 'move-statement', claim: 'harbour:c2' }).expect(303)
    await undo(0).expect(303)
    expect((await statement('harbour:s3')).claim).to.equal('harbour:c1')
    await send(at('harbour:s3'), { action: 'split-statement' }).expect(303)
    await undo(2).expect(303)
    expect((await statement('harbour:s3')).claim).to.equal('harbour:c1')
  })

  it('undoes a merge of claims from the history', async () => {
    await send('/claims/harbour%3Ac2/merge', { into: 'harbour:c1' }).expect(303)
    await undo(0).expect(303)
    expect((await statement('harbour:s4')).claim).to.equal('harbour:c2')
  })

  it('offers no undo for a rejection, and refuses one sent anyway with the fix, changing nothing', async () => {
    await send(at('harbour:s3'), { action: 'reject-statement', reason: 'not an attribution' }).expect(303)
    expect(undoButtons(await page())).to.deep.equal([])
    const kept = await snapshot(fixture.store)
    const res = await undo(0).expect(400)
    expect(res.text).to.include('cannot be undone from the history')
    expect(await snapshot(fixture.store)).to.equal(kept)
  })

  it('refuses to undo a decision whose record a later one changed, naming it, and changes nothing', async () => {
    await send(`${C1}/review`, { verdict: 'False', note: '' }).expect(303)
    await send(`${C1}/review`, { verdict: 'True', note: '' }).expect(303)
    expect(undoButtons(await page())).to.deep.equal([1])
    const kept = await snapshot(fixture.store)
    const res = await undo(0).expect(400)
    expect(res.text).to.include('Decision 1 (Verdict: True (was False)) changed the same record since; undo it first')
    expect(await snapshot(fixture.store)).to.equal(kept)
  })

  it("leaves a merged claim's review alone: the merge changed it since", async () => {
    await send('/claims/harbour%3Ac2/review', { verdict: 'False', note: '' }).expect(303)
    await send(`${C1}/review`, { verdict: 'True', note: '' }).expect(303)
    await send('/claims/harbour%3Ac2/merge', { into: 'harbour:c1' }).expect(303)
    await undo(0).expect(400)
    expect((await fixture.store.claim('harbour:c1'))!.claim.review).to.include({ verdict: 'True' })
  })

  it('puts no rejected statement back into a claim by undoing its move', async () => {
    await send(at('harbour:s3'), { action: 'split-statement' }).expect(303)
    const split = (await statement('harbour:s3')).claim
    await send(`/claims/${encodeURIComponent(split)}/statements/harbour%3As3`, { action: 'reject-statement', reason: 'no' }).expect(303)
    await undo(0, `/claims/${encodeURIComponent(split)}`).expect(400)
    expect((await fixture.store.claim('harbour:c1'))!.claim.statementIds).not.to.include('harbour:s3')
  })

  it('answers a place that is no decision with 404, and never sends the reviewer off the site', async () => {
    await undo(7).expect(404)
    await send('/decisions/abc/undo', {}).expect(404)
    await send(at('harbour:s3'), { action: 'set-kind', kind: 'mixed' }).expect(303)
    const res = await undo(0, '//evil.example/claims/x').expect(303)
    expect(res.headers.location).to.equal('/?done=undone#history')
  })

  describe('inverseOf', () => {
    const entry = (action: string, detail: Record<string, unknown>) => ({ at: '', by: 'Jo', action, detail })
    it('needs what was replaced: none for a stance logged without it', () => {
      expect(inverseOf(entry('set-stance', { statement: 's1', stance: 'deny' }))).to.equal(null)
      expect(inverseOf(entry('set-stance', { statement: 's1', stance: 'deny', was: 'assert' }))).to.deep.equal({
        action: 'set-stance',
        statement: 's1',
        stance: 'assert',
      })
    })
    it('gives none for a speaker set on a statement that had none, or for merged speakers', () => {
      expect(inverseOf(entry('set-speaker', { statement: 's1', speaker: 'Lee', was: null }))).to.equal(null)
      expect(inverseOf(entry('merge-speakers', { into: 'a', from: 'b' }))).to.equal(null)
    })
  })
})

describe("The reviewer's desk: undo on a speaker's page", () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let app: ReturnType<typeof createApp>
  let post: Awaited<ReturnType<typeof poster>>
  beforeEach(async () => {
    fixture = await storeWith([
      [HARBOUR_ARTICLE, harbourExtraction()],
      [MINISTRY_ARTICLE, ministryExtraction()],
    ])
    app = createApp({ store: fixture.store })
    post = await poster(app)
  })
  afterEach(() => fixture.cleanup())

  it('lists a split in the history and undoes it: the name goes back with its statements', async () => {
    const before = (await request(app).get('/speakers/zhao-lijian').expect(200)).text
    expect(before).to.include('No merge or split of this speaker yet.')
    await post('/speakers/zhao-lijian/split').type('form').send({ alias: 'Zhao', by: 'Jo' }).expect(303)
    const html = (await request(app).get('/speakers/zhao-lijian').expect(200)).text
    expect(html).to.include('Split the name Zhao off speaker zhao-lijian')
    expect(undoButtons(html)).to.deep.equal([0])
    await post('/decisions/0/undo').type('form').send({ by: 'Jo', back: '/speakers/zhao-lijian' }).expect(303)
    expect((await fixture.store.speaker('zhao-lijian'))!.aliases).to.include('Zhao')
    const after = (await request(app).get('/speakers/zhao-lijian?done=undone').expect(200)).text
    expect(after).to.include('The decision is undone.')
    expect(after).to.include('Undo: Merged speaker')
  })
})
