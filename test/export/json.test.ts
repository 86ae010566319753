// The JSON export as docs/design.md (Surfaces) describes it: four tables, articles without their text, and
// nothing lost on the way.
import { expect } from 'chai'
import { exportData, exportJson } from '../../src/export/json.js'
import { council, councilExtraction, councilText, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'

describe('JSON export', () => {
  let temp: TempFolder
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('prints the stored tables as indented JSON, claims with their statement ids and review', async () => {
    const store = await temp.open(temp.path('claimtrail.json'))
    const [{ articleId }] = await store.addArticles([
      { article: council, extraction: councilExtraction },
      { article: protest, extraction: protestExtraction },
    ])
    const printed = exportJson(exportData(store.tables()))
    expect(printed).to.match(/^\{\n {2}"articles": \[/)
    expect(printed.endsWith('}\n')).to.equal(true)
    expect(printed).not.to.contain(councilText.slice(0, 60))
    const data = JSON.parse(printed)
    expect(data.articles[0]).to.deep.equal({
      id: articleId,
      title: council.title,
      outlet: council.outlet,
      url: council.url,
      published: council.published,
    })
    expect(data.claims[0]).to.deep.equal({
      id: `${articleId}:c1`,
      text: 'The Elm Street bridge is unsafe',
      statementIds: [`${articleId}:s1`, `${articleId}:s3`],
      review: null,
    })
    expect(data.statements[0]).to.deep.include({
      id: `${articleId}:s1`,
      articleId,
      speakerId: 'ana-ruiz',
      kind: 'direct',
      stance: 'assert',
      date: '2024-03-11',
      datePrecision: 'day',
      dateText: 'on Monday',
    })
    expect(data.statements).to.have.length(7)
  })

  it('leaves out fields the store keeps for itself', () => {
    const data = exportData({
      articles: [{ id: 'a', title: null, outlet: null, url: null, published: null, fingerprint: 'f', addedAt: 'now' }],
      speakers: [],
      claims: [],
      statements: [],
    })
    expect(data.articles).to.deep.equal([{ id: 'a', title: null, outlet: null, url: null, published: null }])
  })
})
