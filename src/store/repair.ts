// `claimtrail repair`: a store rebuilt from what of its files is intact, after a copy of every file is kept.
// The store file, or else its newest backup that reads whole; then every journal after it, change by change,
// up to the first line that is damaged or missing; then every article whose text is there but whose filing was
// lost is extracted and filed again from its text. What cannot be rebuilt (a text that is gone) is said, and
// then nothing is written.
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { StoreError } from '../errors.js'
import type { Extraction } from '../pipeline/types.js'
import { listBackups } from './backups.js'
import { journalPath, textsPath } from './file.js'
import { headPath } from './head.js'
import type { JournalEntry } from './journal.js'
import { lineJson } from './line-check.js'
import { lockStore } from './lock.js'
import { replay } from './replay.js'
import { SCHEMA_VERSION, type ArticleInput, type StoreData } from './schema.js'
import { readSnapshot, writeSnapshot } from './snapshot.js'
import { ArticleTexts, type ArticleText } from './texts.js'
import { Store } from './store.js'

export interface RepairReport {
  /** Where the copy of every file was kept. */
  copy: string
  lines: string[]
}

type Extract = (article: ArticleInput) => Extraction | Promise<Extraction>

/** The whole, checked lines of a file of lines, up to the first that is not (or past it, skipping each that is not). */
async function intactLines(path: string, skip = false): Promise<{ values: Array<Record<string, unknown>>; dropped: number; why: string | null }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return { values: [], dropped: 0, why: null }
  }
  const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').slice(0, -1)
  const values: Array<Record<string, unknown>> = []
  let dropped = 0
  let why: string | null = null
  for (let i = 0; i < lines.length; i++) {
    try {
      values.push(JSON.parse(lineJson(lines[i]).json) as Record<string, unknown>)
    } catch (error) {
      why ??= `line ${i + 1}: ${(error as Error).message}`
      if (!skip) return { values, dropped: lines.length - i, why }
      dropped++
    }
  }
  return { values, dropped, why }
}

export async function repairStore(path: string, extract: Extract): Promise<RepairReport> {
  lockStore(path)
  const lines: string[] = []
  const copy = `${path}.repair-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await mkdir(copy, { recursive: true, mode: 0o700 })
  for (const file of [path, journalPath(path), textsPath(path), headPath(path)]) {
    if (existsSync(file)) await copyFile(file, `${copy}/${file.split('/').pop()}`)
  }

  // The newest store file that reads whole, and the journals that follow it.
  const backups = (await listBackups(path)).reverse()
  const candidates = [{ file: path, journals: [journalPath(path)] }, ...[...backups].reverse().map((b) => ({
    file: b.file, journals: [...backups.filter((later) => later.seq >= b.seq).map((later) => later.journal), journalPath(path)],
  }))]
  let data: StoreData | undefined
  let journals: string[] = []
  for (const candidate of candidates) {
    const snapshot = await readSnapshot(candidate.file).catch(() => null)
    if (!snapshot || snapshot.data.schema !== SCHEMA_VERSION) continue
    data = snapshot.data as unknown as StoreData
    journals = candidate.journals
    lines.push(`store file: ${candidate.file === path ? 'intact' : `damaged; rebuilt from the backup ${candidate.file}`} (change ${data.seq})`)
    break
  }
  if (!data) {
    data = { schema: SCHEMA_VERSION, seq: 0, articles: [], speakers: [], statements: [], claims: [], log: [] }
    journals = [...backups.map((b) => b.journal), journalPath(path)]
    lines.push('store file: damaged, and no backup reads whole; rebuilt from the journals and texts alone')
  }

  // Change by change, as long as each follows the one before.
  const entries: JournalEntry[] = []
  let seq = data.seq ?? 0
  let lost = 0
  let stop: string | null = null
  for (const journal of journals) {
    const read = await intactLines(journal)
    for (const value of stop ? [] : read.values) {
      if (value.journal === 1) continue
      const at = value.seq as number
      if (at <= seq) continue
      if (at !== seq + 1) {
        stop = `${journal}: change ${seq + 1} is missing`
        break
      }
      entries.push(value as unknown as JournalEntry)
      seq = at
    }
    if (stop) break
    if (read.why) {
      stop = `${journal}, ${read.why}`
      lost = read.dropped
      break
    }
  }
  replay(data, entries)
  lines.push(`journal: ${entries.length} changes replayed, up to change ${data.seq}${stop ? `; stopped at ${stop} (${lost} lines after it not used)` : ''}`)

  const texts = await intactLines(textsPath(path), true)
  const byId = new Map<string, ArticleText>()
  for (const value of texts.values) if (typeof value.id === 'string' && typeof value.text === 'string') byId.set(value.id, value as unknown as ArticleText)
  lines.push(`texts: ${byId.size} kept${texts.why ? `; ${texts.dropped} damaged lines left out, the first at ${textsPath(path)} ${texts.why}` : ''}`)
  const textless = data.articles.filter((a) => !byId.has(a.id))
  if (textless.length) {
    throw new StoreError(`${textless.length} stored articles have no text left in ${textsPath(path)} (${textless.slice(0, 3).map((a) => a.id).join(', ')}${textless.length > 3 ? ', …' : ''}): their texts cannot be rebuilt. Nothing was written; restore ${textsPath(path)} from a copy (claimtrail backup) and run repair again. Every file is as it was (a copy is in ${copy}).`)
  }

  // Written anew, checked; then opened as a writer, which starts a journal after it.
  const filed = new Map(data.articles.map((a) => [a.id, a]))
  await ArticleTexts.replace(textsPath(path), [...byId.values()].map((t) => ({ ...t, article: t.article ?? filed.get(t.id) })))
  await writeSnapshot(path, data)
  await rm(journalPath(path), { force: true })
  await rm(headPath(path), { force: true })
  const store = await Store.open(path)
  const refile = [...byId.values()].filter((t) => !filed.has(t.id) && t.article)
  for (const { id, text, article } of refile) {
    const input: ArticleInput = { id, text, title: article!.title, outlet: article!.outlet, published: article!.published, url: article!.url }
    await store.addArticles([{ article: input, extraction: await extract(input) }])
  }
  await store.close()
  lines.push(`filed again from their texts: ${refile.length} articles whose filing was lost${refile.length ? ` (${refile.slice(0, 5).map((t) => t.id).join(', ')}${refile.length > 5 ? ', …' : ''})` : ''}`)
  return { copy, lines }
}
