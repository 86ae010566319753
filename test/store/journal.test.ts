// Writes go to a journal and are folded into the store file now and then. Whatever the moment the store is read
// back, from the file and its journal or from a freshly folded file, it must hold exactly what the writer held.

import { readFileSync } from 'node:fs'
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { StoreError } from '../../src/errors.js'
import { exportData } from '../../src/export/json.js'
import type { Decision } from '../../src/store/decisions.js'
import { readJournal } from '../../src/store/journal.js'
import type { Store } from '../../src/store/store.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { extracted, type TempFolder, tempFolder } from './temp-store.js'

const sample = readFileSync(new URL('../fixtures/nextshark-russia-china-aid.txt', import.meta.url), 'utf8')

/** Everything a reader sees: the tables, the decisions, the texts. */
function contents(store: Store) {
  return { ...exportData(store.tables()), log: store.decisions(), texts: store.articles().map((a) => store.article(a.id)!.text) }
}

describe('Store: journal and compaction', () => {
  let temp: TempFolder
  let path: string
  beforeEach(async () => {
    temp = await tempFolder()
    path = temp.path('claimtrail.json')
  })
  afterEach(() => temp.remove())

  /** Files articles and takes every kind of decision, checking after each change that a reader sees it all. */
  async function everyKindOfChange(store: Store, check: () => Promise<void>) {
    const [{ articleId: c }, { articleId: p }] = await store.addArticles([
      { article: council, extraction: councilExtraction },
      { article: protest, extraction: protestExtraction },
    ])
    await check()
    await store.addArticles([extracted(sample, '2022-03-15', 'NextShark')])
    await check()
    const claimOf = (id: string) => store.statement(id)!.claim
    const decisions: Decision[] = [
      { action: 'review-claim', claim: claimOf(`${c}:s1`), verdict: 'False', note: 'No vote was held.' },
      { action: 'merge-claims', into: claimOf(`${c}:s1`), from: claimOf(`${p}:s1`) },
      { action: 'split-statement', statement: `${c}:s3` },
      { action: 'move-statement', statement: `${c}:s3`, claim: claimOf(`${c}:s2`) },
      { action: 'set-stance', statement: `${c}:s2`, stance: 'deny' },
      { action: 'set-kind', statement: `${c}:s2`, kind: 'direct' },
      { action: 'set-speaker', statement: `${p}:s2`, speaker: 'Omar Bell', type: 'person' },
      { action: 'merge-speakers', into: 'ana-ruiz', from: 'omar-bell' },
      { action: 'split-speaker', speaker: 'ana-ruiz', alias: 'Omar Bell' },
      { action: 'reject-statement', statement: `${c}:s4`, reason: 'not a statement' },
    ]
    for (const decision of decisions) {
      await store.decide(decision, 'Dana Fact')
      await check()
    }
    // The same texts again add nothing; a later article joins stored claims and speakers.
    await store.addArticles([
      { article: council, extraction: councilExtraction },
      extracted(`${sample}\n\nUpdated.`, '2022-03-16', 'NextShark'),
    ])
    await check()
  }

  it('reads back from the file and its journal exactly what the writer holds, after every kind of change', async () => {
    const store = await temp.open(path)
    let checks = 0
    await everyKindOfChange(store, async () => {
      const reader = await temp.open(path, { readOnly: true })
      expect(contents(reader)).to.deep.equal(contents(store))
      checks++
    })
    expect(checks).to.equal(13)
    // Nothing was folded in: the file is still the empty store, and the journal has a line per change.
    expect(JSON.parse(await readFile(path, 'utf8')).articles).to.deep.equal([])
    // A heading naming the store file it follows, then a checked line per change, numbered on from it.
    const journal = readJournal(`${path}.journal`)
    expect(journal.base).to.equal(0)
    expect(journal.entries.map((entry) => entry.seq)).to.deep.equal(journal.entries.map((_, i) => i + 1))
    for (const line of (await readFile(`${path}.journal`, 'utf8')).trimEnd().split('\n')) expect(line).to.match(/^\{.*\}\t[0-9a-f]{8}$/)
  })

  it('folds the journal into the file whenever it passes the floor, and reads back the same', async () => {
    const store = await temp.open(path, { compactFloor: 1 })
    await everyKindOfChange(store, async () => {
      await store.flush()
      const reader = await temp.open(path, { readOnly: true })
      expect(contents(reader)).to.deep.equal(contents(store))
    })
    await store.close()
    expect(readJournal(`${path}.journal`)).to.deep.equal({
      base: JSON.parse(`${(await readFile(path, 'utf8')).split('\n')[0]}}`).seq,
      entries: [],
    })
    const again = await temp.open(path, { readOnly: true })
    expect(contents(again)).to.deep.equal(contents(store))
  })

  it('keeps article texts out of the store file', async () => {
    const store = await temp.open(path)
    await store.addArticle(council, councilExtraction)
    await store.close()
    const file = await readFile(path, 'utf8')
    expect(file).not.to.contain('Elm Street bridge will close')
    expect(JSON.parse(file).articles[0]).not.to.have.property('text')
    expect(await readFile(`${path}.texts`, 'utf8')).to.contain('Elm Street bridge')
    expect((await temp.open(path, { readOnly: true })).article(JSON.parse(file).articles[0].id)!.text).to.equal(council.text)
  })

  it('writes 40 changes that arrive together and loses none', async () => {
    const store = await temp.open(path)
    const texts = Array.from({ length: 40 }, (_, i) => `Ana Ruiz said the ferry ${i} would run on time.`)
    await Promise.all(
      texts.map((text, i) => store.addArticle({ text, title: `Ferry ${i}`, outlet: null, published: null, url: null }, councilExtraction)),
    )
    const reader = await temp.open(path, { readOnly: true })
    expect(reader.articles().map((a) => a.title)).to.have.members(texts.map((_, i) => `Ferry ${i}`))
    expect(contents(reader)).to.deep.equal(contents(store))
  })

  it('drops a last journal line a killed writer left half written, and cuts it off before appending', async () => {
    const first = await temp.open(path)
    await first.addArticle(council, councilExtraction)
    const held = contents(first)
    await appendFile(`${path}.journal`, '{"seq":2,"articles":[{"id":"half')
    await appendFile(`${path}.texts`, '{"id":"half","text":"Half a')
    expect(contents(await temp.open(path, { readOnly: true }))).to.deep.equal(held)
    // A writer of another process would open it now; in this one the lock is shared, so open anew.
    const second = await temp.open(path)
    await second.addArticle(protest, protestExtraction)
    const reread = await temp.open(path, { readOnly: true })
    expect(reread.articles()).to.have.length(2)
    expect(reread.article(reread.articles()[1].id)!.text).to.equal(protest.text)
  })

  it('refuses a journal damaged before its last line, and leaves it as it was', async () => {
    const store = await temp.open(path)
    await store.addArticle(council, councilExtraction)
    await store.addArticle(protest, protestExtraction)
    const journal = await readFile(`${path}.journal`, 'utf8')
    const damaged = journal.replace('"seq":1', '"seq":1,,')
    await writeFile(`${path}.journal`, damaged)
    try {
      await temp.open(path, { readOnly: true })
      expect.fail('opened a damaged journal')
    } catch (error) {
      expect(error).to.be.instanceOf(StoreError)
      expect((error as Error).message).to.match(
        /journal is damaged at line 2: .* Nothing was changed\. Run `claimtrail check --db .*` .* `claimtrail repair --db .*`/,
      )
    }
    expect(await readFile(`${path}.journal`, 'utf8')).to.equal(damaged)
  })

  it('upgrades a schema-2 file: a backup first, then the texts move to their own file', async () => {
    const store = await temp.open(path)
    await store.addArticle(council, councilExtraction)
    await store.close()
    const v3 = JSON.parse(await readFile(path, 'utf8'))
    const v2 = { ...v3, schema: 2, articles: v3.articles.map((a: object) => ({ ...a, text: council.text })) }
    delete v2.seq
    await writeFile(path, JSON.stringify(v2))
    // A schema-2 store was one file: no journal, no head, no texts.
    await writeFile(`${path}.texts`, '')
    await rm(`${path}.journal`)
    await rm(`${path}.head`)
    const upgraded = await temp.open(path)
    expect(upgraded.article(v3.articles[0].id)!.text).to.equal(council.text)
    expect(JSON.parse(await readFile(`${path}.v2.bak`, 'utf8'))).to.deep.equal(v2)
    expect(JSON.parse(await readFile(path, 'utf8'))).to.deep.include({ schema: 3, seq: 0 })
    expect(await readFile(path, 'utf8')).not.to.contain('Elm Street bridge will close')
  })
})
