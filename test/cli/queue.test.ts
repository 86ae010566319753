// The queue from the command line, as processes: `ingest --queue` queues, `claimtrail worker` files, `jobs`
// tells and reruns. A worker SIGKILLed mid-batch leaves its jobs to the next one, and every queued article is
// stored exactly once.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { enqueue } from '../../src/queue/enqueue.js'
import { jobCounts } from '../../src/queue/jobs.js'
import type { ArticleQueue } from '../../src/queue/queue.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { articles, pending, queueDatabase, until } from '../queue/queue-fixture.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, MAIN } from './run.js'

/** What the store holds, read as a second process would. */
async function storedArticles(url: string) {
  const store = await PgStore.open(url, { readOnly: true })
  try {
    return await store.articles()
  } finally {
    await store.close()
  }
}

interface Worker {
  child: ChildProcess
  stdout: () => string
}

/** `claimtrail worker` filing into the PostgreSQL store beside the queue, once it is taking jobs. */
async function startWorker(url: string, cwd: string, env: Record<string, string> = {}): Promise<Worker> {
  const { CLAIMTRAIL_DB: _db, ...inherited } = process.env
  const args = [MAIN, 'worker', '--db', url, '--concurrency', '1']
  const child = spawn(process.execPath, args, { cwd, env: { ...inherited, ...env } })
  let out = ''
  let err = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk))
  const ended = once(child, 'exit').then(() => {
    throw new Error(`the worker ended before taking jobs: ${err}`)
  })
  await Promise.race([until('the worker to take jobs', async () => out.includes('worker: taking jobs')), ended])
  ended.catch(() => {})
  return { child, stdout: () => out }
}

/** SIGTERM, and the worker's exit code once it has settled its jobs. */
async function stopWorker({ child }: Worker): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  return code as number | null
}

