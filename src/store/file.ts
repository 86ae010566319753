// Opening the store: the store file, then the journal's later changes replayed over it. Whatever is wrong with
// an existing file, we refuse to open it and never write to it: the user's reviews live there, and a store that
// "repaired" itself by starting empty would lose them.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { type Adapter, Low } from 'lowdb'
import { StoreError } from '../errors.js'
import { headPath, readHead } from './head.js'
import { type JournalRead, readJournal } from './journal.js'
import { damaged } from './line-check.js'
import { migrate, needsMigration } from './migrate.js'
import { replay } from './replay.js'
import { SCHEMA_VERSION, type StoreData, TABLES } from './schema.js'
import { readSnapshot, type WriteOptions, writeSnapshot } from './snapshot.js'
import { ArticleTexts, readTexts, type TextsRead } from './texts.js'

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
  /** The change the file holds everything up to, as last read or written. */
  seq = 0
  /** Whether the file as read carried its check line; one from before them is rewritten by its next writer. */
  checked = true
  /** Runs before the next write replaces the file (the store keeps a backup of the old one). */
  beforeReplace: WriteOptions['beforeReplace']

  constructor(readonly path: string) {}

  async read(): Promise<StoreData | null> {
    let raw: unknown
    try {
      this.bytes = (await stat(this.path)).size
      const snapshot = await readSnapshot(this.path)
      this.checked = snapshot?.checked ?? false
      // Not laid out a record per line (an older store, or edited by hand): parse it whole.
      raw = snapshot ? snapshot.data : JSON.parse(await readFile(this.path, 'utf8'))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return null
      if (error instanceof StoreError) throw error
      if (error instanceof SyntaxError) {
        throw new StoreError(
          `${this.path} is not valid JSON (${error.message}). Nothing was changed: run \`claimtrail repair --db ${this.path}\` to rebuild it from its latest backup and journal.`,
        )
      }
      throw new StoreError(`cannot read ${this.path} (${reason(error)}). Check that it is a readable file, or pass --db with another path.`)
    }
    const data = checkSchema(raw, this.path)
    this.seq = data.seq ?? 0
    return data
  }

  async write(data: StoreData): Promise<void> {
    try {
      this.bytes = await writeSnapshot(this.path, data, { beforeReplace: this.beforeReplace })
      this.seq = data.seq ?? 0
      this.checked = true
    } catch (error) {
      if (error instanceof StoreError) throw error
      throw new StoreError(
        `cannot write ${this.path} (${reason(error)}). Check free space and permissions; the file on disk still holds the last complete write.`,
      )
    }
  }
}

export interface OpenedFile {
  db: Low<StoreData>
  file: StoreFile
  journal: JournalRead
  texts: TextsRead
}

/**
 * Opens (or creates) the store at `path`, with the journal's changes replayed, after checking that its files
 * agree: the journal follows the store file, reaches the last change acknowledged, and every article has its text.
 */
export async function openFile(path: string, { readOnly = false }: { readOnly?: boolean } = {}): Promise<OpenedFile> {
  // The head, then the journal, then the store file, then the texts: each is written after the one read before
  // it, so what a writer adds meanwhile only makes the later files hold more. A writer compacting meanwhile writes
  // the new store file before it moves the journal away, so what we read is either the old file and its whole
  // journal, or the new file, which holds all of it.
  const acknowledged = readHead(headPath(path))
  const journal = readJournal(journalPath(path), path)
  const file = new StoreFile(path)
  const found = await file.read()
  const db = new Low<StoreData>(file, emptyStore())
  if (found === null) {
    const texts = readTexts(textsPath(path), path)
    if (journal.entries.length || texts.lines || (acknowledged ?? 0) > 0) {
      throw new StoreError(
        `${path} is missing but the store's other files are there (${journalPath(path)}, ${textsPath(path)}). Nothing was changed: run \`claimtrail repair --db ${path}\` to rebuild it from its latest backup, its journal and its texts.`,
      )
    }
    if (readOnly) return { db, file, journal, texts }
    await createParent(path)
    await db.write()
    return { db, file, journal, texts }
  }
  db.data = found
  if (needsMigration(found)) {
    if (readOnly)
      throw new StoreError(
        `${path} is schema ${found.schema} and must be upgraded first: open it once for writing (claimtrail ingest or serve).`,
      )
    await upgrade(db, path)
  }
  followsFile(journal, db.data.seq ?? 0, path)
  replay(db.data, journal.entries)
  if (acknowledged !== null && acknowledged > (db.data.seq ?? 0)) {
    throw damaged(
      journalPath(path),
      journal.entries.length + 2,
      `it ends at change ${db.data.seq ?? 0}, but change ${acknowledged} was acknowledged (${headPath(path)}): its last lines are missing`,
      path,
    )
  }
  const texts = readTexts(textsPath(path), path)
  for (const article of db.data.articles) {
    if (!texts.texts.has(article.id)) {
      throw damaged(
        textsPath(path),
        texts.lines + 1,
        `article ${article.id} has no text in its ${texts.lines} lines: lines are missing`,
        path,
      )
    }
  }
  return { db, file, journal, texts }
}

/** The journal must begin where the store file ends: a later start means the file is older than its journal. */
function followsFile(journal: JournalRead, seq: number, path: string): void {
  const first = journal.base ?? (journal.entries.length ? journal.entries[0].seq - 1 : seq)
  if (first > seq) {
    throw damaged(
      journalPath(path),
      1,
      `it follows change ${first}, but ${path} holds changes only up to ${seq}: the store file is older than its journal (restored from an old copy?)`,
      path,
    )
  }
}

/** Brings an older file to this schema, after a backup; texts go to their own file before the file drops them. */
async function upgrade(db: Low<StoreData>, path: string): Promise<void> {
  const data = db.data
  const texts = (data.articles as Array<{ id: string; text?: string }>)
    .filter((a) => typeof a.text === 'string')
    .map(({ id, text }) => ({ id, text: text! }))
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
    throw new StoreError(
      `${path} is schema ${data.schema}; this build reads schemas 1 to ${SCHEMA_VERSION}. Upgrade claimtrail or restore a backup.`,
    )
  }
  for (const table of TABLES) {
    if (!Array.isArray(data[table]))
      throw new StoreError(
        `${path} has no "${table}" list. Nothing was changed: run \`claimtrail repair --db ${path}\` to rebuild it from its latest backup and journal.`,
      )
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
