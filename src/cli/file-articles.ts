// Extracting and storing articles in batches: one store write per batch, so a run that fails half-way keeps
// every batch before the failure, and running it again skips what is stored without extracting it again.
import type { ExtractedArticle, Store } from '../store/store.js'
import type { ArticleInput } from '../store/schema.js'
import { loadPipeline, type Pipeline } from './load.js'

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

export async function fileArticles(store: Store, pending: PendingArticle[], tally: IngestTally, onArticle = () => {}): Promise<IngestTally> {
  const { extract } = await loadPipeline()
  for (let start = 0; start < pending.length; start += BATCH_SIZE) {
    const batch: ExtractedArticle[] = []
    const texts = new Map<string, string>() // id → text, for the ids given in this batch
    for (const { source, article } of pending.slice(start, start + BATCH_SIZE)) {
      const id = article.id
      if (store.hasArticle(article.text)) tally.alreadyStored++
      else if (id && (store.article(id) || (texts.has(id) && texts.get(id) !== article.text))) {
        // The store would refuse the whole batch for it; one line reusing an id should cost only that line.
        tally.skipped.push(`${source}: id "${id}" already names another article. Give this one a different id.`)
      } else {
        if (id) texts.set(id, article.text)
        batch.push({ article, extraction: extractFrom(extract, article, source) })
      }
      onArticle()
    }
    for (const result of await store.addArticles(batch)) {
      if (!result.added) {
        tally.alreadyStored++ // the same text twice in one batch
        continue
      }
      tally.added++
      tally.statements += result.statements
      tally.claims += result.claims
    }
  }
  return tally
}

function extractFrom(extract: Pipeline['extract'], article: ArticleInput, source: string) {
  try {
    return extract(article)
  } catch (error) {
    // A pipeline bug, not bad input: say which article set it off, and keep the batches already stored.
    throw new Error(`extracting ${source} failed: ${(error as Error).message}`, { cause: error })
  }
}
