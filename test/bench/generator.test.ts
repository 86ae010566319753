// The store generator behind `npm run gen` and the benches: the same seed builds the same store, every span it
// writes is a slice of its article, and what it builds is a store the real Store opens and reads.

import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { expect } from 'chai'
import { generateStore } from '../../bench/generate/build.js'
import { Newsroom } from '../../bench/generate/newsroom.js'
import { exportData } from '../../src/export/json.js'
import { extract } from '../../src/pipeline/extract.js'
import { Store } from '../../src/store/store.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'

const articles = (seed: number, n: number) =>
  Array.from(
    { length: n },
    (
      (newsroom) => () =>
        newsroom.next()
    )(new Newsroom(seed, n)),
  )

describe('store generator', () => {
  let temp: TempFolder
  beforeEach(async () => {
    temp = await tempFolder()
  })
  afterEach(() => temp.remove())

  it('writes the same articles and extractions for the same seed, other ones for another', () => {
    expect(JSON.stringify(articles(7, 40))).to.equal(JSON.stringify(articles(7, 40)))
    expect(JSON.stringify(articles(8, 40))).not.to.equal(JSON.stringify(articles(7, 40)))
  })

  it('marks content, cue and speaker with exact slices of the text, and files every statement under a listed claim', () => {
    const kinds = new Set<string>()
    for (const { article, extraction } of articles(3, 200)) {
      const claims = new Set(extraction.claims.map((c) => c.id))
      for (const s of extraction.statements) {
        for (const span of [...s.content, s.cue, s.speaker?.mention].filter((x) => x !== null && x !== undefined)) {
          expect(article.text.slice(span.start, span.end)).to.equal(span.text)
        }
        expect(claims.has(s.claim), `${s.claim} listed`).to.equal(true)
        expect(s.date === null).to.equal(s.datePrecision === null)
        kinds.add(`${s.kind} ${s.stance} ${s.speaker?.type}`)
      }
    }
    // Quotes and reported speech, assertions, denials, refusals and confirmations, from every kind of speaker.
    for (const kind of ['direct assert', 'indirect assert', 'direct deny', 'indirect deny', 'indirect decline', 'indirect confirm']) {
      expect(
        [...kinds].some((k) => k.startsWith(kind)),
        kind,
      ).to.equal(true)
    }
    for (const type of ['person', 'organization', 'country', 'anonymous', 'group', 'document']) {
      expect(
        [...kinds].some((k) => k.endsWith(type)),
        type,
      ).to.equal(true)
    }
  })

  it('writes what the real pipeline reads the same way: most of its statements found there, same stance', () => {
    let written = 0
    let found = 0
    for (const { article, extraction } of articles(11, 40)) {
      const read = extract(article).statements
      for (const s of extraction.statements) {
        written++
        const [first] = s.content
        if (read.some((r) => r.stance === s.stance && r.content.some((c) => c.start < first.end && first.start < c.end))) found++
      }
    }
    // 95% when measured (README, "Scale"); the generator must stay news the pipeline recognises.
    expect(found / written).to.be.greaterThan(0.8)
  })

  it('builds a store the real Store opens, with claims asserted and denied across articles; the same one again for its seed', async () => {
    const built = await generateStore({ db: temp.path('a.json'), articles: 150, seed: 5 })
    await generateStore({ db: temp.path('b.json'), articles: 150, seed: 5 })
    const store = await Store.open(temp.path('a.json'), { readOnly: true })
    expect(store.articles()).to.have.length(150)
    expect(built).to.include({
      articles: 150,
      statements: store.statements().length,
      claims: store.claims().length,
      speakers: store.speakers().length,
    })
    const shared = store.claims().filter((c) => c.articleCount > 1)
    expect(shared.length).to.be.greaterThan(10)
    expect(shared.some((c) => c.asserted.length > 0 && c.denied.length > 0)).to.equal(true)
    const again = await Store.open(temp.path('b.json'), { readOnly: true })
    expect(JSON.stringify(exportData(again.tables()))).to.equal(JSON.stringify(exportData(store.tables())))
  })

  it('stops at the statements asked for', async () => {
    const built = await generateStore({ db: temp.path('s.json'), statements: 500 })
    expect(built.statements).to.be.within(500, 520)
  })

  it('refuses a store path that exists, with exit code 2 and what to do', () => {
    const db = temp.path('taken.json')
    writeFileSync(db, '{}')
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/gen.ts', '--articles', '10', '--db', db], { encoding: 'utf8' })
    expect(run.status).to.equal(2)
    expect(run.stderr).to.include(`${db} exists. Give a new path`)
  })
})
