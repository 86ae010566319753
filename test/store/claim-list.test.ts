// The claims list in PostgreSQL (src/store/pg/claim-list.ts) answers as the JSON store's filter and sorts do:
// the same generated news and the same desk decisions go into both stores, then every filter of the list, alone
// and together, in every order, must keep the same claims in the same places, with the same counts.
import { expect } from 'chai'
import { Newsroom } from '../../bench/generate/newsroom.js'
import { CLAIM_ORDERS, type ClaimOrder, type ClaimsQuery, filterClaims } from '../../src/store/claim-filter.js'
import { claimsPage } from '../../src/store/pg/claim-list.js'
import type { PgStore } from '../../src/store/pg/pg-store.js'
import type { Store } from '../../src/store/store.js'
import type { ClaimSummary } from '../../src/store/views.js'
import { jsonBackend, postgresBackend } from './backends.js'

const QUERIES: Array<[string, ClaimsQuery]> = [
  ['everything', {}],
  ['denied', { denied: true }],
  ['nobody denied', { denied: false }],
  ['across articles', { acrossArticles: true }],
  ['anonymous only', { anonymousOnly: true }],
  ['reviewed', { review: { reviewed: true } }],
  ['not reviewed', { review: { reviewed: false } }],
  ['a verdict, any case', { review: { verdict: 'FALSE' } }],
  ['anonymous voices', { speakerType: 'anonymous' }],
  ['denials', { stance: 'deny' }],
  ['confirmations count as assertions', { stance: 'confirm' }],
  ['declined', { stance: 'decline' }],
  ['a date range', { from: '2021-01-01', to: '2021-06-30' }],
  ['a range that holds nothing', { from: '1990-01-01', to: '1990-01-02' }],
  ['a name that is nobody', { speaker: 'Nobody Atall' }],
  ['punctuation only', { speaker: '%_.' }],
]

