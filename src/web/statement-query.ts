// The statements a search or an API call asks for: words (through the word index), quoted phrases, then speaker,
// type, stance, outlet, claim, article and date range. Rejected statements are never found.
import { SPEAKER_TYPES, STANCES } from '../pipeline/types.js'
import { contentText } from '../store/records.js'
import { answersTo } from '../store/speaker-rows.js'
import type { Found, StatementFilter } from '../store/statement-filter.js'
import { phrasePattern, phrasesOf } from '../text/phrases.js'
import { day, inRange, oneOf, type Paged, type Paging, pageOf, type Query, text } from './query.js'
import { queryWords, type WordIndex } from './search-index.js'
import { snapshotOf } from './store-views.js'
import type { WebStore } from './web-store.js'

export type { Found, StatementFilter }

export function statementFilter(query: Query): StatementFilter {
  return {
    q: text(query, 'q'),
    speaker: text(query, 'speaker'),
    type: oneOf(query, 'type', SPEAKER_TYPES),
    stance: oneOf(query, 'stance', STANCES),
    outlet: text(query, 'outlet'),
    claim: text(query, 'claim'),
    article: text(query, 'article'),
    from: day(query, 'from'),
    to: day(query, 'to'),
  }
}

export async function findStatements(store: WebStore, index: WordIndex, filter: StatementFilter): Promise<Found[]> {
  const words = filter.q ? queryWords(filter.q) : []
  const candidates = filter.q ? index.find(words) : index.statements
  const phrases = phrasesOf(filter.q).map(phrasePattern)
  const { speakers, articles } = await snapshotOf(store)
  const outlet = filter.outlet?.toLowerCase()
  const found: Found[] = []
  for (const statement of candidates) {
    const speaker = (statement.speakerId && speakers.get(statement.speakerId)) || null
    const article = articles.get(statement.articleId) ?? null
    if (filter.stance && statement.stance !== filter.stance) continue
    if (phrases.length && !phrases.every((phrase) => phrase.test(contentText(statement)))) continue
    if (filter.claim && statement.claim !== filter.claim) continue
    if (filter.article && statement.articleId !== filter.article) continue
    if (filter.type && (speaker?.type ?? statement.speaker?.type) !== filter.type) continue
    if (outlet && article?.outlet?.toLowerCase() !== outlet) continue
    if (filter.speaker && !(speaker && (speaker.id === filter.speaker || answersTo(speaker, filter.speaker)))) continue
    if (!inRange(statement.date ?? article?.published ?? null, filter.from, filter.to)) continue
    found.push({ statement, speaker, article })
  }
  return found
}

/** One page of what a filter finds: asked of the store when it answers by queries (a database), else found here. */
export async function statementPage(
  store: WebStore,
  index: () => Promise<WordIndex>,
  filter: StatementFilter,
  { page, per }: Paging,
): Promise<Paged<Found>> {
  if (!store.findStatements) return pageOf(await findStatements(store, await index(), filter), { page, per })
  const { total, items, more } = await store.findStatements(filter, { offset: (page - 1) * per, limit: per })
  return { items, page, per, total, ...(more ? { more } : {}) }
}
