// `claimtrail extract`: what the pipeline finds in one article, or in each line of a .jsonl file. The --jsonl
// output is the evaluation contract (docs/design.md, Statement format): one {"id", "statements"} line per
// input line, in order.
import { once } from 'node:events'
import type { Command } from 'commander'
import { checkArticle } from '../ingest/article-input.js'
import { articleFromLine } from '../ingest/article-line.js'
import { type Extractor, inOrder, openExtractor } from '../ingest/extractor.js'
import type { Statement } from '../pipeline/types.js'
import { type ArticleOptions, addArticleOptions, articleMeta, minConfidenceOption, workersOption } from './options.js'
import { inputName, readArticle, readLines } from './read-input.js'

interface ExtractOptions extends ArticleOptions {
  jsonl?: boolean
  workers: number
  minConfidence: number
}

// Articles read ahead of the one being written, per worker: enough to keep every worker busy.
const AHEAD_PER_WORKER = 4

export function extractCommand(program: Command): void {
  const command = program
    .command('extract')
    .description('print the statements and claims found in an article (FILE, or - for stdin)')
    .argument('<file>', 'a plain-text article, or a .jsonl file with --jsonl')
    .option('--jsonl', 'read one {"id", "text", "date"?} per line; print one {"id", "statements"} per line')
    .addOption(workersOption())
    .addOption(minConfidenceOption())
  addArticleOptions(command).action(async (file: string, options: ExtractOptions) => {
    const sure = (s: Statement) => s.confidence >= options.minConfidence
    if (options.jsonl) await extractLines(file, options.workers, options.minConfidence)
    else await extractArticle(file, options, sure)
  })
}

async function extractArticle(file: string, options: ArticleOptions, sure: (s: Statement) => boolean): Promise<void> {
  const article = checkArticle({ text: await readArticle(file), ...articleMeta(options) }, inputName(file))
  // In a thread of its own, so that the time budget can stop it.
  const extractor = await openExtractor(1)
  const found = await extractor.extract(article).finally(() => extractor.close())
  const statements = found.statements.filter(sure)
  // A claim is printed while one of its statements is.
  const kept = new Set(statements.map((s) => s.claim))
  const claims = found.claims.filter((c) => kept.has(c.id))
  await write(`${JSON.stringify({ statements, claims }, null, 2)}\n`)
}

async function extractLines(file: string, workers: number, minConfidence: number): Promise<void> {
  // Opened at the first good line: a file refused on its first line is refused before the models load.
  let extractor: Promise<Extractor> | undefined
  // A bad line is refused in its turn, after the output of every line before it.
  const extractLine = async ({ where, line }: { where: string; line: string }) => {
    const article = articleFromLine(line, where, { needsId: true })
    extractor ??= openExtractor(workers)
    return (await extractor).line({ ...article, id: article.id! }, minConfidence)
  }
  try {
    for await (const output of inOrder(readLines(file), extractLine, workers * AHEAD_PER_WORKER)) await write(output)
  } finally {
    await (await extractor)?.close()
  }
}

// Waits when stdout's buffer is full, so a slow reader of a long run does not make us hold every line in memory.
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain')
}
