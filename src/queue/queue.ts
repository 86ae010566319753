// The articles queue on PostgreSQL, through pg-boss 10: opened on a postgres:// URL, its tables in a schema of
// their own (names.ts). pg-boss runs on a pool we own, so that the few things it has no verb for (a job refused
// for good, a dead letter moved back) run in one transaction with its own statements.
import pg from 'pg'
import PgBoss from 'pg-boss'
import { StoreError } from '../errors.js'
import { shownUrl } from '../store/pg/database-url.js'
import { inTransaction } from '../store/pg/transaction.js'
import type { ArticleInput } from '../store/schema.js'
import { ARTICLES, DEAD_LETTERS, SCHEMA } from './names.js'
import { DEFAULT_POLICY, type JobPolicy } from './policy.js'

/** What a job carries: the article, checked before it was queued, and where it came from for messages. */
export interface ArticleJob {
  source: string
  article: ArticleInput
}

export interface QueueOptions {
  policy?: Partial<JobPolicy>
  /**
   * Run pg-boss's upkeep here: jobs held past their time by a worker that died are failed (and so retried),
   * old ones archived. Workers do; a command that only queues or reads does not need to.
   */
  upkeep?: boolean
  /** Seconds between upkeeps, when `upkeep`: one process does it at a time, whichever comes first. */
  upkeepSeconds?: number
  /** A connection or upkeep error pg-boss met in the background (a fetch that failed is tried again). */
  onError?: (error: Error) => void
}

/** The pool pg-boss runs on, and whether it has been ended. */
interface Connection {
  pool: pg.Pool
  closed: boolean
}

export class ArticleQueue {
  private constructor(
    readonly boss: PgBoss,
    readonly policy: JobPolicy,
    private readonly connection: Connection,
  ) {}

  static async open(url: string, { policy = {}, upkeep = false, upkeepSeconds = 60, onError }: QueueOptions = {}): Promise<ArticleQueue> {
    const pool = new pg.Pool({ connectionString: url, application_name: 'claimtrail', max: 8 })
    const report = onError ?? ((error: Error) => console.error(`claimtrail: the job queue: ${error.message}`))
    // An idle connection the server dropped is replaced at the next query; unheard, it would end the process.
    pool.on('error', report)
    const connection: Connection = { pool, closed: false }
    const boss = new PgBoss({
      schema: SCHEMA,
      // pg-boss calls it after it stopped, for the completion it sends without waiting: like its own pool, a
      // closed one answers nothing rather than throw where no one can catch it.
      db: { executeSql: async (text, values) => (connection.closed ? { rows: [] } : pool.query(text, values)) },
      supervise: upkeep,
      maintenanceIntervalSeconds: upkeepSeconds,
      schedule: false,
      migrate: true,
    })
    boss.on('error', report)
    try {
      await boss.start()
      const queue = new ArticleQueue(boss, { ...DEFAULT_POLICY, ...policy }, connection)
      await queue.#createQueues()
      return queue
    } catch (error) {
      connection.closed = true
      await boss.stop({ graceful: false }).catch(() => undefined)
      await pool.end().catch(() => undefined)
      throw new StoreError(
        `cannot open the job queue at ${shownUrl(url)} (${(error as Error).message}). Check the address, and that PostgreSQL runs there and lets this user create a schema.`,
      )
    }
  }

  // Dead letters first: the articles queue names it. Both are created once; creating them again does nothing.
  async #createQueues(): Promise<void> {
    const retentionMinutes = this.policy.keepDays * 24 * 60
    await this.boss.createQueue(DEAD_LETTERS, { name: DEAD_LETTERS, retentionMinutes })
    await this.boss.createQueue(ARTICLES, {
      name: ARTICLES,
      retryLimit: this.policy.retryLimit,
      retryDelay: this.policy.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.policy.expireSeconds,
      retentionMinutes,
      deadLetter: DEAD_LETTERS,
    })
  }

  /** Rows of a statement of our own over pg-boss's tables (`${SCHEMA}` in names.ts). */
  async rows<T>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.connection.pool.query(text, values)).rows as T[]
  }

  /** Runs `work` in one transaction; pg-boss's verbs join it when given `{ db }`. */
  transaction<T>(work: (db: PgBoss.Db) => Promise<T>): Promise<T> {
    return inTransaction(this.connection.pool, (client) => work({ executeSql: (text, values) => client.query(text, values) }))
  }

  /**
   * Stops taking jobs; with `graceful`, waits up to `waitMs` for the jobs in hand to be filed. Those still in
   * hand after that are failed, so they are retried.
   */
  close({ graceful = true, waitMs = 60_000 }: { graceful?: boolean; waitMs?: number } = {}): Promise<void> {
    this.#closing ??= this.#close(graceful, waitMs)
    return this.#closing
  }

  #closing: Promise<void> | undefined
  async #close(graceful: boolean, waitMs: number): Promise<void> {
    await this.boss.stop({ graceful, wait: true, timeout: waitMs, close: false })
    this.connection.closed = true
    await this.connection.pool.end()
  }
}
