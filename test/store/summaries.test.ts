// The claims list after a write: redone for the claims the write touched, the same objects for the rest, and
// always what summarising every claim from scratch would give, on a real store file.
import { expect } from 'chai'
import type { Store } from '../../src/store/store.js'
import type { ClaimSummary } from '../../src/store/views.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { HARBOUR_ARTICLE, harbourExtraction } from '../web/fixture.js'
import { MINISTRY_ARTICLE, ministryExtraction } from '../web/speakers-fixture.js'
import { type TempFolder, tempFolder } from './temp-store.js'

/** Every live claim summarised anew from its ledger: what the kept list must always equal. */
function fromScratch(store: Store): ClaimSummary[] {
  return store
    .tables()
    .claims.filter((claim) => !claim.mergedInto)
    .map((claim) => {
      const { entries: _, ...summary } = store.claim(claim.id)!
      return summary
    })
    .filter((summary) => summary.statementCount > 0)
}

const byId = (list: ClaimSummary[]) => new Map(list.map((s) => [s.claim.id, s]))

describe('Store.claims after a write', () => {
  let temp: TempFolder
  let store: Store
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open(temp.path('claimtrail.json'))
    await store.addArticle(council, councilExtraction)
  })
  afterEach(() => temp.remove())

  it("shows a new article's claims, and a statement moved into a stored claim, as summarised from scratch", async () => {
    store.claims()
    const { articleId } = await store.addArticle(protest, protestExtraction)
    expect(store.claims()).to.deep.equal(fromScratch(store))
    expect(store.claims().filter((s) => s.claim.id.startsWith(articleId))).to.have.length(2)
    const unsafe = store.claims().find((s) => s.claim.text === 'The Elm Street bridge is unsafe')!
    await store.decide({ action: 'move-statement', statement: `${articleId}:s1`, claim: unsafe.claim.id }, 'tester')
    const joined = store.claims().find((s) => s.claim.id === unsafe.claim.id)!
    expect(joined).not.to.equal(unsafe)
    expect(joined.articleCount).to.equal(2)
    expect(store.claims()).to.deep.equal(fromScratch(store))
  })

  it('keeps the summaries a write did not touch as the same objects', async () => {
    const before = byId(store.claims())
    await store.addArticle(HARBOUR_ARTICLE, harbourExtraction())
    const after = byId(store.claims())
    expect(after.size).to.equal(before.size + 2)
    for (const [id, summary] of before) expect(after.get(id), id).to.equal(summary)
  })

  it('hides an article until its write is acknowledged, then shows it', async () => {
    await store.addArticles([{ article: HARBOUR_ARTICLE, extraction: harbourExtraction() }], { write: false })
    expect(store.claims().some((s) => s.claim.id.startsWith('harbour:'))).to.equal(false)
    await store.flush()
    expect(store.claims().filter((s) => s.claim.id.startsWith('harbour:'))).to.have.length(2)
    expect(store.claims()).to.deep.equal(fromScratch(store))
  })

  it("follows every decision: a review, a stance, a rejection, merged claims and speakers, a speaker's new name", async () => {
    await store.addArticle(protest, protestExtraction)
    await store.addArticle(MINISTRY_ARTICLE, ministryExtraction())
    store.claims()
    const claims = fromScratch(store)
    const [first, second] = claims
    const statement = second.claim.statementIds[0]
    const ruiz = store.speakers().find((s) => s.name === 'Ana Ruiz')!
    const bell = store.speakers().find((s) => s.name === 'Omar Bell')!
    const decisions = [
      { action: 'review-claim', claim: first.claim.id, verdict: 'false', note: 'checked' },
      { action: 'set-stance', statement, stance: 'deny' },
      { action: 'reject-statement', statement: first.claim.statementIds[0], reason: 'not a claim' },
      { action: 'merge-claims', into: first.claim.id, from: second.claim.id },
      { action: 'merge-speakers', into: ruiz.id, from: bell.id },
      { action: 'split-speaker', speaker: ruiz.id, alias: 'Ruiz' },
    ] as const
    for (const decision of decisions) {
      const before = byId(store.claims())
      await store.decide(decision, 'tester')
      const after = store.claims()
      expect(after, decision.action).to.deep.equal(fromScratch(store))
      // The claims it touched were summarised again: not the summaries kept from before.
      expect(after.some((s) => before.get(s.claim.id) !== s) || after.length !== before.size, decision.action).to.equal(true)
    }
    const merged = store.claims().find((s) => s.claim.id === first.claim.id)!
    expect(merged.claim.review?.verdict).to.equal('false')
    expect([...merged.asserted, ...merged.denied].map((v) => v.name)).not.to.include('Omar Bell')
  })

  it('reads back from the file as it was kept in memory', async () => {
    await store.addArticle(protest, protestExtraction)
    await store.decide({ action: 'review-claim', claim: store.claims()[0].claim.id, verdict: 'true', note: '' }, 'tester')
    const kept = store.claims()
    await store.close()
    const reopened = await temp.open(temp.path('claimtrail.json'), { readOnly: true })
    expect(reopened.claims()).to.deep.equal(kept)
  })

  it('puts a claim back in its place when a merge is undone, and a statement split off at the end', async () => {
    await store.addArticle(protest, protestExtraction)
    await store.addArticle(MINISTRY_ARTICLE, ministryExtraction())
    const [first, second] = store.claims()
    const decisions = [
      { action: 'merge-claims', into: first.claim.id, from: second.claim.id },
      { action: 'unmerge-claims', claim: second.claim.id, statements: second.claim.statementIds },
      { action: 'split-statement', statement: second.claim.statementIds[0] },
    ] as const
    for (const decision of decisions) {
      await store.decide(decision, 'tester')
      expect(store.claims(), decision.action).to.deep.equal(fromScratch(store))
      const at = store.claims().findIndex((s) => s.claim.id === second.claim.id)
      if (decision.action === 'merge-claims') expect(at).to.equal(-1)
      if (decision.action === 'unmerge-claims') expect(at).to.equal(1)
    }
    await store.addArticle(HARBOUR_ARTICLE, harbourExtraction())
    expect(store.claims()).to.deep.equal(fromScratch(store))
  })
})
