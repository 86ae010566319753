// One transaction on one connection of a pool: committed when `work` resolves, rolled back when it throws, and
// the connection given back either way. The store and the job queue share it.
import type pg from 'pg'

/** Filing one batch at a time across every process that writes into the database (filing, decisions, copy). */
export const FILING_LOCK = 0x636c6169 // "clai"

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
