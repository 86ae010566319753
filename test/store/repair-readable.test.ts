// `repair` must start from a store file that opening reads: a store from an older claimtrail (schema 2, one JSON
// file holding the texts) and a schema-3 file written whole rather than a record a line (edited by hand, or by a
// tool that pretty-prints) both open, so repair may never pass them over and rebuild the store without them.
// And `check` must not send the owner of an older, undamaged store to repair it.

import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { exportData } from '../../src/export/json.js'
import { Store } from '../../src/store/store.js'
import { claimtrail, ensureBuilt } from '../cli/run.js'
import { council, councilExtraction } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from './temp-store.js'

describe('repair and check on a store file that opens but is not in the checked layout', function () {
  this.timeout(120_000)
  let temp: TempFolder
  let db: string
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    db = temp.path('claimtrail.json')
  })
  afterEach(() => temp.remove())

  /** A store as an older claimtrail left it: one schema-2 file, the texts inside, no journal, head or texts file. */
  async function schema2Store(): Promise<string> {
    const store = await Store.open(db, { keepBackups: 0 })
    const { articleId } = await store.addArticle(council, councilExtraction)
    await store.close()
    const v3 = JSON.parse(await readFile(db, 'utf8'))
    const v2 = { ...v3, schema: 2, articles: v3.articles.map((a: object) => ({ ...a, text: council.text })) }
    delete v2.seq
    delete v2.check
    await writeFile(db, JSON.stringify(v2))
    for (const file of ['journal', 'head', 'texts']) await rm(`${db}.${file}`)
    await rm(`${db}.backups`, { recursive: true, force: true })
    return articleId
  }

  it('a schema-2 store: check does not call it damaged nor send its owner to repair', async () => {
    await schema2Store()
    const checked = await claimtrail(['check', '--db', db], { cwd: temp.dir })
    expect(`${checked.stdout}${checked.stderr}`, 'check on an older store').to.not.match(/damaged|claimtrail repair/i)
  })

  it('a schema-2 store: repair does not empty it', async () => {
    const articleId = await schema2Store()
    const repaired = await claimtrail(['repair', '--db', db], { cwd: temp.dir })
    // Whatever repair said, the store still holds its article, with its text.
    const opened = await Store.open(db)
    expect(
      opened.articles().map((a) => a.id),
      `articles after repair, which said:\n${repaired.stdout}`,
    ).to.deep.equal([articleId])
    expect(opened.article(articleId)!.text).to.equal(council.text)
    await opened.close()
  })

  it('a schema-3 file written whole: repair keeps its decisions', async () => {
    const store = await Store.open(db, { keepBackups: 0 })
    const { articleId } = await store.addArticle(council, councilExtraction)
    const claim = store.statement(`${articleId}:s1`)!.claim
    await store.decide({ action: 'review-claim', claim, verdict: 'False', note: 'No vote was held.' }, 'Dana Fact')
    await store.close()
    // Pretty-printed by hand: opening reads it whole (file.ts), and the store checks out.
    const data = JSON.parse(await readFile(db, 'utf8'))
    delete data.check
    await writeFile(db, JSON.stringify(data, null, 2))
    const checked = await claimtrail(['check', '--db', db], { cwd: temp.dir })
    expect(checked.code, checked.stderr).to.equal(0)
    expect((await Store.open(db, { readOnly: true })).decisions()).to.have.length(1)

    const repaired = await claimtrail(['repair', '--db', db], { cwd: temp.dir })
    expect(repaired.code, repaired.stderr).to.equal(0)
    const after = await Store.open(db, { readOnly: true })
    expect(
      after.decisions().map((d) => d.detail.note),
      `repair said:\n${repaired.stdout}`,
    ).to.deep.equal(['No vote was held.'])
    expect(exportData(after.tables()).claims.find((c) => c.id === claim)?.review?.verdict).to.equal('False')
  })

  it('a path with no store (a typo in --db): repair says so and creates nothing', async () => {
    const repaired = await claimtrail(['repair', '--db', temp.path('claimtrial.json')], { cwd: temp.dir })
    expect(repaired.stdout, 'repair of nothing').to.not.match(/repaired/)
    expect(repaired.code).to.equal(3)
    expect(repaired.stderr).to.match(/there is no store at .*claimtrial\.json/)
    expect(await readdir(temp.dir)).to.deep.equal([])
  })
})
