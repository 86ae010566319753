// Backups kept at each compaction (`<store>.backups/`): the store file as it was before it was rewritten, and the
// journal that took it to the new one. The old file is hard-linked, not copied, so keeping it costs no writing;
// the old journal is moved there instead of being emptied. Together, any one backup and every journal after it
// give back every change: `claimtrail repair` starts from the newest one that reads whole.
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFailed } from './write-all.js'

/** Backups kept unless --keep-backups (or CLAIMTRAIL_KEEP_BACKUPS) says otherwise. */
export const KEEP_BACKUPS = 3

export const backupsFolder = (store: string) => `${store}.backups`

export interface Backup {
  /** The change the backed-up store file holds everything up to. */
  seq: number
  file: string
  /** The journal that followed it, when kept. */
  journal: string
}

/** The backups of a store, newest first. */
export async function listBackups(store: string): Promise<Backup[]> {
  let names: string[]
  try {
    names = await readdir(backupsFolder(store))
  } catch {
    return []
  }
  return names
    .map((name) => /^(\d+)\.json$/.exec(name))
    .filter((found) => found !== null)
    .map((found) => Number(found[1]))
    .sort((a, b) => b - a)
    .map((seq) => ({ seq, file: join(backupsFolder(store), `${seq}.json`), journal: join(backupsFolder(store), `${seq}.journal`) }))
}

/** Keeps the store file as it is now, as the backup of change `seq`, before a compaction replaces it. */
export async function backUpStoreFile(store: string, seq: number): Promise<Backup> {
  const folder = backupsFolder(store)
  const backup = { seq, file: join(folder, `${seq}.json`), journal: join(folder, `${seq}.journal`) }
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 })
    await rm(backup.file, { force: true })
    await link(store, backup.file).catch(() => copyFile(store, backup.file))
  } catch (error) {
    throw writeFailed(backup.file, error, `${store} was left as it was and the journal still holds every change.`)
  }
  return backup
}

/** Removes all but the newest `keep` backups. */
export async function pruneBackups(store: string, keep: number): Promise<void> {
  for (const old of (await listBackups(store)).slice(Math.max(0, keep))) {
    await rm(old.file, { force: true })
    await rm(old.journal, { force: true })
  }
}