describe('claimtrail ingest --queue, worker and jobs', function () {
  this.timeout(30_000)
  let database: Awaited<ReturnType<typeof queueDatabase>>
  let queue: ArticleQueue
  let temp: TempFolder
  const workers: Worker[] = []

  before(async function () {
    await ensureBuilt.call(this)
    database = await queueDatabase(this, 'claimtrail worker')
    // Jobs a killed worker held are taken over 3 s after it took them, retried 1 s later.
    queue = await database.queue({ policy: { expireSeconds: 3, retryDelaySeconds: 1 } })
  })
  after(() => database?.close())
  beforeEach(async () => {
    temp = await tempFolder()
    await queue.boss.clearStorage()
  })
  afterEach(async () => {
    for (const worker of workers.splice(0)) await stopWorker(worker)
    await temp.remove()
  })

  const worker = async (env?: Record<string, string>) => {
    const started = await startWorker(database.url, temp.dir, env)
    workers.push(started)
    return started
  }
  const counts = () => jobCounts(queue)

  it('refuses --queue on a JSON store, and queues from files on a postgres:// one', async () => {
    await writeFile(
      temp.path('wire.jsonl'),
      `${articles(3)
        .map((a) => JSON.stringify(a))
        .join('\n')}\n{"text": ""}\n`,
    )
    const file = await claimtrail(['ingest', '--queue', 'wire.jsonl'], { cwd: temp.dir })
    expect(file.code).to.equal(2)
    expect(file.stderr).to.equal(
      'claimtrail: ingest --queue needs a postgres:// store, where the job queue lives; data/claimtrail.json is a file. Pass --db postgres://user@host/claimtrail (or set CLAIMTRAIL_DB).\n',
    )
    const queued = await claimtrail(['ingest', '--queue', '--db', database.url, 'wire.jsonl'], { cwd: temp.dir })
    expect(queued).to.deep.include({ code: 0, stderr: '' })
    expect(queued.stdout).to.match(/^articles queued: 3\nskipped: wire\.jsonl:4: .+\n$/)
    expect(await counts()).to.deep.include({ created: 3 })
    expect(existsSync(temp.path('data/claimtrail.json')), 'a JSON store made by the refused run').to.equal(false)
  })

  it('stores every article exactly once when a worker is SIGKILLed mid-batch and another takes over', async () => {
    // Long enough that a batch of 4 is in hand for a good part of a second.
    const twelve = articles(12, 'k', 30)
    await enqueue(queue, pending(twelve))
    const first = await worker()
    // Mid-batch: the first batch filed, the second taken and not yet settled.
    await until(
      'a batch in hand after one filed',
      async () => {
        const now = await counts()
        return now.completed >= 4 && now.active >= 1
      },
      20_000,
      10,
    )
    first.child.kill('SIGKILL')
    await once(first.child, 'exit')
    const atKill = await counts()
    expect(atKill.active, 'jobs held by the killed worker').to.be.at.least(1)
    expect(atKill.completed).to.be.below(12)

    // pg-boss's upkeep fails the dead worker's jobs once their time is out (a worker runs it every minute).
    await new Promise((resolve) => setTimeout(resolve, 3_500))
    await queue.boss.expire()
    const second = await worker()
    await until('every job filed', async () => (await counts()).completed === 12, 25_000)
    expect(await stopWorker(second)).to.equal(0)
    expect(second.stdout()).to.contain('worker: SIGTERM, settling the jobs in hand\nworker: stopped\n')

    const stored = await storedArticles(database.url)
    expect(stored.map((a) => a.title).sort()).to.deep.equal(twelve.map((a) => a.title).sort())
    expect(await counts()).to.deep.include({ created: 0, retry: 0, active: 0, failed: 0, deadLetters: 0 })
  })

  it('lists a refused article as a dead letter, and files it when rerun', async () => {
    const [plain, long] = articles(2)
    long.text += ' The mayor said the rise was unfair. The union said it would strike.'
    await enqueue(queue, pending([plain, long]))
    // The pipeline refuses articles of more than 2 statements in this worker.
    const strict = await worker({ CLAIMTRAIL_MAX_STATEMENTS: '2' })
    await until('one filed and one dead-lettered', async () => {
      const now = await counts()
      return now.completed === 1 && now.deadLetters === 1
    })
    expect(await stopWorker(strict)).to.equal(0)
    expect(strict.stdout()).to.match(/^dead-lettered wire\.jsonl:2 after 1 try: the article yields 4 statements, more than/m)

    const jobs = await claimtrail(['jobs', '--db', database.url], { cwd: temp.dir })
    expect(jobs).to.deep.include({ code: 0, stderr: '' })
    const [counted, listed] = jobs.stdout.split('\n\n')
    expect(counted).to.equal(
      ['waiting:        0', 'being filed:    0', 'to retry:       0', 'filed:          1', 'failed:         1', 'dead letters:   1'].join(
        '\n',
      ),
    )
    const dead = listed.split('\n')
    expect(dead[0]).to.equal('dead letters (claimtrail jobs --rerun ID, or --rerun-all, once the cause is mended):')
    const [, id] = dead[1].match(/^ {2}(\S+) {2}wire\.jsonl:2 {2}refused: the article yields 4 statements, more than claimtrail files/)!
    expect(dead).to.have.length(3) // and the final newline

    const rerun = await claimtrail(['jobs', '--db', database.url, '--rerun', id], { cwd: temp.dir })
    expect(rerun).to.deep.include({ code: 0, stdout: 'put back in the queue: 1\n', stderr: '' })
    await worker()
    await until('the rerun filed', async () => (await counts()).completed === 2)
    expect((await counts()).deadLetters).to.equal(0)
    const titles = (await storedArticles(database.url)).map((a) => a.title)
    expect(titles).to.include.members([plain.title, long.title])

    const again = await claimtrail(['jobs', '--db', database.url, '--rerun', id], { cwd: temp.dir })
    expect(again).to.deep.include({ code: 3, stderr: `claimtrail: no dead letter ${id}: \`claimtrail jobs\` lists them with their ids.\n` })
  })
})
