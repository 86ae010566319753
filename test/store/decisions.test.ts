// Reviewers decide: merge claims, split a statement off, move it, correct its stance or speaker, merge and split
// speakers. Each decision is logged with who and when, survives reopening, and ingesting again never undoes it.
import { expect } from 'chai'
import { InvalidInputError, NotFoundError } from '../../src/errors.js'
import { exportData } from '../../src/export/json.js'
import type { Store } from '../../src/store/store.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from './temp-store.js'

describe('Store: reviewer decisions', () => {
  let temp: TempFolder
  let store: Store
  let c: string
  let p: string
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open(temp.path('claimtrail.json'))
    ;[{ articleId: c }, { articleId: p }] = await store.addArticles([
      { article: council, extraction: councilExtraction },
      { article: protest, extraction: protestExtraction },
    ])
  })
  afterEach(() => temp.remove())

  const idsOf = (claimId: string) => store.claim(claimId)!.entries.map((e) => e.statement.id)

  it('merges one claim into another: its statements move, its id answers with the merged claim', async () => {
    const into = store.statement(`${c}:s1`)!.claim
    const from = store.statement(`${p}:s1`)!.claim
    const before = [...idsOf(into), ...idsOf(from)]
    const entry = await store.decide({ action: 'merge-claims', into, from }, 'Dana Fact')
    expect(idsOf(into)).to.have.members(before)
    expect(store.claim(from)!.claim.id).to.equal(into)
    expect(store.claims().map((s) => s.claim.id)).not.to.include(from)
    expect(entry).to.deep.include({ by: 'Dana Fact', action: 'merge-claims' })
    expect(Date.parse(entry.at)).to.be.closeTo(Date.now(), 60_000)
  })

  it('splits a statement into a claim of its own, and moves it to another', async () => {
    const statement = `${c}:s3`
    const was = store.statement(statement)!.claim
    const entry = await store.decide({ action: 'split-statement', statement }, 'Dana Fact')
    const own = store.statement(statement)!.claim
    expect(own).not.to.equal(was)
    expect(idsOf(own)).to.deep.equal([statement])
    expect(idsOf(was)).not.to.include(statement)
    expect(entry.detail).to.deep.include({ statement, fromClaim: was, newClaim: own })
    await store.decide({ action: 'move-statement', statement, claim: was }, 'Lee Desk')
    expect(idsOf(was)).to.include(statement)
    expect(store.claims().map((s) => s.claim.id)).not.to.include(own)
  })

  it('corrects a stance and a speaker, keeping what they were in the log', async () => {
    const statement = `${c}:s2`
    await store.decide({ action: 'set-stance', statement, stance: 'deny' }, 'Dana Fact')
    expect(store.statement(statement)!.stance).to.equal('deny')
    await store.decide({ action: 'set-speaker', statement, speaker: 'Omar Bell' }, 'Dana Fact')
    expect(store.statement(statement)!.speakerId).to.equal('omar-bell')
    expect(store.quotesBy('omar-bell').map((e) => e.statement.id)).to.include(statement)
    const log = store.decisions()
    expect(log.map((e) => e.action)).to.deep.equal(['set-stance', 'set-speaker'])
    expect(log[0].detail).to.deep.include({ statement, stance: 'deny', was: 'assert' })
    expect(log[1].detail).to.deep.include({ speakerId: 'omar-bell' })
  })

  it('merges two speakers and splits an alias off again', async () => {
    await store.decide({ action: 'merge-speakers', into: 'ana-ruiz', from: 'omar-bell' }, 'Dana Fact')
    expect(store.speaker('omar-bell')!.id).to.equal('ana-ruiz')
    expect(store.quotesBy('ana-ruiz').map((e) => e.statement.speakerId)).to.satisfy((ids: string[]) => ids.every((id) => id === 'ana-ruiz'))
    expect(store.speaker('ana-ruiz')!.aliases).to.include('Omar Bell')
    const entry = await store.decide({ action: 'split-speaker', speaker: 'ana-ruiz', alias: 'Omar Bell' }, 'Dana Fact')
    const split = entry.detail.newSpeaker as string
    expect(store.speaker(split)!.name).to.equal('Omar Bell')
    expect(store.quotesBy(split)).to.have.length(1)
  })

  it('keeps decisions across reopening and re-ingesting the same articles', async () => {
    const statement = `${c}:s3`
    await store.decide({ action: 'split-statement', statement }, 'Dana Fact')
    await store.decide({ action: 'set-stance', statement: `${p}:s1`, stance: 'confirm' }, 'Dana Fact')
    const own = store.statement(statement)!.claim
    const reopened = await temp.open(store.path)
    const again = await reopened.addArticles([
      { article: council, extraction: councilExtraction },
      { article: protest, extraction: protestExtraction },
    ])
    expect(again.map((r) => r.added)).to.deep.equal([false, false])
    expect(reopened.statement(statement)!.claim).to.equal(own)
    expect(reopened.statement(`${p}:s1`)!.stance).to.equal('confirm')
    expect(reopened.decisions()).to.have.length(2)
  })

  it('gives a claim a verdict with who and when, keeping the one it replaced', async () => {
    const claim = store.statement(`${c}:s1`)!.claim
    await store.decide({ action: 'review-claim', claim, verdict: 'Mostly true', note: 'Inspection report agrees.' }, 'Dana Fact')
    const entry = await store.decide({ action: 'review-claim', claim, verdict: 'True', note: '' }, 'Lee Desk')
    expect(store.claim(claim)!.claim.review).to.deep.include({ verdict: 'True', by: 'Lee Desk', at: entry.at })
    expect(entry.detail.was).to.deep.include({ verdict: 'Mostly true', by: 'Dana Fact' })
  })

  it("corrects a kind, and rejects a false extraction out of its claim and its speaker's quotes", async () => {
    const statement = `${c}:s4`
    await store.decide({ action: 'set-kind', statement, kind: 'mixed' }, 'Dana Fact')
    expect(store.statement(statement)!.kind).to.equal('mixed')
    const claim = store.statement(statement)!.claim
    const speaker = store.statement(statement)!.speakerId!
    await store.decide({ action: 'reject-statement', statement, reason: 'not an attribution' }, 'Dana Fact')
    expect(store.statement(statement)!.rejected).to.deep.include({ by: 'Dana Fact', reason: 'not an attribution' })
    expect(store.claim(claim)?.entries.map((e) => e.statement.id) ?? []).not.to.include(statement)
    expect(store.quotesBy(speaker).map((e) => e.statement.id)).not.to.include(statement)
    const reopened = await temp.open(store.path)
    expect(reopened.quotesBy(speaker).map((e) => e.statement.id)).not.to.include(statement)
  })

  it('refuses a decision about something not stored, or without a reviewer, and changes nothing', async () => {
    const before = JSON.stringify(exportData(store.tables()))
    const refusals = [
      store.decide({ action: 'move-statement', statement: 'nope:s1', claim: `${c}:c1` }, 'Dana Fact'),
      store.decide({ action: 'merge-claims', into: `${c}:c1`, from: `${c}:c1` }, 'Dana Fact'),
      store.decide({ action: 'set-stance', statement: `${c}:s1`, stance: 'maybe' as never }, 'Dana Fact'),
      store.decide({ action: 'split-statement', statement: `${c}:s1` }, '  '),
    ]
    const errors = await Promise.all(
      refusals.map((r) =>
        r.then(
          () => null,
          (e: Error) => e,
        ),
      ),
    )
    expect(errors[0]).to.be.instanceOf(NotFoundError)
    for (const e of errors.slice(1)) expect(e).to.be.instanceOf(InvalidInputError)
    expect(JSON.stringify(exportData(store.tables()))).to.equal(before)
    expect(store.decisions()).to.have.length(0)
  })
})
