// Moving a desk to PostgreSQL as a user does it: `claimtrail migrate`, then `claimtrail copy` from the store file,
// twice; the copy is verified, the second adds nothing, and both stores list the same claims.
import { expect } from 'chai'
import { databaseOrSkip, type TestDatabase } from '../pg/database.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, SAMPLE } from './run.js'

describe('claimtrail migrate and copy', function () {
  this.timeout(120_000)
  let db: TestDatabase
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async function () {
    db = await databaseOrSkip(this, 'claimtrail copy')
    temp = await tempFolder()
  })
  afterEach(async () => {
    await temp?.remove()
    await db?.drop()
  })

  it('copies a store with its decisions, verifies it, and adds nothing the second time', async () => {
    const file = temp.path('claimtrail.json')
    expect((await claimtrail(['ingest', SAMPLE, '--db', file], { cwd: temp.dir })).code).to.equal(0)
    const claims = await claimtrail(['claims', '--db', file], { cwd: temp.dir })
    const claim = claims.stdout.match(/^(\S+:c1)\s/m)![1]
    expect((await claimtrail(['review', 'verdict', claim, 'False', '--by', 'Dana Fact', '--db', file], { cwd: temp.dir })).code).to.equal(0)

    const migrated = await claimtrail(['migrate', '--db', db.url], { cwd: temp.dir })
    expect(migrated.code, migrated.stderr).to.equal(0)
    expect(migrated.stdout).to.match(/applied 0001_store/)
    expect((await claimtrail(['migrate', '--db', db.url], { cwd: temp.dir })).stdout).to.match(/the schema is current/)

    const first = await claimtrail(['copy', '--from', file, '--to', db.url], { cwd: temp.dir })
    expect(first.code, first.stderr).to.equal(0)
    expect(first.stdout).to.match(/: 1 articles added/)
    expect(first.stdout).to.match(/source: 1 articles, \d+ speakers, \d+ statements, \d+ claims, 1 decisions/)
    expect(first.stdout).to.match(/verified: counts match and both sides have content fingerprint [0-9a-f]{16}/)
    const again = await claimtrail(['copy', '--from', file, '--to', db.url], { cwd: temp.dir })
    expect(again.code, again.stderr).to.equal(0)
    expect(again.stdout).to.match(/nothing new to add/)
    expect(again.stdout.split('\n').slice(1)).to.deep.equal(first.stdout.split('\n').slice(1))

    const fromDatabase = await claimtrail(['claims', '--db', db.url], { cwd: temp.dir })
    expect(fromDatabase.stdout).to.equal((await claimtrail(['claims', '--db', file], { cwd: temp.dir })).stdout)
    // The database's statements are streamed a batch at a time, the file's read from it: the same bytes.
    const csv = await claimtrail(['export', '--format', 'csv', '--db', db.url], { cwd: temp.dir })
    expect(csv.code, csv.stderr).to.equal(0)
    expect(csv.stdout).to.have.length.greaterThan(1000)
    expect(csv.stdout).to.equal((await claimtrail(['export', '--format', 'csv', '--db', file], { cwd: temp.dir })).stdout)
    const log = await claimtrail(['review', 'log', '--db', db.url], { cwd: temp.dir })
    expect(log.stdout).to.match(/Dana Fact {2}review-claim/)
  })

  it('refuses a copy or a migration that names no database, with the fix (exit 2)', async () => {
    const copy = await claimtrail(['copy', '--from', temp.path('claimtrail.json'), '--to', temp.path('other.json')], { cwd: temp.dir })
    expect(copy.code).to.equal(2)
    expect(copy.stderr).to.match(/--to ".*other\.json" is not a database URL: give postgres:\/\/USER@HOST:PORT\/DATABASE/)
    const migrate = await claimtrail(['migrate', '--db', temp.path('claimtrail.json')], { cwd: temp.dir })
    expect(migrate.code).to.equal(2)
  })
})
