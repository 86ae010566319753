// A speaker's quotes as the page and the CSV show them: filtered by stance and by when they were said. A
// statement the text gives no date for counts as said on its article's published date, and says so.
import { STANCES, type Stance } from '../pipeline/types.js'
import { contentText } from '../store/records.js'
import type { LedgerEntry } from '../store/views.js'
import { day, inRange, oneOf, type Query } from './query.js'
import { type When, whenSaid } from './when.js'

export interface QuoteFilter {
  stance?: Stance
  from?: string
  to?: string
}

export function quoteFilter(query: Query): QuoteFilter {
  return { stance: oneOf(query, 'stance', STANCES), from: day(query, 'from'), to: day(query, 'to') }
}

/** When it was said, or failing that when its article was published. */
export function saidOn(entry: LedgerEntry): string | null {
  return entry.statement.date ?? entry.article.published
}

export function filterQuotes(entries: readonly LedgerEntry[], filter: QuoteFilter): LedgerEntry[] {
  return entries.filter(
    (e) => !e.statement.rejected && (!filter.stance || e.statement.stance === filter.stance) && inRange(saidOn(e), filter.from, filter.to),
  )
}

export interface QuoteView {
  statementId: string
  content: string
  stance: Stance
  when: When | null
  /** True when `when` is the article's published date, the statement having none of its own. */
  published: boolean
  outlet: string | null
  articleId: string
  articleTitle: string | null
  url: string | null
  claimId: string
}

export function quoteView({ statement, article }: LedgerEntry): QuoteView {
  const own = whenSaid(statement.date, statement.datePrecision)
  return {
    statementId: statement.id,
    content: contentText(statement),
    stance: statement.stance,
    when: own ?? whenSaid(article.published, 'day'),
    published: !own && Boolean(article.published),
    outlet: article.outlet,
    articleId: article.id,
    articleTitle: article.title,
    // Article fields come from strangers: only a web address becomes a link.
    url: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
    claimId: statement.claim,
  }
}