describe('Claims list: PostgreSQL pages agree with the JSON store', function () {
  this.timeout(120_000)
  const json = jsonBackend()
  const pg = postgresBackend()
  let a: Store
  let b: PgStore
  let all: ClaimSummary[]

  before(async function () {
    await json.setUp()
    if (!(await pg.setUp())) {
      console.log('      skipped: the claims list in PostgreSQL needs a server and none answered (set PGHOST)')
      this.skip()
    }
    a = (await json.open()) as Store
    b = (await pg.open()) as PgStore
    const newsroom = new Newsroom(7, 120)
    const batch = Array.from({ length: 120 }, () => newsroom.next())
    for (const store of [a, b]) {
      for (let i = 0; i < batch.length; i += 20) await store.addArticles(batch.slice(i, i + 20))
    }
    all = a.claims()
    // Decisions change summaries after filing: a verdict, a merge of claims, a merge of speakers.
    const reviewed = all.find((c) => c.denied.length)!.claim.id
    const [into, from] = all.filter((c) => c.claim.id !== reviewed).map((c) => c.claim.id)
    const speakers = a.speakers().filter((s) => s.type === 'person')
    for (const store of [a, b]) {
      await store.decide({ action: 'review-claim', claim: reviewed, verdict: 'False', note: '' }, 'Dana Fact')
      await store.decide({ action: 'merge-claims', into, from }, 'Dana Fact')
      await store.decide({ action: 'merge-speakers', into: speakers[0].id, from: speakers[1].id }, 'Dana Fact')
    }
    all = a.claims()
  })
  after(async () => {
    await json.tearDown()
    await pg.tearDown()
  })

  const speakerQueries = (): Array<[string, ClaimsQuery]> => {
    const named = all.flatMap((c) => c.asserted.concat(c.denied)).find((v) => v.type === 'person' && v.name?.includes(' '))!
    const surname = named.name!.split(' ').at(-1)!
    const outlet = all.find((c) => c.asserted[0]?.outlet)!.asserted[0].outlet!
    return [
      ['a full name', { speaker: named.name! }],
      ['a surname, in capitals', { speaker: surname.toUpperCase() }],
      ['a speaker who denied it, in a range', { speaker: surname, stance: 'deny', from: '2020-01-01' }],
      ['an outlet, any case', { outlet: outlet.toLowerCase() }],
      ['an outlet and a side', { outlet, stance: 'assert', speakerType: 'person' }],
    ]
  }

  it('holds the same claims, with the same summaries, in the order they were stored', async () => {
    expect(all.length).to.be.above(100)
    // The two desks decided a few milliseconds apart.
    const undated = (list: ClaimSummary[]) => JSON.parse(JSON.stringify(list).replace(/"at":"[^"]+"/g, '"at":""'))
    expect(undated(await b.claims())).to.deep.equal(undated(all))
  })

  for (const order of Object.keys(CLAIM_ORDERS) as Array<Exclude<ClaimOrder, 'stored'>>) {
    it(`keeps what the JSON store keeps for every filter, sorted by ${order}`, async () => {
      for (const [name, query] of [...QUERIES, ...speakerQueries()]) {
        const wanted = filterClaims([...all].sort(CLAIM_ORDERS[order]), query, (id) => a.speaker(id)).map((c) => c.claim.id)
        const page = await b.claimsPage(query, order, { offset: 0, limit: 10_000 })
        expect(
          page.map((c) => c.claim.id),
          name,
        ).to.deep.equal(wanted)
        expect(await b.claimsCount(query), name).to.equal(wanted.length)
        const batches: string[][] = []
        for await (const batch of b.claimBatches(query, order, 50)) batches.push(batch.map((c) => c.claim.id))
        expect(batches.flat(), `${name}, in batches`).to.deep.equal(wanted)
        expect(batches.slice(0, -1).every((batch) => batch.length === 50)).to.equal(true)
        if (wanted.length > 7) {
          const second = await b.claimsPage(query, order, { offset: 3, limit: 4 })
          expect(
            second.map((c) => c.claim.id),
            `${name}, a page`,
          ).to.deep.equal(wanted.slice(3, 7))
        }
      }
    })
  }

  for (const order of Object.keys(CLAIM_ORDERS) as Array<Exclude<ClaimOrder, 'stored'>>) {
    it(`pages a speaker's claims alike whether it walks the list or sorts them, by ${order}`, async () => {
      let walked = 0
      for (const [name, query] of speakerQueries().filter(([, q]) => q.speaker)) {
        const wanted = filterClaims([...all].sort(CLAIM_ORDERS[order]), query, (id) => a.speaker(id)).map((c) => c.claim.id)
        for (const slice of [
          { offset: 0, limit: 50 },
          { offset: 3, limit: 4 },
          { offset: 0, limit: 10_000 },
        ]) {
          const expected = wanted.slice(slice.offset, slice.offset + slice.limit)
          // 0: never walk; a trillion: always walk.
          for (const walkClaims of [0, 1e12]) {
            const page = await claimsPage(b.pool, query, order, slice, walkClaims)
            expect(
              page.map((c) => c.claim.id),
              `${name}, ${JSON.stringify(slice)}, walk ${walkClaims}`,
            ).to.deep.equal(expected)
          }
          if (expected.length) walked++
        }
      }
      expect(walked).to.be.greaterThan(4)
    })
  }

  it('finds most of the filters non-empty, so the comparison means something', () => {
    const kept = [...QUERIES, ...speakerQueries()].filter(([, q]) => filterClaims(all, q, (id) => a.speaker(id)).length > 0)
    expect(kept.length).to.be.at.least(QUERIES.length + 5 - 4)
  })

  it('offers the outlets and verdicts the JSON store offers', async () => {
    const facets = await b.claimFacets()
    const outlets = [
      ...new Set(
        a
          .articles()
          .map((x) => x.outlet)
          .filter((o): o is string => !!o),
      ),
    ].sort((x, y) => x.localeCompare(y))
    expect(facets.outlets).to.deep.equal(outlets)
    expect(facets.verdicts).to.deep.equal(['False'])
  })

  it('finds claims by the words of their text, the most quoted first, and by id', async () => {
    const claim = all.find((c) => c.claim.text.split(' ').length > 4)!
    const words = claim.claim.text.toLowerCase().split(/\s+/).slice(1, 3).join(' ')
    const wanted = all
      .filter((c) => words.split(' ').every((w) => c.claim.text.toLowerCase().includes(w)))
      .sort((x, y) => y.statementCount - x.statementCount)
      .map((c) => c.claim.id)
    expect((await b.claimsHolding(words, 1000)).map((c) => c.claim.id)).to.deep.equal(wanted)
    expect((await b.claimsHolding(claim.claim.id, 10)).map((c) => c.claim.id)).to.include(claim.claim.id)
  })
})
