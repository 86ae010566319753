// Readers in one process, a writer in another that compacts every few changes: whatever moment a reader opens
// the store, runs check or takes a backup, a healthy store must read whole. A refusal here is a false alarm
// that tells the newsroom to repair a store that is fine.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { expect } from 'chai'
import { backUpStore } from '../../src/store/backup.js'
import { checkStore } from '../../src/store/check.js'
import { Store } from '../../src/store/store.js'
import { type TempFolder, tempFolder } from './temp-store.js'

const SECONDS = Number(process.env.RACE_SECONDS ?? 10)

describe('readers racing a compacting writer in another process', function () {
  this.timeout(120_000)
  let temp: TempFolder
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('open, check and back up a healthy store without a false alarm', async () => {
    const path = temp.path('claimtrail.json')
    const writer = spawn(process.execPath, ['--import', 'tsx', new URL('./race-writer.ts', import.meta.url).pathname, path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let written = -1
    writer.stdout!.on('data', (chunk: Buffer) => (written = Number(chunk.toString().trim().split('\n').at(-1))))
    try {
      while (written < 3) await new Promise((resolve) => setTimeout(resolve, 50))
      const alarms: string[] = []
      const tally = { opens: 0, checks: 0, backups: 0 }
      const until = Date.now() + SECONDS * 1000
      for (let round = 0; Date.now() < until; round++) {
        try {
          const store = await Store.open(path, { readOnly: true })
          for (const { id } of store.articles()) expect(store.article(id)!.text).to.be.a('string')
          tally.opens++
        } catch (error) {
          alarms.push(`open: ${(error as Error).message}`)
        }
        try {
          const { problems } = await checkStore(path)
          alarms.push(...problems.map((p) => `check: ${p}`))
          tally.checks++
        } catch (error) {
          alarms.push(`check threw: ${(error as Error).message}`)
        }
        if (round % 5 === 0) {
          try {
            const dest = temp.path(`copies/${round}.json`)
            await backUpStore(path, dest)
            await Store.open(dest, { readOnly: true })
            tally.backups++
          } catch (error) {
            alarms.push(`backup: ${(error as Error).message}`)
          }
        }
      }
      console.log(
        `      ${tally.opens} opens, ${tally.checks} checks, ${tally.backups} backups while the writer acknowledged ${written + 1} articles and as many decisions; ${alarms.length} false alarms`,
      )
      // Each kind of alarm once, its numbers and paths left out.
      expect([...new Set(alarms.map((a) => a.replace(/\/\S+/g, 'PATH').replace(/[0-9]+/g, 'N')))]).to.deep.equal([])
    } finally {
      writer.kill('SIGKILL')
      await once(writer, 'exit')
    }
  })
})
