// `npm run gen -- --db postgres://…` as a user runs it: the database it builds holds what a store file generated
// with the same seed and size holds, record for record, and a database that holds articles is refused.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { expect } from 'chai'
import { tally } from '../../src/store/pg/copy.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import type { StoreTables } from '../../src/store/schema.js'
import { Store } from '../../src/store/store.js'
import { databaseOrSkip, type TestDatabase } from '../pg/database.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'

const gen = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/gen.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } })

// When each article was filed is the one field a seed does not fix: it is the clock's.
const unstamped = (tables: StoreTables): StoreTables => ({ ...tables, articles: tables.articles.map((a) => ({ ...a, addedAt: '' })) })

describe('store generator into PostgreSQL', function () {
  this.timeout(120_000)
  let db: TestDatabase
  let temp: TempFolder
  before(async function () {
    db = await databaseOrSkip(this, 'gen --db postgres://')
    temp = await tempFolder()
  })
  after(async () => {
    await temp?.remove()
    await db?.drop()
  })

  it('builds the store a store file of the same seed holds, then refuses to generate into it again', async () => {
    const file = temp.path('claimtrail.json')
    const json = gen(['--articles', '60', '--seed', '4', '--db', file])
    expect(json.status, json.stderr).to.equal(0)
    const scratch = temp.path('tmp')
    mkdirSync(scratch)
    const built = gen(['--articles', '60', '--seed', '4', '--db', db.url], { TMPDIR: scratch })
    expect(built.status, built.stderr).to.equal(0)
    expect(built.stdout).to.match(/built postgres:\/\/.* \(seed 4\) in [\d.]+ s .*: 60 articles, [\d,]+ statements/)
    // The store file it built on the way is gone (tsx keeps its cache there too).
    expect(readdirSync(scratch).filter((name) => name.startsWith('claimtrail-'))).to.deep.equal([])

    const store = await Store.open(file, { readOnly: true })
    const pg = await PgStore.open(db.url, { readOnly: true })
    try {
      const texts = new Map(store.articles().map((a) => [a.id, store.article(a.id)!.text]))
      const fromFile = tally(unstamped(store.tables()), texts, store.decisions())
      const { rows } = await pg.pool.query<{ article_id: string; text: string }>('SELECT article_id, text FROM article_texts')
      const fromDb = tally(unstamped(await pg.tables()), new Map(rows.map((r) => [r.article_id, r.text])), await pg.decisions())
      expect(fromDb.articles).to.equal(60)
      expect(fromDb.statements).to.be.greaterThan(200)
      expect(fromDb).to.deep.equal(fromFile)
    } finally {
      await pg.close()
    }

    const again = gen(['--articles', '10', '--db', db.url])
    expect(again.status).to.equal(2)
    expect(again.stderr).to.match(/gen: postgres:\/\/.* already holds articles\. Give an empty database/)
  })
})
