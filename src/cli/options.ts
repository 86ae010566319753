// Options several commands share, parsed once here so every command refuses bad values with the same words.

import { availableParallelism } from 'node:os'
import { type Command, Option } from 'commander'
import { InvalidInputError } from '../errors.js'
import type { Article } from '../pipeline/types.js'
import { KEEP_BACKUPS } from '../store/backups.js'
import { isDatabaseUrl } from '../store/pg/database-url.js'
import { parseDate } from '../text/day.js'

export const DEFAULT_DB = 'data/claimtrail.json'

/** --db, else CLAIMTRAIL_DB, else data/claimtrail.json under the current folder. */
export function dbOption(): Option {
  return new Option('--db <path>', 'the store file').env('CLAIMTRAIL_DB').default(DEFAULT_DB)
}

// Past a few threads the gain is small and each holds its own copy of compromise (~100 MB).
const MOST_WORKERS = 8

/** --workers N: threads that extract, by default one per core; each article within the time budget. */
export function workersOption(): Option {
  return new Option('--workers <n>', 'threads that extract articles, each within CLAIMTRAIL_EXTRACT_BUDGET')
    .default(Math.min(availableParallelism(), MOST_WORKERS), 'one per core')
    .argParser(parseWorkers)
}

export function parseWorkers(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new InvalidInputError(`--workers "${value}" is not a number of threads: give one from 1 to 64, e.g. --workers 2.`)
  }
  return n
}

export function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidInputError(`port "${value}" is not a port number: give one from 1 to 65535.`)
  }
  return port
}

export interface ArticleOptions {
  date?: string
  outlet?: string
  title?: string
  url?: string
}

/** What is known of an article, given on the command line. */
export function addArticleOptions(command: Command): Command {
  return command
    .option('--date <yyyy-MM-dd>', "the article's published date, against which 'on Monday' is resolved", (value) => parseDate(value))
    .option('--outlet <name>', 'the outlet that published it')
    .option('--title <title>', "the article's headline")
    .option('--url <url>', "the article's address")
}

export function articleMeta(options: ArticleOptions): Omit<Article, 'text'> {
  return { published: options.date ?? null, outlet: options.outlet ?? null, title: options.title ?? null, url: options.url ?? null }
}

/** --min-confidence: only statements the pipeline is at least this sure of. */
export function minConfidenceOption(): Option {
  return new Option('--min-confidence <c>', 'print only statements with at least this confidence (0 to 1)')
    .default(0)
    .argParser(parseConfidence)
}

export function parseConfidence(value: string): number {
  const c = Number(value)
  if (value.trim() === '' || !Number.isFinite(c) || c < 0 || c > 1) {
    throw new InvalidInputError(`--min-confidence "${value}" is not a confidence: give a number from 0 to 1, e.g. --min-confidence 0.8.`)
  }
  return c
}

/** --keep-backups: store files kept in <store>.backups/ at each compaction. */
export function keepBackupsOption(): Option {
  return new Option('--keep-backups <n>', 'backups of the store file kept, one made before each compaction (0 keeps none)')
    .env('CLAIMTRAIL_KEEP_BACKUPS')
    .default(KEEP_BACKUPS)
    .argParser(parseKeepBackups)
}

export function parseKeepBackups(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n > 1000) {
    throw new InvalidInputError(`--keep-backups "${value}" is not a count: give a whole number from 0 to 1000, e.g. --keep-backups 5.`)
  }
  return n
}

/** The --db of a command that needs the job queue: a postgres:// URL, or the reason it is not one. */
export function queueDb(db: string, what: string): string {
  if (isDatabaseUrl(db)) return db
  throw new InvalidInputError(
    `${what} needs a postgres:// store, where the job queue lives; ${db} is a file. Pass --db postgres://user@host/claimtrail (or set CLAIMTRAIL_DB).`,
  )
}

/** --concurrency N: articles a worker extracts at once, one thread each. */
export function concurrencyOption(): Option {
  return new Option('--concurrency <n>', 'articles extracted at once, one thread each').default(1).argParser((value) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      throw new InvalidInputError(`--concurrency "${value}" is not a number of threads: give one from 1 to 64, e.g. --concurrency 2.`)
    }
    return n
  })
}
