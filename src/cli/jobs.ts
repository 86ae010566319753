// `claimtrail jobs`: what the queue holds, by state, with every failing job and dead letter and why; and
// `--rerun ID…` / `--rerun-all` to put dead letters back in the queue once their cause is mended.
import type { Command } from 'commander'
import { InvalidInputError } from '../errors.js'
import { deadLetters, type FailedJob, type JobCounts, jobCounts, rerun, retrying } from '../queue/jobs.js'
import { ArticleQueue } from '../queue/queue.js'
import { dbOption, queueDb } from './options.js'

interface JobsOptions {
  db: string
  rerun?: string[]
  rerunAll?: boolean
}

// The states as a newsroom reads them, in the order a job goes through them.
const LABELS: Array<[keyof JobCounts, string]> = [
  ['created', 'waiting'],
  ['active', 'being filed'],
  ['retry', 'to retry'],
  ['completed', 'filed'],
  ['failed', 'failed'],
  ['deadLetters', 'dead letters'],
]

export function jobsCommand(program: Command): void {
  program
    .command('jobs')
    .description('the queued articles by state, and the failed ones with why; --rerun puts dead letters back')
    .addOption(dbOption())
    .option('--rerun <ids...>', 'put these dead letters back in the queue')
    .option('--rerun-all', 'put every dead letter back in the queue')
    .action(async (options: JobsOptions) => {
      if (options.rerun && options.rerunAll) throw new InvalidInputError('give --rerun IDS or --rerun-all, not both.')
      const queue = await ArticleQueue.open(queueDb(options.db, 'claimtrail jobs'))
      try {
        if (options.rerun || options.rerunAll) {
          const ids = await rerun(queue, options.rerunAll ? 'all' : options.rerun!)
          console.log(`put back in the queue: ${ids.length}`)
          return
        }
        console.log(await report(queue))
      } finally {
        await queue.close()
      }
    })
}

async function report(queue: ArticleQueue): Promise<string> {
  const counts = await jobCounts(queue)
  const lines = LABELS.map(([state, label]) => `${`${label}:`.padEnd(15)} ${counts[state]}`)
  const [again, dead] = [await retrying(queue), await deadLetters(queue)]
  if (again.length > 0) lines.push('', 'to retry, after a wait that doubles at each try:', ...again.map(line))
  if (dead.length > 0)
    lines.push('', 'dead letters (claimtrail jobs --rerun ID, or --rerun-all, once the cause is mended):', ...dead.map(line))
  return lines.join('\n')
}

function line(job: FailedJob): string {
  const why = job.refused ? 'refused' : `${job.tries} ${job.tries === 1 ? 'try' : 'tries'}`
  return `  ${job.id}  ${job.source}  ${why}: ${job.error}`
}
