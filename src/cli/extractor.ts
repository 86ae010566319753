// Extraction for the commands that run many articles: in this process (--workers 1), or spread over worker
// threads. Either way each call answers with its own article's extraction, so callers keep input order.
import { Worker } from 'node:worker_threads'
import type { Article, Extraction } from '../pipeline/types.js'
import { loadPipeline } from './load.js'

export interface Extractor {
  extract(article: Article): Promise<Extraction>
  /** The `extract --jsonl` output line for an article with an id: statements at or above `minConfidence`. */
  line(article: Article & { id: string }, minConfidence: number): Promise<string>
  close(): Promise<void>
}

function lineOf(id: string, extraction: Extraction, minConfidence: number): string {
  return `${JSON.stringify({ id, statements: extraction.statements.filter((s) => s.confidence >= minConfidence) })}\n`
}

// Built, the worker is dist/cli/extract-worker.js; from source (tests, benches, the tsx command) it is the .ts
// beside this file, which the worker loads after registering tsx's loader in its own thread.
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const WORKER = new URL(`./extract-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url)

function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER)
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER.href)}) })`
  return new Worker(boot, { eval: true })
}

export async function openExtractor(workers: number): Promise<Extractor> {
  if (workers <= 1) {
    const { extract } = await loadPipeline()
    return {
      extract: async (article) => extract(article),
      line: async (article, minConfidence) => lineOf(article.id, extract(article), minConfidence),
      close: async () => {},
    }
  }
  return new WorkerPool(workers)
}

interface Waiting {
  /** An extraction, or the output line when one was asked for. */
  resolve: (answer: Extraction | string) => void
  reject: (error: Error) => void
}

class WorkerPool implements Extractor {
  private readonly threads: Array<{ worker: Worker; waiting: Map<number, Waiting> }> = []
  private nextId = 0

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const thread = { worker: startWorker(), waiting: new Map<number, Waiting>() }
      thread.worker.on('message', ({ id, extraction, line, error }: { id: number; extraction?: Extraction; line?: string; error?: string }) => {
        const waiting = thread.waiting.get(id)!
        thread.waiting.delete(id)
        if (error === undefined) waiting.resolve(line ?? extraction!)
        else waiting.reject(Object.assign(new Error(error.split('\n')[0]), { stack: error }))
      })
      // A worker that dies takes its articles with it: each waiting caller hears why.
      const fail = (error: Error) => {
        for (const waiting of thread.waiting.values()) waiting.reject(error)
        thread.waiting.clear()
      }
      thread.worker.on('error', fail)
      thread.worker.on('exit', (code) => fail(new Error(`an extraction worker stopped (exit code ${code})`)))
      this.threads.push(thread)
    }
  }

  extract(article: Article): Promise<Extraction> {
    return this.#post({ article })
  }

  line(article: Article & { id: string }, minConfidence: number): Promise<string> {
    return this.#post({ article, asLine: { minConfidence } })
  }

  #post<T>(message: { article: Article; asLine?: { minConfidence: number } }): Promise<T> {
    // The least busy thread: articles differ tenfold in length, so turn-taking would leave one thread idle.
    const thread = this.threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      thread.waiting.set(id, { resolve: (answer) => resolve(answer as T), reject })
      thread.worker.postMessage({ id, ...message })
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()))
  }
}

/**
 * Runs `run` over `items` with at most `ahead` of them in flight, and yields the results in input order: a
 * long input is read only as fast as its results are taken, so memory stays flat. A failed item throws when
 * its turn comes, after every item before it.
 */
export async function* inOrder<T, R>(items: AsyncIterable<T>, run: (item: T) => Promise<R>, ahead: number): AsyncGenerator<R> {
  const queue: Promise<R>[] = []
  for await (const item of items) {
    const result = run(item)
    result.catch(() => {}) // heard when its turn comes, not as an unhandled rejection before then
    queue.push(result)
    if (queue.length >= ahead) yield await queue.shift()!
  }
  while (queue.length > 0) yield await queue.shift()!
}
