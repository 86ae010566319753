// Servers killed during a queued ingest: articles posted with ?queue to a `claimtrail serve` over PostgreSQL while
// a `claimtrail worker` files them; the server is SIGKILLed mid-stream, twice, and started again. Every article a
// server answered 202 for is stored exactly once once the queue is empty; a post cut off by the kill may or may
// not be, never twice.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { expect } from 'chai'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { queueDatabase, until } from '../queue/queue-fixture.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { harbourArticle as article, ensureBuilt, listening, MAIN } from './run.js'

describe('servers killed during a queued ingest', function () {
  this.timeout(120_000)
  let database: Awaited<ReturnType<typeof queueDatabase>>
  let temp: TempFolder
  let worker: ChildProcess | undefined
  const servers: ChildProcess[] = []

  before(async function () {
    await ensureBuilt.call(this)
    database = await queueDatabase(this, 'servers killed during a queued ingest')
    temp = await tempFolder()
  })
  after(async () => {
    for (const child of [...servers, worker]) if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await temp?.remove()
    await database?.close()
  })

  it('stores every article a server acknowledged exactly once', async () => {
    const { CLAIMTRAIL_DB: _db, ...env } = process.env
    worker = spawn(process.execPath, [MAIN, 'worker', '--db', database.url], { cwd: temp.dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let workerOut = ''
    worker.stdout!.on('data', (chunk: Buffer) => (workerOut += chunk))
    await until('the worker to take jobs', async () => workerOut.includes('worker: taking jobs'), 60_000)

    const acknowledged: number[] = []
    let next = 0
    for (let life = 0; life < 3; life++) {
      const server = await listening(['serve', '--db', database.url, '--port', '0'], temp.dir)
      servers.push(server.child)
      // Posts one at a time, several in flight, until this server is killed (the last life ends by itself).
      const posting = (async () => {
        for (let i = 0; i < 12; i++) {
          const batch = [next++, next++]
          const sent = fetch(`${server.url}api/articles?queue`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ articles: batch.map(article) }),
          })
          const answer = await sent.catch(() => undefined)
          if (!answer) return
          if (answer.status === 202) acknowledged.push(...batch)
          else throw new Error(`POST answered ${answer.status}: ${await answer.text()}`)
        }
      })()
      if (life < 2) {
        await new Promise((resolve) => setTimeout(resolve, 150 + life * 100))
        server.child.kill('SIGKILL')
        await once(server.child, 'exit')
      }
      await posting
      if (life === 2) {
        server.child.kill('SIGTERM')
        await once(server.child, 'exit')
      }
    }
    expect(acknowledged.length).to.be.at.least(24)

    const store = await PgStore.open(database.url, { readOnly: true })
    try {
      await until(
        'every acknowledged article filed',
        async () => {
          const titles = new Set((await store.articles()).map((a) => a.title))
          return acknowledged.every((n) => titles.has(article(n).title))
        },
        90_000,
        250,
      )
      const titles = (await store.articles()).map((a) => a.title)
      expect(new Set(titles).size, 'an article stored twice').to.equal(titles.length)
      const posted = new Set(Array.from({ length: next }, (_, n) => article(n).title))
      expect(titles.every((t) => t !== null && posted.has(t))).to.equal(true)
      console.log(
        `      queued ingest, 2 servers killed: ${next} posted, ${acknowledged.length} acknowledged, ${titles.length} stored, 0 twice`,
      )
    } finally {
      await store.close()
    }
  })
})
