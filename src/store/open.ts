// Which store `--db` names: a postgres:// URL is a database server (src/store/pg), anything else a store file.
// Every command opens its store here, so both answer the same verbs wherever a store is used.
import { existsSync } from 'node:fs'
import { NotFoundError } from '../errors.js'
import { isDatabaseUrl } from './pg/database-url.js'
import { PgStore } from './pg/pg-store.js'
import { type OpenOptions, Store } from './store.js'

export type ClaimStore = Store | PgStore

export { isDatabaseUrl }

export interface OpenStoreOptions extends OpenOptions {
  /** Refuse a store file that is not there yet, instead of creating it (the reading commands). */
  mustExist?: boolean
}

/**
 * Done with a store in a command: a database's connections are closed (they would keep the process alive); a
 * store file is left as the command left it, its journal folded in at the next open, as before.
 */
export async function letGo(store: ClaimStore): Promise<void> {
  if (store instanceof PgStore) await store.close()
}

export async function openStore(db: string, { mustExist = false, ...options }: OpenStoreOptions = {}): Promise<ClaimStore> {
  if (isDatabaseUrl(db)) return PgStore.open(db, { readOnly: options.readOnly })
  if (mustExist && !existsSync(db))
    throw new NotFoundError(`${db}: no store there. Check --db (or CLAIMTRAIL_DB), or ingest articles first.`)
  return Store.open(db, options)
}
