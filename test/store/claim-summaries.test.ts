// The claims list's rows in PostgreSQL stay as new as their claims: through chains of speaker merges that leave
// statements on a speaker merged away (as filing does for the article being filed), and after a migration that
// queued them (0002 queues every claim), once `claimtrail migrate` has run, for readers that never write.
import { expect } from 'chai'
import { Newsroom } from '../../bench/generate/newsroom.js'
import { migrate } from '../../src/store/pg/migrate.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { summariseDue } from '../../src/store/pg/summaries.js'
import { postgresBackend } from './backends.js'

describe('Claim summaries in PostgreSQL', function () {
  this.timeout(60_000)
  const backend = postgresBackend()
  let store: PgStore
  before(async function () {
    if (!(await backend.setUp())) {
      console.log('      skipped: claim summaries in PostgreSQL need a server and none answered (set PGHOST)')
      this.skip()
    }
    store = (await backend.open()) as PgStore
    const newsroom = new Newsroom(11, 40)
    await store.addArticles(Array.from({ length: 40 }, () => newsroom.next()))
  })
  after(() => backend.tearDown())

  it('shows a statement left on a speaker merged away as the speaker at the end of the merges', async () => {
    const people = (await store.speakers()).filter((s) => s.type === 'person' && !s.mergedInto)
    const [a, b, c] = people
    const [kept] = (await store.quotesBy(a.id)).map((e) => e.statement)
    await store.decide({ action: 'merge-speakers', into: a.id, from: b.id }, 'Dana Fact')
    // As filing leaves it: one statement still on the speaker merged away.
    await store.transaction(async (db) => {
      await db.query(`UPDATE statements SET speaker_id = $1, record = jsonb_set(record, '{speakerId}', to_jsonb($1::text)) WHERE id = $2`, [
        b.id,
        kept.id,
      ])
      await summariseDue(db)
    })
    await store.decide({ action: 'merge-speakers', into: c.id, from: a.id }, 'Dana Fact')
    const [summary] = await store
      .claimsPage({}, 'stored', { offset: 0, limit: 10_000 })
      .then((list) => list.filter((s) => s.claim.id === kept.claim))
    const voice = [...summary.asserted, ...summary.denied, ...summary.declined].find((v) => v.statementId === kept.id)
    expect(voice?.name).to.equal(c.name)
    expect(await store.claimsCount({ speaker: c.name })).to.be.greaterThan(0)
  })

  it('has every claim listed once `claimtrail migrate` made the rows a migration queued, for a reader that never writes', async () => {
    const before = await store.claims()
    await store.pool.query('DELETE FROM claim_summaries; DELETE FROM claim_voices; INSERT INTO claim_summaries_due SELECT id FROM claims')
    const db = await store.pool.connect()
    try {
      await migrate(db, store.path)
    } finally {
      db.release()
    }
    const reader = await PgStore.open(await urlOf(store), { readOnly: true })
    try {
      expect(await reader.claims()).to.deep.equal(before)
    } finally {
      await reader.close()
    }
  })
})

/** The URL a store was opened with, as the pool holds it. */
async function urlOf(store: PgStore): Promise<string> {
  const options = (store.pool as unknown as { options: { connectionString: string } }).options
  return options.connectionString
}
