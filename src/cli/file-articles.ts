// Extracting and storing articles in batches: one store write per batch, so a run that fails half-way keeps
// every batch before the failure, and running it again skips what is stored without extracting it again.

import { TooLargeError } from '../errors.js'
import { type Extractor, openExtractor } from '../ingest/extractor.js'
import type { ArticleInput } from '../store/schema.js'
import type { ExtractedArticle, Store } from '../store/store.js'

export const BATCH_SIZE = 50

/** An article to store, with where it came from for messages ("dev.jsonl:12", "notes.txt"). */
export interface PendingArticle {
  source: string
  article: ArticleInput
}

export interface IngestTally {
  added: number
  alreadyStored: number
  statements: number
  claims: number
  /** One reason per input left out, each naming the input. */
  skipped: string[]
}

export function emptyTally(): IngestTally {
  return { added: 0, alreadyStored: 0, statements: 0, claims: 0, skipped: [] }
}

/** Extracts with `workers` threads, each article within the time budget; this thread alone writes the store. */
export async function fileArticles(
  store: Store,
  pending: PendingArticle[],
  tally: IngestTally,
  onArticle = () => {},
  workers = 1,
): Promise<IngestTally> {
  const extractor = await openExtractor(workers)
  try {
    for (let start = 0; start < pending.length; start += BATCH_SIZE)
      await fileBatch(store, pending.slice(start, start + BATCH_SIZE), tally, onArticle, extractor)
  } finally {
    await extractor.close()
  }
  return tally
}

async function fileBatch(
  store: Store,
  pending: PendingArticle[],
  tally: IngestTally,
  onArticle: () => void,
  extractor: Extractor,
): Promise<void> {
  const extracting: Array<Promise<ExtractedArticle | null>> = []
  const texts = new Map<string, string>() // id → text, for the ids given in this batch
  for (const { source, article } of pending) {
    const id = article.id
    if (store.hasArticle(article.text)) tally.alreadyStored++
    else if (id && (store.article(id) || (texts.has(id) && texts.get(id) !== article.text))) {
      // The store would refuse the whole batch for it; one line reusing an id should cost only that line.
      tally.skipped.push(`${source}: id "${id}" already names another article. Give this one a different id.`)
    } else {
      if (id) texts.set(id, article.text)
      extracting.push(extractFrom(extractor, article, source, tally.skipped).finally(onArticle))
      continue
    }
    onArticle()
  }
  const extracted = (await Promise.all(extracting)).filter((e): e is ExtractedArticle => e !== null)
  for (const result of await store.addArticles(extracted)) {
    if (!result.added) {
      tally.alreadyStored++ // the same text twice in one batch
      continue
    }
    tally.added++
    tally.statements += result.statements
    tally.claims += result.claims
  }
}

async function extractFrom(
  extractor: Extractor,
  article: ArticleInput,
  source: string,
  skipped: string[],
): Promise<ExtractedArticle | null> {
  try {
    return { article, extraction: await extractor.extract(article) }
  } catch (error) {
    // Past the time budget: this article is left out with the reason, the others are filed.
    if (error instanceof TooLargeError) {
      skipped.push(`${source}: ${error.message}`)
      return null
    }
    // A pipeline bug, not bad input: say which article set it off, and keep the batches already stored.
    throw new Error(`extracting ${source} failed: ${(error as Error).message}`, { cause: error })
  }
}
