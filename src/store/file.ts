// Opening the store file. Whatever is wrong with an existing file, we refuse to open it and never write to it:
// the user's reviews live there, and a store that "repaired" itself by starting empty would lose them.
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { DataFile } from 'lowdb/node'
import { StoreError } from '../errors.js'
import { withDatePrecision } from './records.js'
import { SCHEMA_VERSION, type StoreData } from './schema.js'

export function emptyStore(): StoreData {
  return { schema: SCHEMA_VERSION, articles: [], speakers: [], statements: [], claims: [], log: [] }
}

/**
 * Opens (or creates) the file behind `new Low(...)`. Built by hand rather than with JSONFilePreset, which swaps
 * the file for memory under NODE_ENV=test; compact JSON because the file grows with every article.
 */
export async function openFile(path: string): Promise<Low<StoreData>> {
  const adapter = new DataFile<StoreData>(path, { parse: parseStore(path), stringify: (data) => JSON.stringify(data) })
  let found: StoreData | null
  try {
    found = await adapter.read()
  } catch (error) {
    if (error instanceof StoreError) throw error
    throw new StoreError(`cannot read ${path} (${reason(error)}). Check that it is a readable file, or pass --db with another path.`)
  }
  // Low.read() would keep the defaults for a file holding `null`; reading through the adapter lets us refuse it.
  const db = new Low<StoreData>(adapter, emptyStore())
  if (found === null) {
    await createParent(path)
    await writeFile(db, path)
  } else {
    db.data = { ...found, statements: found.statements.map(withDatePrecision) }
  }
  return db
}

/** Writes the whole store; a failure names the file and leaves the previous file in place (lowdb renames). */
export async function writeFile(db: Low<StoreData>, path: string): Promise<void> {
  try {
    await db.write()
  } catch (error) {
    throw new StoreError(`cannot write ${path} (${reason(error)}). Check free space and permissions; the file on disk still holds the last complete write.`)
  }
}

function parseStore(path: string) {
  return (text: string): StoreData => {
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      throw new StoreError(`${path} is not valid JSON (${reason(error)}). Restore it from a backup or move it aside; claimtrail will start a new store.`)
    }
    return checkSchema(raw, path)
  }
}

function checkSchema(raw: unknown, path: string): StoreData {
  const notOurs = `${path} is not a claimtrail store. Pass --db with the right file, or move it aside; claimtrail will start a new store.`
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new StoreError(notOurs)
  const data = raw as Partial<StoreData>
  if (typeof data.schema !== 'number') throw new StoreError(notOurs)
  if (data.schema !== SCHEMA_VERSION) {
    throw new StoreError(`${path} is schema ${data.schema}; this build reads schema ${SCHEMA_VERSION}. Upgrade claimtrail or restore a backup.`)
  }
  for (const table of ['articles', 'speakers', 'statements', 'claims', 'log'] as const) {
    if (!Array.isArray(data[table])) throw new StoreError(`${path} has no "${table}" list. Restore it from a backup or move it aside; claimtrail will start a new store.`)
  }
  return data as StoreData
}

async function createParent(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true })
  } catch (error) {
    throw new StoreError(`cannot create the folder for ${path} (${reason(error)}). Pass --db with a writable path.`)
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
