// Filing articles, the one way the CLI (`ingest`, `start`) and the web's ingest jobs store them: each article is
// extracted on the extraction threads, a few ahead, and filed in input order on this thread. Filing (claim
// matching, speaker records) holds the thread, so articles are filed a few at a time with a turn of the event
// loop between, and a server answers its readers meanwhile; every BATCH of them goes to the disk in one write, and
// an article counts as stored only once that write has ended. A run that fails half-way keeps what it filed
// before the failure; running it again skips what is stored without extracting it again.
import { setImmediate as nextTurn } from 'node:timers/promises'
import { InvalidInputError, TooLargeError } from '../errors.js'
import type { Decision } from '../store/decisions.js'
import { fingerprint } from '../store/records.js'
import type { ArticleInput, ArticleRecord, LogEntry, StoredArticle } from '../store/schema.js'
import type { ExtractedArticle } from '../store/store.js'
import type { AddResult } from '../store/views.js'
import { type Extractor, inOrder } from './extractor.js'
import { INGEST_BY, newFacts } from './refacts.js'

/** An article to file, with where it came from for messages ("dev.jsonl:12", "line 3", "pasted text"). */
export interface PendingArticle {
  source: string
  article: ArticleInput
}

/** What became of a pending article, by its place in the list: stored (or found stored), or skipped and why. */
export type Outcome = { place: number; stored: AddResult } | { place: number; skipped: string }

type Answer<T> = T | Promise<T>

/** What filing needs of the store; `addArticles(…, { write: false })` applies in memory, `flush()` writes. */
export interface FilingStore {
  articles(): Answer<ArticleRecord[]>
  /** How a stored article's facts are corrected when its text comes again with others (refacts.ts). */
  decide(decision: Decision, by: string): Promise<LogEntry>
  article(id: string): Answer<StoredArticle | undefined>
  addArticles(batch: ExtractedArticle[], options: { write: boolean }): Promise<AddResult[]>
  flush(): Promise<void>
}

export interface FilingHooks {
  /** Once per article, in input order, when it has been looked at: extracted, found stored, or refused. */
  onArticle?: () => void
  /** Each article's outcome; a stored one only once its write is on the disk. */
  onOutcome: (outcome: Outcome) => Answer<void>
  /** Articles handed to the extraction threads ahead of the one being filed: at least twice the threads. */
  ahead?: number
  /** Who corrections of stored articles' facts are logged as (INGEST_BY by default). */
  by?: string
}

// Articles per write to the disk: one journal line and one flush each, so a long .jsonl is batched.
const BATCH = 20
// Articles per store change. Filing holds the thread (~10 ms an article over a few thousand claims), and every
// change makes the next claims list render anew (~40 ms): 5 keeps both the stalls and the renders few
// (npm run bench:ingest-load; one at a time put the claims list's p95 at 6x its p95 at rest).
const GROUP = 5
// Articles handed to the extraction threads ahead of the one being filed, so that they are never idle.
const AHEAD = 16

type Extracted = { place: number; source: string; extracted: ExtractedArticle }
type Looked = Outcome | Extracted

export async function fileArticles(
  store: FilingStore,
  pending: PendingArticle[],
  extractor: Extractor,
  { onArticle = () => {}, onOutcome, ahead = AHEAD, by = INGEST_BY }: FilingHooks,
): Promise<void> {
  // Fingerprint → article id of what is stored, so a stored text is not extracted again; and the records of what
  // was stored before this run, whose facts a line giving others corrects.
  const before = await store.articles()
  const stored = new Map(before.map((a) => [a.fingerprint, a.id]))
  const records = new Map(before.map((a) => [a.fingerprint, { ...a }]))
  // Lines are looked at a few at once; their corrections are worked out and made one after another, each against
  // the facts the one before it left, so two lines of one text each giving a fact keep both.
  let corrections: Promise<unknown> = Promise.resolve()
  const refact = (print: string, articleId: string, article: ArticleInput): Promise<boolean> => {
    const done = corrections.then(async () => {
      const record = records.get(print)
      const facts = record && newFacts(record, article)
      if (!facts) return false
      await store.decide({ action: 'set-article', article: articleId, facts }, by)
      Object.assign(record, facts)
      return true
    })
    corrections = done.catch(() => undefined)
    return done
  }
  const texts = new Map<string, string>() // id → text, for the ids this run gave out
  let filed: Array<{ place: number; print: string; result: AddResult }> = []

  const lookAt = async (place: number): Promise<Looked> => {
    const { source, article } = pending[place]
    const print = fingerprint(article.text)
    const known = stored.get(print)
    if (known !== undefined) {
      const updated = await refact(print, known, article)
      return { place, stored: { articleId: known, added: false, statements: 0, claims: 0, ...(updated ? { updated } : {}) } }
    }
    const id = article.id
    if (id !== undefined) {
      // Claimed before the store is asked, so a later line reusing the id meets this one whatever the timing.
      const given = texts.get(id)
      if (given === undefined) texts.set(id, article.text)
      const holder = given ?? (await store.article(id))?.text
      // The store would refuse the whole group for it; one line reusing an id should cost only that line.
      if (holder !== undefined && holder !== article.text)
        return { place, skipped: `${source}: id "${id}" already names another article. Give this one a different id.` }
    }
    try {
      return { place, source, extracted: { article, extraction: await extractor.extract(article) } }
    } catch (error) {
      // Past the time budget: this article is left out with the reason, the others are filed.
      if (error instanceof TooLargeError) return { place, skipped: `${source}: ${error.message}` }
      // A budget that is not a time (CLAIMTRAIL_EXTRACT_BUDGET) is the operator's to mend, in its own words.
      if (error instanceof InvalidInputError) throw error
      // A pipeline bug, not bad input: say which article set it off, and keep what was filed before it.
      throw new Error(`extracting ${source} failed: ${(error as Error).message}`, { cause: error })
    }
  }

  // The write is on the disk: now, and only now, these articles are stored.
  const write = async () => {
    if (filed.length === 0) return
    const written = filed
    filed = []
    await store.flush()
    for (const { place, print, result } of written) {
      if (result.added) stored.set(print, result.articleId)
      await onOutcome({ place, stored: result })
    }
  }

  // A turn of the event loop first, then one store change for the group; one refused for an article's id is
  // filed again one by one, so only that article is left out.
  const fileGroup = async (group: Extracted[]): Promise<void> => {
    if (group.length === 0) return
    await nextTurn()
    try {
      const results = await store.addArticles(
        group.map((g) => g.extracted),
        { write: false },
      )
      filed.push(...results.map((result, i) => ({ place: group[i].place, print: fingerprint(group[i].extracted.article.text), result })))
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      if (group.length > 1) for (const one of group) await fileGroup([one])
      else await onOutcome({ place: group[0].place, skipped: `${group[0].source}: ${error.message}` })
    }
  }

  const group: Extracted[] = []
  try {
    for await (const looked of inOrder(places(pending.length), lookAt, ahead)) {
      onArticle()
      if (!('extracted' in looked)) await onOutcome(looked)
      else group.push(looked)
      if (group.length >= GROUP) await fileGroup(group.splice(0))
      if (filed.length >= BATCH) await write()
    }
    await fileGroup(group.splice(0))
  } catch (error) {
    await write().catch(() => undefined)
    throw error
  }
  await write()
}

async function* places(count: number): AsyncGenerator<number> {
  for (let place = 0; place < count; place++) yield place
}
