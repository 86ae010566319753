// Builds a store of generated news: articles published day by day over the years, each covering a story that
// runs for a few weeks, filed through the Store's public methods in batches and written every few thousand
// articles, so that what waits to be written (held twice: records and journal lines) stays small.
import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { ExtractedArticle } from '../../src/store/store.js'
import { Store } from '../../src/store/store.js'
import { Newsroom } from './newsroom.js'

export interface GenerateOptions {
  db: string
  seed?: number
  /** Stop after this many articles, or once the store holds this many statements or claims; the first reached. */
  articles?: number
  statements?: number
  claims?: number
}

export interface Generated {
  articles: number
  statements: number
  claims: number
  speakers: number
  seconds: number
  /** The store's files on disk: the store file and any file beside it named after it. */
  bytes: number
}

const BATCH = 250
// Articles filed between writes: each write costs a flush to the disk (the store file is rewritten only as the
// journal grows, whatever this is). What waits is held twice, as records and as journal lines with the texts:
// 10,000 articles' lines were 57 MB.
const WRITE_EVERY = 2_000

/** The generator's own words for what it will build, from what it was asked. */
function plannedArticles(o: GenerateOptions): number {
  // About nine statements an article: enough articles for the statements or claims asked for.
  return o.articles ?? Math.ceil(Math.max((o.statements ?? 0) / 8, (o.claims ?? 0) / 4, 1))
}

export async function generateStore(options: GenerateOptions): Promise<Generated> {
  const started = performance.now()
  const newsroom = new Newsroom(options.seed ?? 1, plannedArticles(options))

  const store = await Store.open(options.db)
  const done = { articles: 0, statements: 0, claims: 0 }
  const enough = (pending: { statements: number; claims: number; articles: number }) =>
    (options.articles !== undefined && pending.articles >= options.articles) ||
    (options.statements !== undefined && pending.statements >= options.statements) ||
    (options.claims !== undefined && pending.claims >= options.claims)

  let batch: ExtractedArticle[] = []
  let written = 0
  const pending = { ...done }
  const file = async () => {
    for (const result of await store.addArticles(batch, { write: false })) {
      if (!result.added) continue
      done.articles++
      done.statements += result.statements
      done.claims += result.claims
    }
    batch = []
    // Filing runs on promises that are already settled: without a turn of the event loop between batches, a ^C
    // would wait for the next write to be heard.
    await new Promise(setImmediate)
    Object.assign(pending, done)
    if (done.articles - written >= WRITE_EVERY) {
      await store.flush()
      written = done.articles
    }
  }

  while (!enough(done)) {
    const item = newsroom.next()
    batch.push(item)
    pending.articles++
    pending.statements += item.extraction.statements.length
    // Claims are counted as the store files them (some join stored ones); the extraction's are an upper bound.
    pending.claims += item.extraction.claims.length
    if (batch.length >= BATCH || enough(pending)) await file()
  }
  // Everything written, the journal folded into the store file: the store opens without replaying it.
  await store.close()
  return {
    ...done,
    // As store.claims() counts them, without summarising every claim (seconds and ~1 GB at a million statements):
    // the generator merges nothing and rejects nothing, so a claim is listed when it holds a statement.
    claims: store.tables().claims.filter((c) => !c.mergedInto && c.statementIds.length).length,
    speakers: store.speakers().length,
    seconds: (performance.now() - started) / 1000,
    bytes: storeBytes(options.db),
  }
}

function storeBytes(db: string): number {
  const name = basename(db)
  const size = (path: string): number => {
    const stat = statSync(path)
    return stat.isDirectory() ? readdirSync(path).reduce((sum, entry) => sum + size(join(path, entry)), 0) : stat.size
  }
  return readdirSync(dirname(db))
    .filter((entry) => entry.startsWith(name) && !entry.endsWith('.lock'))
    .reduce((sum, entry) => sum + size(join(dirname(db), entry)), 0)
}
