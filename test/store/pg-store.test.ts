// What only the PostgreSQL store has to get right: its schema (migrated once, however many open it at once; a
// newer one refused), and one article filed once when several processes race to file it.
import { expect } from 'chai'
import pg from 'pg'
import { StoreError } from '../../src/errors.js'
import { knownMigrations } from '../../src/store/pg/migrate.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { databaseOrSkip, type TestDatabase } from '../pg/database.js'

describe('PgStore: schema and races', function () {
  this.timeout(60_000)
  let db: TestDatabase
  const opened: PgStore[] = []
  const open = async (options?: { readOnly?: boolean }) => {
    const store = await PgStore.open(db.url, options)
    opened.push(store)
    return store
  }
  beforeEach(async function () {
    db = await databaseOrSkip(this, 'the PostgreSQL store')
  })
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close()
    await db?.drop()
  })

  it('migrates a new database once, however many open it at the same moment', async () => {
    const stores = await Promise.all([open(), open(), open(), open()])
    const { rows } = await stores[0].pool.query<{ n: number }>('SELECT count(*)::int AS n FROM claimtrail_migrations')
    // Each known migration once, not once per store that opened it.
    expect(rows[0].n).to.equal(knownMigrations().length)
  })

  it('gives an export its tables as of one moment, whatever is filed while it reads', async () => {
    const store = await open()
    await store.addArticle(council, councilExtraction)
    const claimsBefore = (await store.claims()).map((c) => c.claim.id)
    const statementsBefore = (await store.statements()).map((s) => s.id)
    expect(claimsBefore.length).to.be.greaterThan(1)
    const claims: string[] = []
    const statements: string[] = []
    // One claim and one statement a batch: the second article is filed after each first batch was read.
    const claimTable = store.claimTable(1)[Symbol.asyncIterator]()
    const statementTable = store.statementTable(1)[Symbol.asyncIterator]()
    claims.push(...(await claimTable.next()).value.map((c: { claim: { id: string } }) => c.claim.id))
    statements.push(...(await statementTable.next()).value.statements.map((s: { id: string }) => s.id))
    await store.addArticle(protest, protestExtraction)
    for (let next = await claimTable.next(); !next.done; next = await claimTable.next()) claims.push(...next.value.map((c) => c.claim.id))
    for (let next = await statementTable.next(); !next.done; next = await statementTable.next())
      statements.push(...next.value.statements.map((s) => s.id))
    expect(claims).to.deep.equal(claimsBefore)
    expect(statements).to.deep.equal(statementsBefore)
    expect((await store.claims()).length).to.be.greaterThan(claimsBefore.length)
  })

  it('refuses a database a newer claimtrail migrated, naming the migration and the fix, and writes nothing', async () => {
    const store = await open()
    await store.pool.query("INSERT INTO claimtrail_migrations (name, run_on) VALUES ('9999_from_the_future', now())")
    const error = await PgStore.open(db.url).then(
      () => null,
      (e: Error) => e,
    )
    expect(error).to.be.instanceOf(StoreError)
    expect(error!.message).to.match(/newer schema than this claimtrail knows \(migration 9999_from_the_future\).*Upgrade claimtrail/)
    expect(error!.message).not.to.match(/password/i)
  })

  it('opened for reading, refuses a database with no schema and says to migrate', async () => {
    const error = await PgStore.open(db.url, { readOnly: true }).then(
      () => null,
      (e: Error) => e,
    )
    expect(error).to.be.instanceOf(StoreError)
    expect(error!.message).to.include('claimtrail migrate')
  })

  it('says which server it could not reach, without the password', async () => {
    const error = await PgStore.open('postgres://someone:secret@127.0.0.1:1/nothing').then(
      () => null,
      (e: Error) => e,
    )
    expect(error).to.be.instanceOf(StoreError)
    expect(error!.message).to.match(/cannot connect to postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing/)
    expect(error!.message).not.to.include('secret')
  })

  it('stores an article once when four stores, each with its own connections, file it at the same moment', async () => {
    const stores = await Promise.all([open(), open(), open(), open()])
    const results = await Promise.all(
      stores.map((store, i) =>
        store.addArticles(
          i % 2
            ? [
                { article: council, extraction: councilExtraction },
                { article: protest, extraction: protestExtraction },
              ]
            : [
                { article: protest, extraction: protestExtraction },
                { article: council, extraction: councilExtraction },
              ],
        ),
      ),
    )
    const added = results.flat().filter((r) => r.added)
    expect(added).to.have.length(2)
    expect(await stores[0].articles()).to.have.length(2)
    const { rows } = await stores[0].pool.query<{ n: number }>('SELECT count(*)::int AS n FROM statements')
    expect(rows[0].n).to.equal(councilExtraction.statements.length + protestExtraction.statements.length)
  })

  it('keeps a second article out when the database refuses it by its unique text, even without the filing lock', async () => {
    const store = await open()
    await store.addArticles([{ article: council, extraction: councilExtraction }])
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      const { rows } = await client.query<{ fingerprint: string }>('SELECT fingerprint FROM articles')
      const error = await client
        .query("INSERT INTO articles (id, fingerprint, added_at) VALUES ('copy', $1, 'now')", [rows[0].fingerprint])
        .then(
          () => null,
          (e: Error) => e,
        )
      expect(error?.message).to.match(/duplicate key value violates unique constraint "articles_fingerprint_key"/)
    } finally {
      await client.end()
    }
  })

  it("tells a server's listeners when a write commits", async () => {
    const store = await open()
    const listener = new pg.Client({ connectionString: db.url })
    await listener.connect()
    try {
      await listener.query('LISTEN claimtrail_changed')
      const told = new Promise<string | undefined>((resolve) => listener.once('notification', (n) => resolve(n.payload)))
      await store.addArticles([{ article: council, extraction: councilExtraction }])
      expect(Number(await told)).to.equal(await store.version())
    } finally {
      await listener.end()
    }
  })
})
