// Opening the store: the store file, then the journal's later changes replayed over it. Whatever is wrong with
// an existing file, we refuse to open it and never write to it: the user's reviews live there, and a store that
// "repaired" itself by starting empty would lose them.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { StoreError } from '../errors.js'
import { readJournal } from './journal.js'
import { migrate, needsMigration } from './migrate.js'
import { replay } from './replay.js'
import { SCHEMA_VERSION, TABLES, type StoreData } from './schema.js'
import { readSnapshot, writeSnapshot } from './snapshot.js'
import { ArticleTexts } from './texts.js'

export function emptyStore(): StoreData {
  return { schema: SCHEMA_VERSION, seq: 0, articles: [], speakers: [], statements: [], claims: [], log: [] }
}

/** The files beside a store file. */
export const journalPath = (path: string) => `${path}.journal`
export const textsPath = (path: string) => `${path}.texts`

/** lowdb's adapter for the store file: read a record per line, written whole and atomically (snapshot.ts). */
export class StoreFile implements Adapter<StoreData> {
  /** Bytes of the file as last read or written. */
  bytes = 0

  constructor(readonly path: string) {}

  async read(): Promise<StoreData | null> {
    let raw: unknown
    try {
      this.bytes = (await stat(this.path)).size
      raw = await readSnapshot(this.path)
      // Not laid out a record per line (an older store, or edited by hand): parse it whole.
      if (raw === null || raw === undefined) raw = JSON.parse(await readFile(this.path, 'utf8'))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return null
      if (error instanceof SyntaxError) {
        throw new StoreError(`${this.path} is not valid JSON (${error.message}). Restore it from a backup or move it aside; claimtrail will start a new store.`)
      }
      throw new StoreError(`cannot read ${this.path} (${reason(error)}). Check that it is a readable file, or pass --db with another path.`)
    }
    return checkSchema(raw, this.path)
  }

  async write(data: StoreData): Promise<void> {
    try {
      this.bytes = await writeSnapshot(this.path, data)
    } catch (error) {
      throw new StoreError(`cannot write ${this.path} (${reason(error)}). Check free space and permissions; the file on disk still holds the last complete write.`)
    }
  }
}

export interface OpenedFile {
  db: Low<StoreData>
  file: StoreFile
}

/** Opens (or creates) the store at `path`, with the journal's changes replayed. */
export async function openFile(path: string, { readOnly = false }: { readOnly?: boolean } = {}): Promise<OpenedFile> {
  // The journal first: a writer compacting meanwhile writes the new store file before it empties the journal,
  // so what we read is either the old file and its whole journal, or the new file, which holds all of it.
  const journal = readJournal(journalPath(path))
  const file = new StoreFile(path)
  const found = await file.read()
  const db = new Low<StoreData>(file, emptyStore())
  if (found === null) {
    if (journal.length) {
      throw new StoreError(`${path} is missing but its journal is there. Restore the store file from a backup, or move ${journalPath(path)} aside to start a new store.`)
    }
    if (readOnly) return { db, file }
    await createParent(path)
    await db.write()
    return { db, file }
  }
  db.data = found
  if (needsMigration(found)) {
    if (readOnly) throw new StoreError(`${path} is schema ${found.schema} and must be upgraded first: open it once for writing (claimtrail ingest or serve).`)
    await upgrade(db, path)
  }
  replay(db.data, journal)
  return { db, file }
}

/** Brings an older file to this schema, after a backup; texts go to their own file before the file drops them. */
async function upgrade(db: Low<StoreData>, path: string): Promise<void> {
  const data = db.data
  const texts = (data.articles as Array<{ id: string; text?: string }>).filter((a) => typeof a.text === 'string').map(({ id, text }) => ({ id, text: text! }))
  await migrate(data, path)
  if (texts.length) await ArticleTexts.replace(textsPath(path), texts)
  await db.write()
}

function checkSchema(raw: unknown, path: string): StoreData {
  const notOurs = `${path} is not a claimtrail store. Pass --db with the right file, or move it aside; claimtrail will start a new store.`
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new StoreError(notOurs)
  const data = raw as Partial<StoreData>
  if (typeof data.schema !== 'number') throw new StoreError(notOurs)
  if (data.schema > SCHEMA_VERSION || data.schema < 1) {
    throw new StoreError(`${path} is schema ${data.schema}; this build reads schemas 1 to ${SCHEMA_VERSION}. Upgrade claimtrail or restore a backup.`)
  }
  for (const table of TABLES) {
    if (!Array.isArray(data[table])) throw new StoreError(`${path} has no "${table}" list. Restore it from a backup or move it aside; claimtrail will start a new store.`)
  }
  return data as StoreData
}

export async function createParent(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true })
  } catch (error) {
    throw new StoreError(`cannot create the folder for ${path} (${reason(error)}). Pass --db with a writable path.`)
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
