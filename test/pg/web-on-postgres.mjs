// `npm run test:web-pg`: the web suite again, each store a PostgreSQL one (CLAIMTRAIL_TEST_STORE=postgres, see
// test/web/fixture.ts). Without a server it says so and passes, unless CLAIMTRAIL_REQUIRE_PG is set (.ci/run).
import { spawnSync } from 'node:child_process'
import { userInfo } from 'node:os'
import pg from 'pg'

const client = new pg.Client({
  user: process.env.PGUSER ?? process.env.USER ?? userInfo().username,
  database: process.env.PGDATABASE ?? 'postgres',
  connectionTimeoutMillis: 3000,
})
try {
  await client.connect()
  await client.end()
} catch (error) {
  if (process.env.CLAIMTRAIL_REQUIRE_PG) {
    console.error(`CLAIMTRAIL_REQUIRE_PG is set but no PostgreSQL server answered: ${error.message}`)
    process.exit(1)
  }
  console.log('skipped: the web suite on PostgreSQL needs a server and none answered (set PGHOST)')
  process.exit(0)
}
const run = spawnSync('npx', ['mocha', '--no-config', '--node-option', 'import=tsx', '--timeout', '20000', 'test/web/**/*.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CLAIMTRAIL_TEST_STORE: 'postgres' },
})
process.exit(run.status ?? 1)
