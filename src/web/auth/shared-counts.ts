// The rate limits' counts in PostgreSQL, for servers that share a database: express-rate-limit's own store keeps
// them in one process's memory, so two servers behind one address would each allow the whole limit. One atomic
// upsert per hit counts it and starts the key's window again when the old one is over; the database's clock decides,
// so servers whose clocks differ still agree. Expired windows are swept at most once a window, by whichever server
// comes first. (A package for this exists, but pins an older pg than ours; this is the few queries we need.)
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'
import type pg from 'pg'

interface Row {
  hits: number
  resets_at: Date
}

const HIT = `
  INSERT INTO rate_limits AS r (key, hits, resets_at)
  VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
    resets_at = CASE WHEN r.resets_at <= now() THEN excluded.resets_at ELSE r.resets_at END
  RETURNING hits, resets_at`

// SKIP LOCKED: a row another server is counting right now is left to the next sweep, so a sweep never waits.
const SWEEP = `
  DELETE FROM rate_limits WHERE key IN (
    SELECT key FROM rate_limits WHERE resets_at <= now() FOR UPDATE SKIP LOCKED)`

export class SharedCounts implements Store {
  /** The keys are the database's, not this process's: express-rate-limit's checks need to know. */
  readonly localKeys = false
  #windowMs = 60_000
  #sweptAt = 0

  /** `prefix` keeps one limit's keys apart from another's in the one table (`write `, `sign-in `). */
  constructor(
    private readonly pool: pg.Pool,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.#windowMs = options.windowMs
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT hits, resets_at FROM rate_limits WHERE key = $1 AND resets_at > now()', [
      this.prefix + key,
    ])
    return rows[0] && infoOf(rows[0])
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    await this.sweep()
    const { rows } = await this.pool.query<Row>(HIT, [this.prefix + key, this.#windowMs])
    return infoOf(rows[0])
  }

  /** A hit taken back (a sign-in that succeeded); never below none, and never into the next window. */
  async decrement(key: string): Promise<void> {
    await this.pool.query('UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = $1 AND resets_at > now()', [this.prefix + key])
  }

  async resetKey(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [this.prefix + key])
  }

  private async sweep(): Promise<void> {
    if (Date.now() - this.#sweptAt < this.#windowMs) return
    this.#sweptAt = Date.now()
    await this.pool.query(SWEEP)
  }
}

const infoOf = (row: Row): ClientRateLimitInfo => ({ totalHits: row.hits, resetTime: row.resets_at })
