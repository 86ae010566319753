// An article's facts as a desk corrects them after filing (the article page's form, the API): title, outlet,
// publication day and address, each checked as the ingest form checks it; a field left empty is a fact unknown.
// The correction is a logged decision (set-article), shown in the article's history with an Undo.
import { type ArticleFacts, FACTS } from '../store/decisions.js'
import type { LogEntry } from '../store/schema.js'
import { parseDate } from '../text/day.js'
import { placed, text } from './claim-review.js'
import { checkedUrl } from './ingest-form.js'
import { historyLines } from './undo.js'

// Each fact by its form field, with the longest value taken (the CLI and the API take long titles too).
const FIELDS = { title: ['title', 2000], outlet: ['outlet', 500], published: ['date', 40], url: ['url', 2000] } as const

function factOf(name: keyof ArticleFacts, form: Record<string, unknown>): string | null {
  const [field, most] = FIELDS[name]
  const value = text(form, field, most)
  if (!value) return null
  if (name === 'published') return parseDate(value, 'The date')
  if (name === 'url') return checkedUrl(value)
  return value
}

/** The facts a request gives (a field sent empty clears its fact), each checked; those it leaves out are absent. */
export function factsGiven(form: Record<string, unknown>): Partial<ArticleFacts> {
  const facts: Partial<ArticleFacts> = {}
  for (const name of FACTS) if (form[FIELDS[name][0]] !== undefined) facts[name] = factOf(name, form)
  return facts
}

/**
 * The facts a form changes from the stored ones, each checked: a fact sent back as it was stored is left alone,
 * unchecked, so an address the CLI took (not a web address) or a long title never stops a change to another fact.
 */
export function factsChanged(form: Record<string, unknown>, stored: ArticleFacts): Partial<ArticleFacts> {
  const sent = Object.fromEntries(
    FACTS.filter((name) => form[FIELDS[name][0]] !== undefined && text(form, FIELDS[name][0], 100_000) !== (stored[name] ?? '')).map(
      (name) => [FIELDS[name][0], form[FIELDS[name][0]]],
    ),
  )
  return factsGiven(sent)
}

/** The decisions on an article's facts, newest first, each with its place when it can be undone. */
export function articleHistory(log: readonly LogEntry[], articleId: string) {
  return historyLines(
    log,
    placed(log, (entry) => entry.action === 'set-article' && entry.detail.article === articleId),
  )
}
