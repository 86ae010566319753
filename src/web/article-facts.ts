// An article's facts as a desk corrects them after filing (the article page's form, the API): title, outlet,
// publication day and address, each checked as the ingest form checks it; a field left empty is a fact unknown.
// The correction is a logged decision (set-article), shown in the article's history with an Undo.
import type { ArticleFacts } from '../store/decisions.js'
import type { LogEntry } from '../store/schema.js'
import { parseDate } from '../text/day.js'
import { historyLine, text } from './claim-review.js'
import { checkedUrl } from './ingest-form.js'
import { undoFor } from './undo.js'

export function articleFacts(form: Record<string, unknown>): ArticleFacts {
  const date = text(form, 'date', 40)
  const url = text(form, 'url', 2000)
  return {
    title: text(form, 'title', 500) || null,
    outlet: text(form, 'outlet', 200) || null,
    published: date ? parseDate(date, 'The date') : null,
    url: url ? checkedUrl(url) : null,
  }
}

/** The decisions on an article's facts, newest first, each with its place when it can be undone. */
export function articleHistory(log: readonly LogEntry[], articleId: string) {
  return log
    .flatMap((entry, place) => (entry.action === 'set-article' && entry.detail.article === articleId ? [{ entry, place }] : []))
    .map(({ entry, place }) => ({ ...historyLine(entry), undo: undoFor(log, place) ? place : null }))
    .reverse()
}
