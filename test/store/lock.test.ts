// One writer per store file: a store another live process holds for writing is refused with a message naming
// that process; a lock left by a process that is gone is taken over; reading needs no lock. (A pid file as the
// lock is what claimtrail before the lock folder left; it is still understood.)

import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { StoreError } from '../../src/errors.js'
import { Store } from '../../src/store/store.js'
import { ROOT } from '../cli/run.js'
import { council, councilExtraction } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from './temp-store.js'

/** The pid in the store's lock folder. */
const holderPid = async (path: string) => (JSON.parse(await readFile(`${path}.lock/holder`, 'utf8')) as { pid: number }).pid

describe('Store: the writer lock', () => {
  let temp: TempFolder
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('refuses to open for writing a store that another live process holds, and lets it be read', async () => {
    const path = temp.path('claimtrail.json')
    await (await Store.open(path, { readOnly: true })).articles()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      await writeFile(`${path}.lock`, `${other.pid}\n`)
      const refused = await Store.open(path).then(
        () => null,
        (error: unknown) => error,
      )
      expect(refused).to.be.instanceOf(StoreError)
      expect((refused as Error).message).to.contain(`is open for writing in another claimtrail process (pid ${other.pid})`)
      const reader = await Store.open(path, { readOnly: true })
      expect(reader.articles()).to.deep.equal([])
      const written = await reader.addArticle(council, councilExtraction).then(
        () => null,
        (error: unknown) => error,
      )
      expect((written as Error).message).to.match(/opened for reading only; nothing was written/)
    } finally {
      other.kill()
      await once(other, 'exit')
    }
  })

  it('takes over a lock left by a process that is gone', async () => {
    const path = temp.path('claimtrail.json')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    await writeFile(`${path}.lock`, `${gone}\n`)
    const store = await temp.open(path)
    await store.addArticle(council, councilExtraction)
    expect(await holderPid(path)).to.equal(process.pid)
  })

  it('lets go of the lock when the store is closed', async () => {
    const path = temp.path('claimtrail.json')
    const store = await Store.open(path)
    expect(await holderPid(path)).to.equal(process.pid)
    expect((await stat(`${path}.lock`)).mode & 0o777).to.equal(0o700)
    expect((await stat(`${path}.lock/holder`)).mode & 0o777).to.equal(0o600)
    await store.close()
    expect(existsSync(`${path}.lock`)).to.equal(false)
  })

  it('writes nothing more once its lease ran out and another process took the store over', async function () {
    this.timeout(20_000)
    const path = temp.path('claimtrail.json')
    process.env.CLAIMTRAIL_LOCK_STALE_MS = '500'
    const store = await Store.open(path)
    delete process.env.CLAIMTRAIL_LOCK_STALE_MS
    // Another process that keeps trying to take the store, as a second `serve` started again and again would.
    const taker = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { lockStore } from './src/store/lock.ts'
       const again = () => { try { lockStore(${JSON.stringify(path)}); console.log('took') } catch { setTimeout(again, 50) } }
       again(); setTimeout(() => {}, 30000)`,
      ],
      { cwd: ROOT, env: { ...process.env, CLAIMTRAIL_LOCK_STALE_MS: '500' } },
    )
    try {
      const took = once(taker.stdout, 'data')
      // This process stops for 2 s (a stopped terminal, a long pause): its lease runs out meanwhile.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000)
      await took
      expect(await holderPid(path)).to.equal(taker.pid)
      const written = await store.addArticle(council, councilExtraction).then(
        () => null,
        (error: unknown) => error,
      )
      expect(written).to.be.instanceOf(StoreError)
      expect((written as Error).message).to.match(
        /claimtrail\.json: this process no longer holds the store's writer lock \(another process took it over; .*This change was not written\.$/,
      )
      await store.close().catch(() => undefined)
      expect(await holderPid(path), 'the taker keeps its lock').to.equal(taker.pid)
    } finally {
      taker.kill()
      await once(taker, 'exit')
    }
  })
})
