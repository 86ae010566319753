// One writer per store file: a store another live process holds for writing is refused with a message naming
// that process; a lock left by a process that is gone is taken over; reading needs no lock.
import { expect } from 'chai'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { once } from 'node:events'
import { readFile, writeFile } from 'node:fs/promises'
import { StoreError } from '../../src/errors.js'
import { Store } from '../../src/store/store.js'
import { council, councilExtraction } from '../fixtures/bridge-articles.js'
import { tempFolder, type TempFolder } from './temp-store.js'

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
      const refused = await Store.open(path).then(() => null, (error: unknown) => error)
      expect(refused).to.be.instanceOf(StoreError)
      expect((refused as Error).message).to.contain(`is open for writing in another claimtrail process (pid ${other.pid})`)
      const reader = await Store.open(path, { readOnly: true })
      expect(reader.articles()).to.deep.equal([])
      const written = await reader.addArticle(council, councilExtraction).then(() => null, (error: unknown) => error)
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
    const store = await Store.open(path)
    await store.addArticle(council, councilExtraction)
    expect((await readFile(`${path}.lock`, 'utf8')).trim()).to.equal(String(process.pid))
  })

  it('lets go of the lock when the store is closed', async () => {
    const path = temp.path('claimtrail.json')
    const store = await Store.open(path)
    expect((await readFile(`${path}.lock`, 'utf8')).trim()).to.equal(String(process.pid))
    await store.close()
    expect(existsSync(`${path}.lock`)).to.equal(false)
  })
})
