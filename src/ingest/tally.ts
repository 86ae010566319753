// A run's counts, as the CLI's summary prints them: articles added and already stored, their statements and
// claims, and why each article left out was skipped.
import { openExtractor } from './extractor.js'
import { type FilingStore, fileArticles, type PendingArticle } from './file-articles.js'

export interface IngestTally {
  added: number
  alreadyStored: number
  /** Of those already stored, how many had their facts corrected from the input's (refacts.ts). */
  updated: number
  statements: number
  claims: number
  /** One reason per input left out, each naming the input. */
  skipped: string[]
}

export function emptyTally(): IngestTally {
  return { added: 0, alreadyStored: 0, updated: 0, statements: 0, claims: 0, skipped: [] }
}

/** Files `pending` with `workers` extraction threads of its own, opened and closed here, counting into `tally`. */
export async function fileTallied(
  store: FilingStore,
  pending: PendingArticle[],
  tally: IngestTally,
  { onArticle = () => {}, workers = 1 }: { onArticle?: () => void; workers?: number } = {},
): Promise<IngestTally> {
  const extractor = await openExtractor(workers)
  try {
    await fileArticles(store, pending, extractor, {
      onArticle,
      ahead: Math.max(16, workers * 2),
      onOutcome: (outcome) => {
        if ('skipped' in outcome) return void tally.skipped.push(outcome.skipped)
        const { added, statements, claims, updated } = outcome.stored
        if (updated) tally.updated++
        if (!added) return void tally.alreadyStored++
        tally.added++
        tally.statements += statements
        tally.claims += claims
      },
    })
  } finally {
    await extractor.close()
  }
  return tally
}
