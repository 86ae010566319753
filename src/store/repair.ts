// `claimtrail repair`: a store rebuilt from what of its files is intact, after a copy of every file is kept.
// The store file, or else its newest backup that reads whole; then every journal after it, change by change,
// up to the first line that is damaged or missing; then every article whose text is there but whose filing was
// lost is extracted and filed again from its text. What cannot be rebuilt (a text that is gone) is said, and
// then nothing is written.

import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises'
import { NotFoundError, StoreError } from '../errors.js'
import type { Extraction } from '../pipeline/types.js'
import { backupsFolder, listBackups } from './backups.js'
import { journalPath, StoreFile, textsPath } from './file.js'
import { headPath } from './head.js'
import type { JournalEntry } from './journal.js'
import { lineJson } from './line-check.js'
import { lockStore } from './lock.js'
import { replay } from './replay.js'
import { type ArticleInput, SCHEMA_VERSION, type StoreData } from './schema.js'
import { writeSnapshot } from './snapshot.js'
import { Store } from './store.js'
import { type ArticleText, ArticleTexts } from './texts.js'

export interface RepairReport {
  /** Where the copy of every file was kept. */
  copy: string
  lines: string[]
}

type Extract = (article: ArticleInput) => Extraction | Promise<Extraction>

/** The whole, checked lines of a file of lines, up to the first that is not (or past it, skipping each that is not). */
async function intactLines(
  path: string,
  skip = false,
): Promise<{ values: Array<Record<string, unknown>>; dropped: number; why: string | null }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return { values: [], dropped: 0, why: null }
  }
  const lines = text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .slice(0, -1)
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

interface Chain {
  entries: JournalEntry[]
  seq: number
  /** Where the changes stopped following on, and how many lines were left unused there. */
  stop: string | null
  lost: number
  /** Lines left out as damaged, with where the first of each journal was. */
  damaged: string[]
}

/** The changes after `seq`, journal after journal, as long as each follows the one before. */
async function follow(seq: number, journals: string[]): Promise<Chain> {
  const entries: JournalEntry[] = []
  const damaged: string[] = []
  for (const journal of journals) {
    // Damaged lines are left out and the rest taken in seq order: lines swapped or repeated lose nothing, and
    // the changes stop only where one is really gone.
    const read = await intactLines(journal, true)
    if (read.why) damaged.push(`${read.dropped} in ${journal} (${read.why})`)
    const changes = read.values
      .filter((v) => v.journal !== 1 && Number.isInteger(v.seq))
      .sort((a, b) => (a.seq as number) - (b.seq as number))
    for (const value of changes) {
      const at = value.seq as number
      if (at <= seq) continue
      if (at !== seq + 1) {
        const why = read.why ? `; the first damaged line is ${read.why}` : ''
        return {
          entries,
          seq,
          stop: `${journal}: change ${seq + 1} is missing${why}`,
          lost: changes.filter((c) => (c.seq as number) > seq).length,
          damaged,
        }
      }
      entries.push(value as unknown as JournalEntry)
      seq = at
    }
  }
  return { entries, seq, stop: null, lost: 0, damaged }
}

/** A store file as opening reads it (file.ts): a record a line, or else parsed whole; null when it does not read. */
const readStart = (from: string): Promise<StoreData | null> => new StoreFile(from).read().catch(() => null)

