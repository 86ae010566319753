// Older store files brought up to the current schema when opened. The file as it was is copied aside first
// (`<store>.v1.bak`, `.v2.bak`), so a migration that went wrong costs nobody their reviews.
import { chmod, copyFile, open } from 'node:fs/promises'
import { StoreError } from '../errors.js'
import { withDatePrecision } from './records.js'
import { SCHEMA_VERSION, type StatementRecord, type StoreData } from './schema.js'

type Migration = (data: Record<string, unknown>) => void

// Index i takes a file from schema i + 1 to schema i + 2.
const MIGRATIONS: Migration[] = [
  // 1 → 2: speakers keep every role seen with its dates; statements get their date's precision (read again from
  // the date phrase) and how they found their claim, which version 1 did not record.
  (data) => {
    for (const speaker of data.speakers as Array<Record<string, unknown>>) {
      speaker.roles ??= typeof speaker.role === 'string' ? [{ role: speaker.role, firstSeen: null, lastSeen: null }] : []
    }
    data.statements = (data.statements as StatementRecord[]).map((s) => ({
      ...withDatePrecision(s),
      link: s.link ?? { how: 'new', confidence: 1 },
    }))
  },
  // 2 → 3: article texts leave the file for `<store>.texts` (file.ts writes them there before this runs); the
  // file keeps a journal position.
  (data) => {
    for (const article of data.articles as Array<Record<string, unknown>>) delete article.text
    data.seq = 0
  },
]

export function needsMigration(data: { schema: number }): boolean {
  return data.schema < SCHEMA_VERSION
}

/** Migrates `data` in place, after copying the file at `path` aside. */
export async function migrate(data: StoreData, path: string): Promise<string> {
  const backup = `${path}.v${data.schema}.bak`
  try {
    await copyFile(path, backup)
    await chmod(backup, 0o600)
    const copy = await open(backup, 'r+')
    await copy.sync().finally(() => copy.close())
  } catch (error) {
    throw new StoreError(
      `cannot keep a backup of ${path} before upgrading it (${(error as Error).message}). Free some space or check permissions; the file was not changed.`,
    )
  }
  for (let v = data.schema; v < SCHEMA_VERSION; v++) MIGRATIONS[v - 1](data as unknown as Record<string, unknown>)
  data.schema = SCHEMA_VERSION
  return backup
}
