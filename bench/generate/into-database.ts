// `npm run gen -- --db postgres://…`: the same generated store, built in PostgreSQL. Filing article by article
// through PgStore costs ~30 ms an article (75 minutes at a million statements), so the store is built as a store
// file in a temporary folder, with the same generator and seed, and copied in whole by `copyStore` (one
// transaction, counts and fingerprints of both sides compared): the database holds what a store file built with
// the same seed holds.
import { rmSync } from 'node:fs'
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
  /** The process's peak resident memory once the store file was built, before the copy: e.g. "2.1 GiB". */
  peakBuilding: string
  tally: Tally
}

export async function generateIntoDatabase(options: GenerateOptions): Promise<GeneratedInDatabase> {
  const started = performance.now()
  const target = await PgStore.open(options.db)
  try {
    await mustBeEmpty(target)
    const folder = await mkdtemp(join(tmpdir(), 'claimtrail-gen-'))
    // A gen stopped with ^C leaves no store file behind; a copy under way is rolled back with its connection.
    const stopped = () => {
      rmSync(folder, { recursive: true, force: true })
      process.exit(130)
    }
    process.once('SIGINT', stopped).once('SIGTERM', stopped)
    try {
      const file = join(folder, 'claimtrail.json')
      const built = await generateStore({ ...options, db: file })
      const peakBuilding = `${(process.resourceUsage().maxRSS / 1024 ** 2).toFixed(1)} GiB`
      const copying = performance.now()
      // Again: another gen may have filled it meanwhile (a check, not a lock: copyStore would add beside its records).
      await mustBeEmpty(target)
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
        peakBuilding,
        tally: to,
      }
    } finally {
      process.off('SIGINT', stopped).off('SIGTERM', stopped)
      await rm(folder, { recursive: true, force: true })
    }
  } finally {
    await target.close()
  }
}

/** Generated articles mixed into a desk's real ones could never be told apart again. */
async function mustBeEmpty(target: PgStore): Promise<void> {
  const { rowCount } = await target.pool.query('SELECT 1 FROM articles LIMIT 1')
  if (rowCount)
    throw new InvalidInputError(`${target.path} already holds articles. Give an empty database (createdb NAME), or drop that one.`)
}