export async function repairStore(path: string, extract: Extract): Promise<RepairReport> {
  // A mistyped --db must not be "repaired" into a new, empty store while the one meant stays damaged.
  if (![path, journalPath(path), textsPath(path), backupsFolder(path)].some((file) => existsSync(file))) {
    throw new NotFoundError(`there is no store at ${path}. Pass --db with the store file.`)
  }
  lockStore(path)
  // An older store that reads whole is not damaged: repair, which rebuilds only the current schema, would pass it over.
  const current = await readStart(path)
  if (current && current.schema < SCHEMA_VERSION) {
    throw new StoreError(
      `${path} is schema ${current.schema}, from an older claimtrail, and reads whole: it needs upgrading, not repair. Open it once for writing (claimtrail ingest or serve), which keeps a backup first, then run \`claimtrail check --db ${path}\`. Nothing was changed.`,
    )
  }
  const lines: string[] = []
  const copy = `${path}.repair-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await mkdir(copy, { recursive: true, mode: 0o700 })
  for (const file of [path, journalPath(path), textsPath(path), headPath(path)]) {
    if (existsSync(file)) await copyFile(file, `${copy}/${file.split('/').pop()}`)
  }

  // Every store file that reads whole (the store's own, its backups), each followed by the journals after it;
  // the one that reaches the furthest change wins. An older file put back in place is caught up this way too.
  const backups = (await listBackups(path)).reverse()
  const starts = [path, ...[...backups].reverse().map((b) => b.file)]
  let best: { from: string; data: StoreData; chain: Chain } | undefined
  for (const from of starts) {
    const data = from === path ? current : await readStart(from)
    if (!data || data.schema !== SCHEMA_VERSION) continue
    const journals = [...backups.filter((b) => b.seq >= (data.seq ?? 0)).map((b) => b.journal), journalPath(path)]
    const chain = await follow(data.seq ?? 0, journals)
    if (!best || chain.seq > best.chain.seq) best = { from, data, chain }
  }
  if (!best) {
    const data: StoreData = { schema: SCHEMA_VERSION, seq: 0, articles: [], speakers: [], statements: [], claims: [], log: [] }
    best = { from: '', data, chain: await follow(0, [...backups.map((b) => b.journal), journalPath(path)]) }
    lines.push('store file: damaged, and no backup reads whole; rebuilt from the journals and texts alone')
  } else {
    lines.push(`store file: ${best.from === path ? 'intact' : `damaged; rebuilt from the backup ${best.from}`} (change ${best.data.seq})`)
  }
  const { data, chain } = best
  replay(data, chain.entries)
  lines.push(
    `journal: ${chain.entries.length} changes replayed, up to change ${data.seq}${chain.damaged.length ? `; damaged lines left out: ${chain.damaged.join('; ')}` : ''}${chain.stop ? `; stopped at ${chain.stop} (${chain.lost} changes after it not used)` : ''}`,
  )

  const texts = await intactLines(textsPath(path), true)
  const byId = new Map<string, ArticleText>()
  for (const value of texts.values)
    if (typeof value.id === 'string' && typeof value.text === 'string') byId.set(value.id, value as unknown as ArticleText)
  lines.push(
    `texts: ${byId.size} kept${texts.why ? `; ${texts.dropped} damaged lines left out, the first at ${textsPath(path)} ${texts.why}` : ''}`,
  )
  const textless = data.articles.filter((a) => !byId.has(a.id))
  if (textless.length) {
    throw new StoreError(
      `${textless.length} stored articles have no text left in ${textsPath(path)} (${textless
        .slice(0, 3)
        .map((a) => a.id)
        .join(
          ', ',
        )}${textless.length > 3 ? ', …' : ''}): their texts cannot be rebuilt. Nothing was written; restore ${textsPath(path)} from a copy (claimtrail backup) and run repair again. Every file is as it was (a copy is in ${copy}).`,
    )
  }

  // Written anew, checked; then opened as a writer, which starts a journal after it.
  const filed = new Map(data.articles.map((a) => [a.id, a]))
  await ArticleTexts.replace(
    textsPath(path),
    [...byId.values()].map((t) => ({ ...t, article: t.article ?? filed.get(t.id) })),
  )
  await writeSnapshot(path, data)
  await rm(journalPath(path), { force: true })
  await rm(headPath(path), { force: true })
  const store = await Store.open(path)
  const refile = [...byId.values()].filter((t) => !filed.has(t.id) && t.article)
  for (const { id, text, article } of refile) {
    const input: ArticleInput = {
      id,
      text,
      title: article!.title,
      outlet: article!.outlet,
      published: article!.published,
      url: article!.url,
    }
    await store.addArticles([{ article: input, extraction: await extract(input) }])
  }
  await store.close()
  lines.push(
    `filed again from their texts: ${refile.length} articles whose filing was lost${
      refile.length
        ? ` (${refile
            .slice(0, 5)
            .map((t) => t.id)
            .join(', ')}${refile.length > 5 ? ', …' : ''})`
        : ''
    }`,
  )
  return { copy, lines }
}
