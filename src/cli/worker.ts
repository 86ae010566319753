// `claimtrail worker`: files the articles queued by `ingest --queue` and the web, until SIGINT or SIGTERM; then
// it takes no more jobs and settles those in hand. Run as many as you like, on as many machines.
import type { Command } from 'commander'
import { InvalidInputError } from '../errors.js'
import type { TakenJob } from '../queue/file-jobs.js'
import type { ArticleFiler } from '../queue/filer.js'
import { isDatabaseUrl, shownUrl } from '../queue/names.js'
import { ArticleQueue } from '../queue/queue.js'
import { startWorker } from '../queue/worker.js'
import { Store } from '../store/store.js'
import type { AddResult } from '../store/views.js'
import { concurrencyOption, dbOption, queueDb } from './options.js'

interface WorkerOptions {
  db: string
  store?: string
  concurrency: number
}

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('file the articles queued by `ingest --queue` and the web, until stopped (Ctrl-C, SIGTERM)')
    .addOption(dbOption())
    .option('--store <path>', 'file into this JSON store instead of the --db database (one worker at a time then)')
    .addOption(concurrencyOption())
    .action(async (options: WorkerOptions) => {
      const url = queueDb(options.db, 'claimtrail worker')
      const store = await openFiler(options.store ?? url)
      try {
        const queue = await ArticleQueue.open(url, {
          upkeep: true,
          onError: (error) => console.error(`claimtrail: the job queue: ${error.message}`),
        })
        const worker = await startWorker(queue, store, { concurrency: options.concurrency, log: { filed, failed } })
        console.log(`worker: taking jobs from ${shownUrl(url)} with ${options.concurrency} thread(s)`)
        const signal = await stopSignal()
        console.log(`worker: ${signal}, settling the jobs in hand`)
        await worker.stop()
        console.log('worker: stopped')
      } finally {
        await store.close()
      }
    })
}

// Until the PostgreSQL store is in this build, a worker files into a JSON store (--store), one worker at a time.
async function openFiler(target: string): Promise<ArticleFiler & { close(): Promise<void> }> {
  if (isDatabaseUrl(target))
    throw new InvalidInputError('this build has no PostgreSQL store yet: pass --store PATH to file into a JSON store.')
  return Store.open(target)
}

function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal))
  })
}

function filed(job: TakenJob, { articleId, added, statements }: AddResult): void {
  console.log(
    added
      ? `filed ${job.data.source} as ${articleId} (${statements} statement${statements === 1 ? '' : 's'})`
      : `already stored: ${job.data.source} (${articleId})`,
  )
}

function failed(job: TakenJob, message: string, retry: boolean): void {
  const tries = job.retryCount + 1
  const { source } = job.data
  console.log(
    retry
      ? `failed ${source} (try ${tries}), will retry: ${message}`
      : `dead-lettered ${source} after ${tries} tr${tries === 1 ? 'y' : 'ies'}: ${message}`,
  )
}
