// `npm run bench:workers -- --db postgres://…` (it builds first): the dev articles queued, filed by one built
// `claimtrail worker` process and then by two, printing articles/s and the ratio in one run (issue 17 asks two
// for ≥ 1.7× one). Each run queues the articles anew, their texts marked with the run so that no store finds them
// stored, and times from the queuing to the last job completed; the workers are started, and have loaded the
// pipeline, before. The queue is the one at --db (its own schema); the bench touches only the jobs it queued.
// Every worker files into the PostgreSQL store at --db, as a newsroom's workers share one store: the figure
// includes their waits for the filing lock.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { enqueue } from '../src/queue/enqueue.js'
import { statesOf } from '../src/queue/jobs.js'
import { ArticleQueue } from '../src/queue/queue.js'
import { isDatabaseUrl } from '../src/store/pg/database-url.js'
import { benchOptions, devLines, ROOT, table } from './dev-articles.js'

const options = benchOptions({ db: { type: 'string' }, limit: { type: 'string', default: '120' } })
const url = options.values.db ?? process.env.CLAIMTRAIL_DB ?? ''
if (!isDatabaseUrl(url)) {
  console.error('bench: give the queue with --db postgres://user@host/database (or CLAIMTRAIL_DB).')
  process.exit(2)
}
const dev = devLines(options).map((line) => JSON.parse(line) as { text: string; date?: string; publisher?: string; title?: string })

async function startWorker(n: number): Promise<ChildProcess> {
  const args = [join(ROOT, 'dist/cli/main.js'), 'worker', '--db', url]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk))
  while (!out.includes('worker: taking jobs')) {
    if (child.exitCode !== null) throw new Error(`worker ${n} ended before taking jobs`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return child
}

async function run(queue: ArticleQueue, processes: number): Promise<number> {
  const name = `run${processes}`
  const workers = await Promise.all(Array.from({ length: processes }, (_, n) => startWorker(n)))
  try {
    const pending = dev.map((a, i) => ({
      source: `dev:${i + 1}`,
      article: { text: `${a.text}\n\n(${name})`, published: a.date ?? null, outlet: a.publisher ?? null, title: a.title ?? null },
    }))
    const t0 = performance.now()
    const ids = await enqueue(queue, pending)
    for (;;) {
      const states = await statesOf(queue, ids)
      if (states.completed + states.failed === ids.length) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return ids.length / ((performance.now() - t0) / 1000)
  } finally {
    for (const worker of workers) {
      worker.kill('SIGTERM')
      await once(worker, 'exit')
    }
  }
}

const queue = await ArticleQueue.open(url)
try {
  const one = await run(queue, 1)
  const two = await run(queue, 2)
  console.log(`${dev.length} dev articles, claimtrail worker (built, --concurrency 1) over ${options.gold}\n`)
  console.log(
    table([
      ['', 'articles/s'],
      ['1 worker process', one.toFixed(1)],
      ['2 worker processes', two.toFixed(1)],
    ]),
  )
  console.log(`\n2 processes ÷ 1: ${(two / one).toFixed(2)}×  (issue 17 asks ≥ 1.70×)`)
} finally {
  await queue.close()
}
