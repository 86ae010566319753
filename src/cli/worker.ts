// `claimtrail worker`: files the articles queued by `ingest --queue` and the web, until SIGINT or SIGTERM; then
// it takes no more jobs and settles those in hand. Run as many as you like, on as many machines.
import type { Command } from 'commander'
import type { TakenJob } from '../queue/file-jobs.js'
import { ArticleQueue } from '../queue/queue.js'
import { startWorker } from '../queue/worker.js'
import { openStore } from '../store/open.js'
import { shownUrl } from '../store/pg/database-url.js'
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
    .option('--store <path>', 'file into this JSON store instead of the --db database (then one worker at a time)')
    .addOption(concurrencyOption())
    .action(async (options: WorkerOptions) => {
      const url = queueDb(options.db, 'claimtrail worker')
      const store = await openStore(options.store ?? url)
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
