// One extraction thread (the CLI's `--workers N`, the server's pool): extracts each article the main thread
// posts and posts back the result under the same number. Only the main thread reads input, writes output and touches the store.
import { parentPort } from 'node:worker_threads'
import { compromise } from '../pipeline/compromise.js'
import { extract } from '../pipeline/extract.js'
import type { Article } from '../pipeline/types.js'
import { MAX_STATEMENTS } from './budget.js'

// `asLine`: the --jsonl output line, made here rather than in the main thread, which only writes it: copying a
// string between threads is cheap, copying the statements' object graph and stringifying it there is not.
parentPort!.on(
  'message',
  ({ id, article, asLine }: { id: number; article: Article & { id?: string }; asLine?: { minConfidence: number } }) => {
    try {
      const extraction = extract(article)
      // Checked here, so that tens of thousands of statements never cross to the thread that files them.
      if (!asLine && extraction.statements.length > MAX_STATEMENTS)
        return parentPort!.postMessage({ id, tooMany: extraction.statements.length })
      if (!asLine) return parentPort!.postMessage({ id, extraction })
      const statements = extraction.statements.filter((s) => s.confidence >= asLine.minConfidence)
      parentPort!.postMessage({ id, line: `${JSON.stringify({ id: article.id, statements })}\n` })
    } catch (error) {
      parentPort!.postMessage({ id, error: (error as Error)?.stack ?? String(error) })
    }
  },
)

// Loaded, compromise with it (it loads at first use, and takes a second or more; this thread is for parsing):
// from now on an article's time budget is its own.
compromise()
parentPort!.postMessage({ ready: true })
