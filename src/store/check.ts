// `claimtrail check`: every file of a store read and checked on its own, then against each other, with every
// problem listed (opening the store stops at the first). Nothing is written.
import { existsSync } from 'node:fs'
import { StoreError } from '../errors.js'
import { listBackups } from './backups.js'
import { journalPath, openFile, StoreFile, textsPath } from './file.js'
import { headPath, readHead } from './head.js'
import { readJournal } from './journal.js'
import { SCHEMA_VERSION } from './schema.js'
import { readSnapshot } from './snapshot.js'
import { readTexts } from './texts.js'

export interface CheckReport {
  /** One line a file: what it holds, or what is wrong with it. */
  lines: string[]
  problems: string[]
}

const attempt = async <T>(read: () => T | Promise<T>): Promise<{ value?: T; problem?: string }> => {
  try {
    return { value: await read() }
  } catch (error) {
    if (!(error instanceof StoreError)) throw error
    return { problem: error.message.replace(/ Nothing was changed\..*$/s, '') }
  }
}

export async function checkStore(path: string): Promise<CheckReport> {
  if (!existsSync(path) && !existsSync(journalPath(path)) && !existsSync(textsPath(path))) {
    throw new StoreError(`there is no store at ${path}. Pass --db with the store file.`)
  }
  const lines: string[] = []
  const problems: string[] = []
  const note = (file: string, found: { problem?: string }, fine: () => string) => {
    if (found.problem) problems.push(found.problem)
    lines.push(`${file}: ${found.problem ? `DAMAGED: ${found.problem}` : fine()}`)
  }
  const file = await attempt(() => readSnapshot(path))
  note(path, file, () => {
    const data = file.value?.data
    if (!data) return 'not in the checked layout (it is rewritten at the next compaction)'
    const count = (table: string) => (data[table] as unknown[]).length
    return `${count('articles')} articles, ${count('statements')} statements, ${count('claims')} claims, ${count('speakers')} speakers, ${count('log')} decisions, up to change ${String(data.seq)}${file.value!.checked ? '; checksums match' : ' (no check line: written before them)'}`
  })
  const journal = await attempt(() => readJournal(journalPath(path), path))
  note(journalPath(path), journal, () => {
    const { base, entries } = journal.value!
    return entries.length
      ? `${entries.length} changes (${entries[0].seq} to ${entries.at(-1)!.seq}) after change ${base ?? '?'}; checksums match`
      : `no changes since change ${base ?? 0}`
  })
  const texts = await attempt(() => readTexts(textsPath(path), path))
  note(textsPath(path), texts, () => `${texts.value!.lines} texts; checksums and line numbers match`)
  const head = readHead(headPath(path))
  lines.push(
    `${headPath(path)}: ${head === null ? 'missing (a store from before it, or removed): a journal cut at a line end cannot be told' : `change ${head} acknowledged`}`,
  )
  // The files against each other, as opening does, once each reads on its own.
  // An older schema is not damage: it is upgraded when the store is next opened for writing.
  const schema = problems.length ? undefined : (await new StoreFile(path).read().catch(() => null))?.schema
  if (schema !== undefined && schema < SCHEMA_VERSION) {
    lines.push(
      `together: ${path} is schema ${schema}, from an older claimtrail; opening it once for writing (claimtrail ingest or serve) upgrades it, after keeping a backup`,
    )
  } else if (!problems.length) {
    const together = await attempt(() => openFile(path, { readOnly: true }))
    if (together.problem) problems.push(together.problem)
    else {
      const stored = new Set(together.value!.db.data.articles.map((a) => a.id))
      const orphans = [...texts.value!.texts.keys()].filter((id) => !stored.has(id)).length
      lines.push(
        `together: the journal follows the store file, reaches every acknowledged change, and every article has its text${orphans ? `; ${orphans} texts belong to no article (writes that were not acknowledged)` : ''}`,
      )
    }
  }
  for (const backup of await listBackups(path)) {
    const read = await attempt(async () => {
      const snapshot = await readSnapshot(backup.file)
      if (!snapshot) throw new StoreError(`${backup.file} is not a store file in the checked layout`)
      if (existsSync(backup.journal)) readJournal(backup.journal, backup.file)
      return snapshot
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    // Gone since it was listed: a writer compacting meanwhile keeps only the newest backups.
    if (read === null) continue
    // A damaged backup is worth knowing about but costs the store nothing.
    lines.push(
      `${backup.file}: ${read.problem ? `DAMAGED (${read.problem}); repair will not use it` : `backup of change ${backup.seq}; reads whole`}`,
    )
  }
  return { lines, problems }
}
