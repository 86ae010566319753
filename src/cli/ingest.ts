// `claimtrail ingest`: articles into the store, from .txt files (or - for stdin) and .jsonl files. Bad inputs
// are skipped with their reason so one broken file does not cost a long batch; only when nothing at all can be
// read is the run refused. With --queue they are queued for `claimtrail worker` instead of filed here.

import { Presets, SingleBar } from 'cli-progress'
import type { Command } from 'commander'
import { InvalidInputError } from '../errors.js'
import { checkArticle } from '../ingest/article-input.js'
import { articleFromLine } from '../ingest/article-line.js'
import type { PendingArticle } from '../ingest/file-articles.js'
import { headlineOf } from '../ingest/headline.js'
import { emptyTally, fileTallied, type IngestTally } from '../ingest/tally.js'
import { enqueue } from '../queue/enqueue.js'
import { ArticleQueue } from '../queue/queue.js'
import { letGo, openStore } from '../store/open.js'
import { type ArticleOptions, addArticleOptions, articleMeta, dbOption, keepBackupsOption, queueDb, workersOption } from './options.js'
import { inputName, readArticle, readLines } from './read-input.js'

// A few articles are done before a bar could be drawn.
const PROGRESS_FROM = 6

interface IngestOptions extends ArticleOptions {
  keepBackups: number
  db: string
  workers: number
  queue?: boolean
}

export function ingestCommand(program: Command): void {
  const command = program
    .command('ingest')
    .description('extract articles and keep them in the store: .txt articles (- for stdin) and .jsonl files')
    .argument('<files...>', '.txt articles, or .jsonl files of {"id"?, "text", "date"?, "outlet"?, "title"?, "url"?}')
    .addOption(dbOption())
    .addOption(keepBackupsOption())
    .addOption(workersOption())
    .option('--queue', 'queue the articles for `claimtrail worker` instead of filing them here (a postgres:// --db)')
  addArticleOptions(command).action(async (files: string[], options: IngestOptions) => {
    const queueAt = options.queue ? queueDb(options.db, 'ingest --queue') : undefined
    const tally = emptyTally()
    const pending = await gather(files, options, tally.skipped)
    if (pending.length === 0) {
      const [only, ...more] = tally.skipped
      throw new InvalidInputError(more.length === 0 ? only : `nothing to ingest:\n  ${tally.skipped.join('\n  ')}`)
    }
    if (queueAt) return console.log(await queueAll(queueAt, pending, tally.skipped))
    const store = await openStore(options.db, { keepBackups: options.keepBackups })
    try {
      await withProgress(pending.length, (onArticle) => fileTallied(store, pending, tally, { onArticle, workers: options.workers }))
    } finally {
      await letGo(store)
    }
    // Every article refused at extraction (past the time budget): a failure to the shell, as a bad file is.
    if (tally.added + tally.alreadyStored === 0) throw new InvalidInputError(`nothing ingested:\n  ${tally.skipped.join('\n  ')}`)
    console.log(summary(tally))
  })
}

/** Queues what was read, all or nothing: a worker files it. */
async function queueAll(url: string, pending: PendingArticle[], skipped: string[]): Promise<string> {
  const queue = await ArticleQueue.open(url)
  try {
    await enqueue(queue, pending)
  } finally {
    await queue.close()
  }
  return [`articles queued: ${pending.length}`, ...skipped.map((reason) => `skipped: ${reason}`)].join('\n')
}

/** Every article the inputs hold; an unreadable input or line is recorded in `skipped` instead. */
async function gather(files: string[], options: ArticleOptions, skipped: string[]): Promise<PendingArticle[]> {
  const pending: PendingArticle[] = []
  for (const file of files) {
    try {
      if (file.endsWith('.jsonl')) await gatherLines(file, pending, skipped)
      else {
        const text = await readArticle(file)
        const meta = articleMeta(options)
        // Without --title, the text's own headline line names the article.
        pending.push({
          source: inputName(file),
          article: checkArticle({ text, ...meta, title: meta.title ?? headlineOf(text) }, inputName(file)),
        })
      }
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      skipped.push(error.message)
    }
  }
  return pending
}

// A bad line costs only that line; a file that cannot be read to its end (not UTF-8, a line that never ends)
// costs the whole file, so that nothing of it is stored.
async function gatherLines(file: string, pending: PendingArticle[], skipped: string[]): Promise<void> {
  const [pendingBefore, skippedBefore] = [pending.length, skipped.length]
  try {
    for await (const { where, line } of readLines(file)) {
      try {
        pending.push({ source: where, article: articleFromLine(line, where) })
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error
        skipped.push(error.message)
      }
    }
  } catch (error) {
    pending.length = pendingBefore
    skipped.length = skippedBefore
    throw error
  }
  if (pending.length + skipped.length === pendingBefore + skippedBefore)
    throw new InvalidInputError(`${inputName(file)} is empty: give a file with one article per line.`)
}

async function withProgress<T>(total: number, run: (tick: () => void) => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY || total < PROGRESS_FROM) return run(() => {})
  const bar = new SingleBar({ stream: process.stderr, format: 'ingesting [{bar}] {value}/{total} articles' }, Presets.shades_classic)
  bar.start(total, 0)
  try {
    return await run(() => bar.increment())
  } finally {
    bar.stop()
  }
}

export function summary(tally: IngestTally): string {
  const lines = [
    `articles added:  ${tally.added}`,
    `already stored:  ${tally.alreadyStored}`,
    // A stored text given again with other facts has them corrected, as a logged decision (src/ingest/refacts.ts).
    ...(tally.updated ? [`facts updated:   ${tally.updated} (of those already stored; claimtrail log lists them)`] : []),
    `statements:      ${tally.statements}`,
    `claims:          ${tally.claims}`,
    ...tally.skipped.map((reason) => `skipped: ${reason}`),
  ]
  return lines.join('\n')
}
