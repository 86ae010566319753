// The rate limits' counts in PostgreSQL (src/web/auth/shared-counts.ts) on a database of their own: two stores on
// one table count one key together, a window that is over starts again at one, a hit taken back never goes below
// none, and expired windows are swept by the next hit.
import { expect } from 'chai'
import type { Options } from 'express-rate-limit'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { SharedCounts } from '../../src/web/auth/shared-counts.js'
import { databaseOrSkip, type TestDatabase } from '../pg/database.js'

const WINDOW_MS = 600

/** A store as express-rate-limit sets it up: only the window is read. */
function counts(store: PgStore, prefix: string, windowMs = WINDOW_MS): SharedCounts {
  const shared = new SharedCounts(store.pool, prefix)
  shared.init({ windowMs } as Options)
  return shared
}

const past = (time: Date | undefined) => new Promise((resolve) => setTimeout(resolve, Math.max(0, time!.getTime() - Date.now() + 50)))

describe('rate limits counted in PostgreSQL', () => {
  let db: TestDatabase
  let store: PgStore

  before(async function () {
    db = await databaseOrSkip(this, 'rate limits counted in PostgreSQL')
    store = await PgStore.open(db.url)
  })
  after(async () => {
    await store?.close()
    await db?.drop()
  })

  it('counts one key together from two stores, and keeps the first hit’s reset time', async () => {
    const one = counts(store, 'write ')
    const other = counts(store, 'write ')
    const asked = Date.now()
    const first = await one.increment('address 127.0.0.1')
    expect(first.totalHits).to.equal(1)
    // one window from the database's now (the same clock as ours here), however long the answer took
    expect(first.resetTime!.getTime() - asked).to.be.within(WINDOW_MS - 50, WINDOW_MS + 10_000)
    expect((await other.increment('address 127.0.0.1')).totalHits).to.equal(2)
    const third = await one.increment('address 127.0.0.1')
    expect(third).to.deep.equal({ totalHits: 3, resetTime: first.resetTime })
    expect(await other.get('address 127.0.0.1')).to.deep.equal(third)
    // another prefix, another limit: its own count
    expect((await counts(store, 'sign-in ').increment('address 127.0.0.1')).totalHits).to.equal(1)
  })

  it('starts a window again at one once the old one is over', async () => {
    const writes = counts(store, 'write ')
    await writes.increment('user jo')
    const second = await writes.increment('user jo')
    expect(second.totalHits).to.equal(2)
    await past(second.resetTime)
    expect(await writes.get('user jo'), 'an expired window still counted').to.equal(undefined)
    const again = await writes.increment('user jo')
    expect(again.totalHits).to.equal(1)
    expect(again.resetTime!.getTime()).to.be.greaterThan(second.resetTime!.getTime())
  })

  it('takes a hit back, never below none, and forgets a key when told', async () => {
    const signIns = counts(store, 'sign-in as ')
    await signIns.increment('account jo')
    await signIns.increment('account jo')
    await signIns.decrement('account jo')
    expect((await signIns.get('account jo'))!.totalHits).to.equal(1)
    await signIns.decrement('account jo')
    await signIns.decrement('account jo')
    expect((await signIns.get('account jo'))!.totalHits).to.equal(0)
    expect((await signIns.increment('account jo')).totalHits).to.equal(1)
    await signIns.resetKey('account jo')
    expect(await signIns.get('account jo')).to.equal(undefined)
  })

  it('sweeps expired windows, of every limit, before a store first counts', async () => {
    const writes = counts(store, 'write ')
    const last = await writes.increment('address 192.0.2.1')
    await writes.increment('address 192.0.2.2')
    await past(last.resetTime)
    const rows = async () => (await store.pool.query<{ key: string }>('SELECT key FROM rate_limits ORDER BY key')).rows.map((r) => r.key)
    expect(await rows()).to.include.members(['write address 192.0.2.1', 'write address 192.0.2.2'])
    // a store that has not swept yet sweeps before counting: only its own new window is left
    await counts(store, 'write ').increment('address 192.0.2.3')
    expect(await rows()).to.deep.equal(['write address 192.0.2.3'])
  })
})
