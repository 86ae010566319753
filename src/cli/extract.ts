// `claimtrail extract`: what the pipeline finds in one article, or in each line of a .jsonl file. The --jsonl
// output is the evaluation contract (DESIGN.md): one {"id", "statements"} line per input line, in order.
import { once } from 'node:events'
import type { Command } from 'commander'
import { articleFromLine } from './article-line.js'
import { addArticleOptions, articleMeta, type ArticleOptions } from './options.js'
import { loadPipeline } from './load.js'
import { readArticle, readLines } from './read-input.js'

interface ExtractOptions extends ArticleOptions {
  jsonl?: boolean
}

export function extractCommand(program: Command): void {
  const command = program
    .command('extract')
    .description('print the statements and claims found in an article (FILE, or - for stdin)')
    .argument('<file>', 'a plain-text article, or a .jsonl file with --jsonl')
    .option('--jsonl', 'read one {"id", "text", "date"?} per line; print one {"id", "statements"} per line')
  addArticleOptions(command).action(async (file: string, options: ExtractOptions) => {
    if (options.jsonl) await extractLines(file)
    else await extractArticle(file, options)
  })
}

async function extractArticle(file: string, options: ArticleOptions): Promise<void> {
  const text = await readArticle(file)
  const { extract } = await loadPipeline()
  const { statements, claims } = extract({ text, ...articleMeta(options) })
  await write(`${JSON.stringify({ statements, claims }, null, 2)}\n`)
}

async function extractLines(file: string): Promise<void> {
  const { extract } = await loadPipeline()
  for await (const { where, line } of readLines(file)) {
    const article = articleFromLine(line, where, { needsId: true })
    const { statements } = extract(article)
    await write(`${JSON.stringify({ id: article.id, statements })}\n`)
  }
}

// Waits when stdout's buffer is full, so a slow reader of a long run does not make us hold every line in memory.
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain')
}
