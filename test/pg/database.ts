// A fresh PostgreSQL database for each suite that needs one, dropped when the suite ends, so no run sees another's
// rows. The server is found as libpq finds it (PGHOST, PGPORT, PGUSER; localhost by default). Without a server a
// suite is skipped and says so plainly, unless CLAIMTRAIL_REQUIRE_PG is set (.ci/run sets it): then it fails.
import { randomBytes } from 'node:crypto'
import { userInfo } from 'node:os'
import pg from 'pg'

export interface TestDatabase {
  /** The new database's URL, for `--db` and `CLAIMTRAIL_DB`. */
  url: string
  name: string
  drop(): Promise<void>
}

const required = () => !!process.env.CLAIMTRAIL_REQUIRE_PG

/** The server's own database, to create and drop the test databases from. */
function adminClient(): pg.Client {
  // libpq falls back to the login name; node-postgres only to $USER, which a CI shell may not set.
  const user = process.env.PGUSER ?? process.env.USER ?? userInfo().username
  return new pg.Client({ user, database: process.env.PGDATABASE ?? 'postgres', connectionTimeoutMillis: 3000 })
}

function urlOf(client: pg.Client, name: string): string {
  const { user, host, port } = client
  const at = host.startsWith('/') ? `/${name}?host=${encodeURIComponent(host)}` : `${host}:${port}/${name}`
  return `postgres://${encodeURIComponent(user ?? '')}@${at}`
}

/** Creates a database of its own for a suite; undefined when no server answers (and none is required). */
export async function freshDatabase(): Promise<TestDatabase | undefined> {
  const admin = adminClient()
  try {
    await admin.connect()
  } catch (error) {
    if (required()) throw new Error(`CLAIMTRAIL_REQUIRE_PG is set but no PostgreSQL server answered: ${(error as Error).message}`)
    return undefined
  }
  const name = `claimtrail_test_${process.pid}_${randomBytes(4).toString('hex')}`
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = urlOf(admin, name)
  return {
    url,
    name,
    async drop() {
      const client = adminClient()
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

/**
 * In a suite's `before`: its own database, or the suite skipped with a line saying why. The caller keeps the
 * answer and drops it in `after`.
 */
export async function databaseOrSkip(context: Mocha.Context, suite: string): Promise<TestDatabase> {
  const db = await freshDatabase()
  if (!db) {
    console.log(
      `      skipped: ${suite} needs PostgreSQL and no server answered (set PGHOST, or see the README's "When one file is not enough")`,
    )
    context.skip()
  }
  return db as TestDatabase
}
