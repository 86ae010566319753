// `npm run gen -- --db postgres://…`: the same generated store, built in PostgreSQL. Filing article by article
// through PgStore costs ~30 ms an article (75 minutes at a million statements), so the store is built as a store
// file in a temporary folder, with the same generator and seed, and copied in whole by `copyStore` (one
// transaction, counts and fingerprints of both sides compared): the database holds what a store file built with
// the same seed holds.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InvalidInputError, StoreError } from '../../src/errors.js'
import { copyStore, type Tally } from '../../src/store/pg/copy.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { Store } from '../../src/store/store.js'
import { type Generated, type GenerateOptions, generateStore } from './build.js'

export interface GeneratedInDatabase extends Generated {
  /** Seconds spent building the store file, and copying it in (verification and VACUUM ANALYZE included). */
  built: number
  copied: number
  tally: Tally
}

export async function generateIntoDatabase(options: GenerateOptions): Promise<GeneratedInDatabase> {
  const started = performance.now()
  const target = await PgStore.open(options.db)
  try {
    // Generated articles mixed into a desk's real ones could never be told apart again.
    const { rowCount } = await target.pool.query('SELECT 1 FROM articles LIMIT 1')
    if (rowCount)
      throw new InvalidInputError(`${target.path} already holds articles. Give an empty database (createdb NAME), or drop that one.`)
    const folder = await mkdtemp(join(tmpdir(), 'claimtrail-gen-'))
    try {
      const file = join(folder, 'claimtrail.json')
      const built = await generateStore({ ...options, db: file })
      const copying = performance.now()
      const source = await Store.open(file, { readOnly: true })
      const { from, to } = await copyStore(source, target)
      if (from.fingerprint !== to.fingerprint || from.statements !== to.statements || from.articles !== to.articles)
        throw new StoreError(
          `${target.path} does not hold what was generated (fingerprints ${from.fingerprint.slice(0, 16)} and ${to.fingerprint.slice(0, 16)}). Drop it and generate again.`,
        )
      const size = await target.pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')
      return {
        ...built,
        // The database's size on the server's disk, tables and indexes.
        bytes: Number(size.rows[0].bytes),
        built: built.seconds,
        copied: (performance.now() - copying) / 1000,
        seconds: (performance.now() - started) / 1000,
        tally: to,
      }
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  } finally {
    await target.close()
  }
}
