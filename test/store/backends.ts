// The two stores as the contract suite (contract.test.ts) opens them: the JSON store on a real file in a
// temporary folder, and the PostgreSQL store in a fresh database of its own (skipped, saying so, without a server).
import type { ClaimStore } from '../../src/store/open.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import type { Store } from '../../src/store/store.js'
import { freshDatabase, type TestDatabase } from '../pg/database.js'
import { type TempFolder, tempFolder } from './temp-store.js'

export interface Backend {
  name: 'json' | 'postgres'
  /** Set up once per suite; false when the backend cannot run here (no PostgreSQL server). */
  setUp(): Promise<boolean>
  /** A new, empty store. */
  open(): Promise<ClaimStore>
  /** The same store opened again, as a second process would see it. */
  reopen(store: ClaimStore, options?: { readOnly?: boolean }): Promise<ClaimStore>
  tearDown(): Promise<void>
}

export function jsonBackend(): Backend {
  let temp: TempFolder
  let n = 0
  return {
    name: 'json',
    async setUp() {
      temp = await tempFolder()
      return true
    },
    open: () => temp.open(temp.path(`store-${++n}.json`)),
    async reopen(store, options) {
      await store.close()
      return temp.open((store as Store).path, options)
    },
    tearDown: () => temp.remove(),
  }
}

export function postgresBackend(): Backend {
  let db: TestDatabase | undefined
  const opened: PgStore[] = []
  const open = async (readOnly = false) => {
    const store = await PgStore.open(db!.url, { readOnly })
    opened.push(store)
    return store
  }
  return {
    name: 'postgres',
    async setUp() {
      db = await freshDatabase()
      return db !== undefined
    },
    async open() {
      // Each test starts from an empty store: the tables are emptied, the schema kept.
      const store = await open()
      await store.pool.query(
        `TRUNCATE articles, article_texts, speakers, speaker_keys, speaker_surnames, speaker_claims, claims, statements, claim_terms, claim_term_counts, decisions,
           claim_summaries, claim_voices, claim_summaries_due;
         UPDATE store_state SET version = 0, indexed = 0`,
      )
      return store
    },
    reopen: (_store, options) => open(options?.readOnly),
    async tearDown() {
      for (const store of opened.splice(0)) await store.close()
      await db?.drop()
    },
  }
}

export const BACKENDS = [jsonBackend, postgresBackend]
