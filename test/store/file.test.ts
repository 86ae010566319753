// Opening a store file: a missing one is created, a damaged one is refused and left exactly as it was.

import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { StoreError } from '../../src/errors.js'
import { Store } from '../../src/store/store.js'
import { council, councilExtraction } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from './temp-store.js'

async function refusal(path: string): Promise<StoreError> {
  try {
    await (await Store.open(path)).close()
  } catch (error) {
    expect(error).to.be.instanceOf(StoreError)
    return error as StoreError
  }
  throw new Error(`Store.open(${path}) opened a file it should refuse`)
}

describe('Store.open', () => {
  let temp: TempFolder
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('creates a missing file, and its folder, as an empty schema-3 store', async () => {
    const path = temp.path('nested/data/claimtrail.json')
    const store = await temp.open(path)
    expect(store.articles()).to.deep.equal([])
    expect(JSON.parse(await readFile(path, 'utf8'))).to.deep.include({ schema: 3, articles: [], claims: [] })
  })

  it('reads back what an earlier open stored', async () => {
    const path = temp.path('claimtrail.json')
    await (await temp.open(path)).addArticle(council, councilExtraction)
    const again = await temp.open(path)
    expect(again.articles().map((a) => a.title)).to.deep.equal([council.title])
    expect(again.statements()).to.have.length(4)
    expect(again.speakers().map((s) => s.name)).to.include('Ana Ruiz')
  })

  it('upgrades a schema-1 store, keeping the old file as a backup', async () => {
    const path = temp.path('claimtrail.json')
    const v1 = {
      schema: 1,
      articles: [],
      statements: [],
      claims: [],
      log: [],
      speakers: [{ id: 'ana-ruiz', name: 'Ana Ruiz', type: 'person', role: 'Mayor', affiliation: null, aliases: ['Ruiz'] }],
    }
    await writeFile(path, JSON.stringify(v1))
    const store = await temp.open(path)
    expect(store.speaker('ana-ruiz')).to.deep.include({ role: 'Mayor', roles: [{ role: 'Mayor', firstSeen: null, lastSeen: null }] })
    expect(JSON.parse(await readFile(path, 'utf8'))).to.include({ schema: 3 })
    expect(JSON.parse(await readFile(`${path}.v1.bak`, 'utf8'))).to.deep.equal(v1)
  })

  it('gives statements of a schema-1 store, which had no date precision, the one their date phrase has', async () => {
    const path = temp.path('claimtrail.json')
    await (await temp.open(path)).addArticle(council, councilExtraction)
    const before = JSON.parse(await readFile(path, 'utf8'))
    for (const statement of before.statements) delete statement.datePrecision
    before.schema = 1
    await writeFile(path, JSON.stringify(before))
    const statements = (await temp.open(path)).statements()
    expect(statements.map((s) => [s.dateText, s.datePrecision])).to.deep.equal([
      ['on Monday', 'day'],
      [null, null],
      [null, null],
      [null, null],
    ])
  })

  const damaged: [string, string, RegExp][] = [
    [
      'text that is not JSON',
      '{"schema": 1, "articles": [',
      /is not valid JSON \(.+\)\. Nothing was changed: run `claimtrail repair --db .+`/,
    ],
    ['an empty file', '', /is not valid JSON/],
    ['JSON null', 'null', /is not a claimtrail store/],
    ['a JSON list', '[]', /is not a claimtrail store/],
    [
      'another schema',
      '{"schema": 4, "articles": [], "speakers": [], "statements": [], "claims": [], "log": []}',
      /is schema 4; this build reads schemas 1 to 3\. Upgrade claimtrail or restore a backup\./,
    ],
    ['a table missing', '{"schema": 1, "articles": []}', /has no "speakers" list/],
  ]
  for (const [what, bytes, message] of damaged) {
    it(`refuses ${what} with a StoreError naming the file, and leaves its bytes alone`, async () => {
      const path = temp.path('claimtrail.json')
      await writeFile(path, bytes)
      const error = await refusal(path)
      expect(error.message).to.match(message)
      expect(error.message).to.contain(path)
      expect(await readFile(path, 'utf8')).to.equal(bytes)
    })
  }

  it('refuses a path that is a folder, saying it cannot be read', async () => {
    const path = temp.path('claimtrail.json')
    await mkdir(path)
    expect((await refusal(path)).message).to.match(/^cannot read .*claimtrail\.json \(EISDIR/)
  })
})
