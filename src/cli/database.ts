// The commands of a desk that moves to PostgreSQL: `migrate` brings a database's schema up to this program's,
// `copy` moves a store into it whole and says whether both sides agree.
import type { Command } from 'commander'
import pg from 'pg'
import { InvalidInputError, StoreError } from '../errors.js'
import { isDatabaseUrl, openStore } from '../store/open.js'
import { copyStore, type Tally } from '../store/pg/copy.js'
import { shownUrl } from '../store/pg/database-url.js'
import { migrate } from '../store/pg/migrate.js'
import { PgStore } from '../store/pg/pg-store.js'
import { dbOption } from './options.js'

function needDatabase(url: string, option: string): void {
  if (!isDatabaseUrl(url))
    throw new InvalidInputError(
      `${option} "${url}" is not a database URL: give postgres://USER@HOST:PORT/DATABASE (the README's "When one file is not enough").`,
    )
}

export function databaseCommands(program: Command): void {
  program
    .command('migrate')
    .description("bring a PostgreSQL store's schema up to this claimtrail's (opening the store does it too)")
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      needDatabase(options.db, '--db')
      const client = new pg.Client({ connectionString: options.db })
      await client.connect().catch((error: Error) => {
        throw new StoreError(
          `cannot connect to ${shownUrl(options.db)}: ${error.message}. Check that PostgreSQL is running and the URL is right.`,
        )
      })
      try {
        const ran = await migrate(client, shownUrl(options.db))
        console.log(ran.length ? `applied ${ran.join(', ')} to ${shownUrl(options.db)}` : `${shownUrl(options.db)}: the schema is current.`)
      } finally {
        await client.end()
      }
    })

  program
    .command('copy')
    .description('copy a store, with its whole decision log, into a PostgreSQL store; counts and fingerprints both sides')
    .requiredOption('--from <store>', 'the store to copy: a store file or a postgres:// URL')
    .requiredOption('--to <url>', 'the PostgreSQL store to copy into: postgres://USER@HOST:PORT/DATABASE')
    .action(async (options: { from: string; to: string }) => {
      needDatabase(options.to, '--to')
      const source = await openStore(options.from, { readOnly: true, mustExist: true })
      const target = await PgStore.open(options.to)
      try {
        const { before, from, to } = await copyStore(source, target)
        const added = to.articles - before.articles
        console.log(`copied ${source.path} into ${target.path}: ${added ? `${n(added)} articles added` : 'nothing new to add'}`)
        console.log(`  source: ${counts(from)}`)
        console.log(`  target: ${counts(to)}`)
        if (from.fingerprint !== to.fingerprint || counts(from) !== counts(to)) {
          throw new StoreError(
            `the copy does not match its source (fingerprints ${from.fingerprint.slice(0, 16)} and ${to.fingerprint.slice(0, 16)}): the target holds records the source does not. Copy into an empty database.`,
          )
        }
        console.log(`verified: counts match and both sides have content fingerprint ${to.fingerprint.slice(0, 16)}`)
      } finally {
        await target.close()
        if (source instanceof PgStore) await source.close()
      }
    })
}

const n = (x: number) => x.toLocaleString('en-US')
const counts = (t: Tally) =>
  `${n(t.articles)} articles, ${n(t.speakers)} speakers, ${n(t.statements)} statements, ${n(t.claims)} claims, ${n(t.decisions)} decisions`
