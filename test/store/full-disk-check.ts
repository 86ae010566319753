// What the full-disk test finds in a store once its server is gone: read back from its files as a reader opens
// them, every acknowledged article with the text that was posted, every acknowledged decision in the log, and
// each claim and statement showing the last decision logged on it.
import { Store } from '../../src/store/store.js'
import type { Tally } from './full-disk-desk.js'

export interface Found {
  /** Why the store would not open; undefined when it did. */
  openError?: string
  articles: string[]
  lostArticles: string[]
  /** Articles stored after a refusal (allowed) without the text that was sent (not allowed). */
  damaged: string[]
  lostDecisions: string[]
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

export async function readBack(path: string, written: Tally): Promise<Found> {
  let store: Store
  try {
    store = await Store.open(path, { readOnly: true })
  } catch (error) {
    const lost = (what: string) => `${what}: the store does not open`
    return {
      openError: reason(error),
      articles: [],
      damaged: [],
      lostArticles: [...written.articles].map(lost),
      lostDecisions: written.decisions.map((d) => lost(`${d.action} by ${d.by}`)),
    }
  }
  const stored = new Set(store.articles().map((a) => a.id))
  const lostArticles = [...written.articles].filter((id) => !stored.has(id)).map((id) => `${id}: not in the store`)
  const damaged: string[] = []
  for (const { id } of store.articles()) {
    const sent = written.sent.get(id)
    let wrong: string | undefined
    try {
      const kept = store.article(id)!.text
      if (kept !== sent) wrong = `its text is not the one sent (${kept.length} of ${sent?.length} characters)`
    } catch (error) {
      wrong = reason(error)
    }
    if (wrong) (written.articles.has(id) ? lostArticles : damaged).push(`${id}: ${wrong}`)
  }
  return { articles: [...stored], lostArticles, damaged, lostDecisions: lostDecisions(store, written) }
}

function lostDecisions(store: Store, written: Tally): string[] {
  const log = store.decisions()
  const lost: string[] = []
  for (const decided of written.decisions) {
    const entry = log.find((e) => e.by === decided.by)
    const value = decided.action === 'review-claim' ? entry?.detail.verdict : entry?.detail.stance
    if (!entry) lost.push(`${decided.action} by ${decided.by}: not in the log`)
    else if (entry.action !== decided.action || value !== decided.value)
      lost.push(`${decided.action} by ${decided.by}: logged as ${entry.action} ${String(value)}`)
  }
  // A refused decision may have been stored after all; whichever was logged last is what the records show.
  const last = new Map<string, (typeof log)[number]>()
  for (const entry of log) last.set(`${entry.action} ${String(entry.detail.claim ?? entry.detail.statement)}`, entry)
  for (const [key, entry] of last) {
    const [action, id] = key.split(' ')
    const shown = action === 'review-claim' ? store.claim(id)?.claim.review?.verdict : store.statement(id)?.stance
    const logged = action === 'review-claim' ? entry.detail.verdict : entry.detail.stance
    if (shown !== logged) lost.push(`${key}: the log's last says ${String(logged)}, the records ${String(shown)}`)
  }
  return lost
}
