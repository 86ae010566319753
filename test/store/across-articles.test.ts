// One claim across articles: outlets reporting the same claim, and a denial of it, file under one claim that shows
// every article carrying it; a related but different claim stays apart; the index survives reopening. Invented
// articles through the real pipeline into a real store file.
import { expect } from 'chai'
import type { Store } from '../../src/store/store.js'
import { extracted, type TempFolder, tempFolder } from './temp-store.js'

const article = extracted

const HERALD =
  'The Harbor Authority secretly approved a $40 million dredging contract for Larkin Marine without a public vote, according to two council members.'
const COURIER =
  'Two council members said the Harbor Authority approved the $40 million Larkin Marine dredging contract in secret, without a public vote.'
const LEDGER =
  'Harbor Authority chair Rosa Diaz denied that the authority approved the $40 million Larkin Marine dredging contract without a public vote.'
const OTHER = 'The Harbor Authority will hold a public vote on the ferry schedule next month, Rosa Diaz said.'

describe('Store: one claim across articles', () => {
  let temp: TempFolder
  let store: Store
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open(temp.path('claimtrail.json'))
  })
  afterEach(() => temp.remove())

  const claimWith = (words: string) =>
    store
      .claims()
      .filter(
        (c) =>
          c.claim.text.includes(words) ||
          store.claim(c.claim.id)!.entries.some((e) => e.statement.content.some((p) => p.text.includes(words))),
      )

  it('files the same claim from two outlets, and its denial from a third, under one claim', async () => {
    await store.addArticles([article(HERALD, '2024-05-01', 'Herald'), article(COURIER, '2024-05-02', 'Courier')])
    await store.addArticles([article(LEDGER, '2024-05-03', 'Ledger')])
    const [claim, ...others] = claimWith('dredging contract')
    expect(others).to.deep.equal([])
    expect(claim.articleCount).to.equal(3)
    expect(claim.denied.map((v) => v.name)).to.deep.equal(['Rosa Diaz'])
    expect(claim.denied[0].outlet).to.equal('Ledger')
    const joined = store.claim(claim.claim.id)!.entries.filter((e) => e.statement.link.how === 'across-articles')
    expect([...new Set(joined.map((e) => e.article.outlet))]).to.have.members(['Courier', 'Ledger'])
    for (const e of joined) expect(e.statement.link.confidence).to.be.within(0.6, 1)
  })

  it('keeps a related but different claim apart', async () => {
    await store.addArticles([article(HERALD, '2024-05-01', 'Herald'), article(OTHER, '2024-05-02', 'Courier')])
    expect(claimWith('dredging contract')).to.have.length(1)
    expect(claimWith('ferry schedule')).to.have.length(1)
    expect(claimWith('ferry schedule')[0].claim.id).not.to.equal(claimWith('dredging contract')[0].claim.id)
  })

  it('finds stored claims again after reopening', async () => {
    await store.addArticles([article(HERALD, '2024-05-01', 'Herald')])
    const reopened = await temp.open(store.path)
    await reopened.addArticles([article(COURIER, '2024-05-02', 'Courier')])
    store = reopened
    expect(claimWith('dredging contract')).to.have.length(1)
    expect(claimWith('dredging contract')[0].articleCount).to.equal(2)
  })

  it('lets a reviewer split a statement back out, and the next article still finds the claim', async () => {
    await store.addArticles([article(HERALD, '2024-05-01', 'Herald'), article(COURIER, '2024-05-02', 'Courier')])
    const [claim] = claimWith('dredging contract')
    const courier = store.claim(claim.claim.id)!.entries.find((e) => e.article.outlet === 'Courier')!.statement.id
    await store.decide({ action: 'split-statement', statement: courier }, 'Dana Fact')
    await store.addArticles([article(LEDGER, '2024-05-03', 'Ledger')])
    expect(store.statement(courier)!.claim).not.to.equal(claim.claim.id)
    expect(store.claim(store.statement(courier)!.claim)!.entries.map((e) => e.statement.id)).to.include(courier)
  })
})
