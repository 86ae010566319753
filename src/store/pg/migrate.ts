// The database's schema, brought up to this program's by the versioned SQL files in data/migrations/postgres,
// applied in one transaction under node-pg-migrate's advisory lock: two workers opening a new database at once
// never migrate it twice, and a migration that fails leaves the schema as it was. A database migrated by a newer
// claimtrail is refused before anything is read or written.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runner } from 'node-pg-migrate'
import type pg from 'pg'
import { StoreError } from '../../errors.js'
import { fillWords } from './search-words.js'
import { summariseWaiting } from './summaries.js'

// src/store/pg and dist/store/pg are both three folders below the package's root.
const MIGRATIONS = fileURLToPath(new URL('../../../data/migrations/postgres', import.meta.url))
const TABLE = 'claimtrail_migrations'

/** The migrations this program knows, by name, oldest first. */
export function knownMigrations(): string[] {
  return readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .sort()
}

/** The migrations the database has had applied, oldest first; none for a new database. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [TABLE])
  if (!rows[0].exists) return []
  const applied = await client.query<{ name: string }>(`SELECT name FROM ${TABLE} ORDER BY run_on, id`)
  return applied.rows.map((r) => r.name)
}

/** Refuses a database some later claimtrail migrated: this program would misread what it does not know. */
export function checkNotNewer(applied: string[], where: string): void {
  const known = new Set(knownMigrations())
  const unknown = applied.filter((name) => !known.has(name))
  if (unknown.length) {
    throw new StoreError(
      `${where} has a newer schema than this claimtrail knows (migration ${unknown.join(', ')}); nothing was read or written. Upgrade claimtrail.`,
    )
  }
}

/** Applies what is missing; returns the names applied now (none when the schema is current). */
export async function migrate(client: pg.ClientBase, where: string): Promise<string[]> {
  checkNotNewer(await appliedMigrations(client), where)
  const ran = await runner({
    dbClient: client,
    dir: MIGRATIONS,
    migrationsTable: TABLE,
    direction: 'up',
    singleTransaction: true,
    // A second process opening a new database waits for the first one's migration, then finds nothing to do.
    advisoryLockMode: 'wait',
    checkOrder: true,
    log: () => {},
  })
  // What 0003_search could not key in SQL; the rows written since are keyed as they are written.
  await fillWords(client)
  // The claims list's rows 0002 queued (and any a copy stopped short of making).
  await summariseWaiting(client)
  return ran.map((m) => m.name)
}

/** True when the schema lacks a migration this program has. */
export async function behind(client: pg.ClientBase): Promise<boolean> {
  const applied = new Set(await appliedMigrations(client))
  return knownMigrations().some((name) => !applied.has(name))
}
