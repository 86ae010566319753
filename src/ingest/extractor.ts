// Extraction off the calling thread, for the CLI and the web alike: each article goes to a worker thread, and
// one that runs past the time budget is stopped (its thread terminated and replaced) and refused with a
// TooLargeError. On the server this keeps the readers answered while an article is filed; everywhere it keeps
// a hostile article from holding a thread for minutes. Each call answers with its own article's extraction,
// so callers keep input order.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Article, Extraction } from '../pipeline/types.js'
import { budgetSeconds, extractBudget, overBudget, tooManyStatements } from './budget.js'

export interface Extractor {
  extract(article: Article): Promise<Extraction>
  /** The `extract --jsonl` output line for an article with an id: statements at or above `minConfidence`. */
  line(article: Article & { id: string }, minConfidence: number): Promise<string>
  close(): Promise<void>
}

// Built, the worker is dist/ingest/extract-worker.js; from source (tests, benches, the tsx command) it is the .ts
// beside this file, which extract-worker-from-source.mjs loads after registering tsx's loader in its thread.
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const WORKER = new URL(`./extract-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url)

function startWorker(): Worker {
  return new Worker(FROM_SOURCE ? new URL('./extract-worker-from-source.mjs', import.meta.url) : WORKER)
}

/** `workers` threads (at least one), each article stopped at the budget (CLAIMTRAIL_EXTRACT_BUDGET). */
export async function openExtractor(workers: number, budgetMs = extractBudget()): Promise<Extractor> {
  return new WorkerPool(Math.max(1, workers), budgetMs, true)
}

let shared: WorkerPool | undefined
/**
 * The server's pool, opened at the first article sent: a core is left to the server's own thread. Its idle
 * threads keep no process alive. The budget is read at each article, so it follows the environment.
 */
export function sharedExtractor(): Extractor {
  shared ??= new WorkerPool(Math.min(2, Math.max(1, availableParallelism() - 1)), null, false)
  return shared
}

interface Job {
  budgetMs: number
  message: { article: Article; asLine?: { minConfidence: number } }
  resolve: (answer: Extraction | string) => void
  reject: (error: Error) => void
}

interface Thread {
  worker: Worker
  /** The pipeline is loaded: loading is not counted against an article's budget. */
  ready: boolean
  job: Job | null
  timer?: NodeJS.Timeout
}

/**
 * One article per thread at a time, the rest queued here: the budget counts from when a thread starts the
 * article, and a thread stopped for it takes no other article with it.
 */
class WorkerPool implements Extractor {
  private readonly threads: Thread[] = []
  private readonly queue: Job[] = []
  private nextId = 0
  private closed = false
  private broken: Error | undefined

  /**
   * `keepsAlive`: the threads hold the process open until close() (a command that closes the pool when done;
   * some of its waits, on the store's lock, hold nothing else). Otherwise only while they have work (a server).
   */
  constructor(
    size: number,
    private readonly budgetMs: number | null,
    private readonly keepsAlive: boolean,
  ) {
    for (let i = 0; i < size; i++) this.threads.push(this.#start())
  }

  #start(): Thread {
    const thread: Thread = { worker: startWorker(), ready: false, job: null }
    thread.worker.on(
      'message',
      ({
        ready,
        extraction,
        line,
        error,
        tooMany,
      }: {
        ready?: true
        extraction?: Extraction
        line?: string
        error?: string
        tooMany?: number
      }) => {
        if (ready) {
          thread.ready = true
          return this.#next()
        }
        const job = this.#finish(thread)
        if (!job) return
        if (tooMany !== undefined) job.reject(tooManyStatements(tooMany))
        else if (error === undefined) job.resolve(line ?? extraction!)
        else job.reject(Object.assign(new Error(error.split('\n')[0]), { stack: error }))
      },
    )
    // A worker that dies takes its article with it: the caller hears why, and a new thread takes its place.
    const fail = (error: Error) => {
      if (!thread.ready && !this.closed) {
        // It could not even load: another would fail alike, so every waiting caller hears why instead.
        this.broken ??= error
        for (const job of this.queue.splice(0)) job.reject(error)
        return
      }
      const job = this.#finish(thread)
      job?.reject(error)
      this.#replace(thread)
    }
    thread.worker.on('error', fail)
    thread.worker.on('exit', (code) => fail(new Error(`an extraction worker stopped (exit code ${code})`)))
    // After the listeners: adding a 'message' listener refs the worker's port again, and an idle thread of the
    // server's pool must keep no process alive (the tests').
    if (!this.keepsAlive) thread.worker.unref()
    return thread
  }

  #finish(thread: Thread): Job | null {
    const job = thread.job
    clearTimeout(thread.timer)
    thread.job = null
    queueMicrotask(() => this.#next())
    return job
  }

  /** Threads keep the process alive while there is work, for it or waiting: idle ones do not. */
  #hold(): void {
    const waiting = this.queue.length > 0
    for (const { worker, job } of this.threads) {
      if (job || waiting || this.keepsAlive) worker.ref()
      else worker.unref()
    }
  }

  #replace(thread: Thread): void {
    if (this.closed) return
    const i = this.threads.indexOf(thread)
    if (i >= 0) this.threads[i] = this.#start()
  }

  extract(article: Article): Promise<Extraction> {
    return this.#post({ article })
  }

  line(article: Article & { id: string }, minConfidence: number): Promise<string> {
    return this.#post({ article, asLine: { minConfidence } })
  }

  #post<T>(message: Job['message']): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the extractor is closed'))
    if (this.broken) return Promise.reject(this.broken)
    let budgetMs: number
    try {
      budgetMs = this.budgetMs ?? extractBudget()
    } catch (error) {
      return Promise.reject(error)
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ budgetMs, message, resolve: (answer) => resolve(answer as T), reject })
      this.#next()
    })
  }

  #next(): void {
    for (const thread of this.threads) {
      if (!thread.ready || thread.job || this.queue.length === 0) continue
      const job = this.queue.shift()!
      thread.job = job
      thread.worker.postMessage({ id: this.nextId++, ...job.message })
      const budget = job.budgetMs
      thread.timer = setTimeout(() => {
        // Terminating ends the thread mid-article; 'exit' then replaces it. The caller hears the budget's reason.
        thread.job = null
        job.reject(overBudget(budgetSeconds(budget)))
        this.#replace(thread)
        thread.worker.unref()
        void thread.worker.terminate()
        this.#next()
      }, budget)
    }
    this.#hold()
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new Error('the extractor is closed'))
    await Promise.all(this.threads.map(({ worker, timer }) => (clearTimeout(timer), worker.terminate())))
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
