// Search: statements found by the words of what was said and by the names of who said it (by their stems, and
// quoted phrases as typed), the words marked, narrowed by a speaker and by the claims list's filters that apply to
// a statement (speaker type, stance, outlet, date range), and shown under the claims they bear on.
import type { RequestHandler } from 'express'
import { contentText } from '../store/records.js'
import { paging } from './query.js'
import { markWords, queryWords, type WordIndex } from './search-index.js'
import { sourceSentences } from './sentences.js'
import { pageLinks } from './speakers.js'
import { statementFilter, statementPage } from './statement-query.js'
import { keep, versionMemo } from './version-memo.js'
import type { WebStore } from './web-store.js'
import { whenSaid } from './when.js'

const PER_PAGE = 25

/**
 * A page's results under the claims they bear on, each claim once, in the order its first result comes: a denial
 * and the assertion it answers, found by one search, sit together under their claim.
 */
async function byClaim<T extends { claimId: string }>(store: WebStore, results: T[]) {
  const groups = new Map<string, { id: string; href: string; text: string; results: T[] }>()
  // A claim's id and text (the one it joined, when merged), kept until the next write: a ledger is built to learn them.
  const known = await versionMemo<string, { id: string; text: string } | null>(store, 'claim texts')
  for (const id of new Set(results.map((r) => r.claimId))) {
    if (known.has(id)) continue
    const ledger = await store.claim(id)
    keep(known, id, ledger ? { id: ledger.claim.id, text: ledger.claim.text } : null)
  }
  for (const result of results) {
    const claim = known.get(result.claimId)
    const id = claim?.id ?? result.claimId
    let group = groups.get(id)
    if (!group) groups.set(id, (group = { id, href: `/claims/${encodeURIComponent(id)}`, text: claim?.text ?? id, results: [] }))
    group.results.push(result)
  }
  return [...groups.values()]
}

export function searchHandlers(store: WebStore, index: () => Promise<WordIndex>) {
  const search: RequestHandler = async (req, res) => {
    const { q, speaker, type, stance, outlet, from, to } = statementFilter(req.query)
    const filter = { q, speaker, type, stance, outlet, from, to }
    const asked = Object.values(filter).some((v) => v !== undefined)
    const paged = paging(req.query, PER_PAGE)
    const page = asked ? await statementPage(store, index, filter, paged) : { ...paged, items: [], total: 0 }
    const words = new Set(q ? queryWords(q) : [])
    const sentences = await sourceSentences(
      store,
      page.items.map((item) => item.statement),
    )
    const results = page.items.map(({ statement, speaker, article }) => ({
      content: markWords(contentText(statement), words),
      sentence: sentences.get(statement.id) ?? null,
      speaker: markWords(speaker?.name ?? statement.speaker?.name ?? 'no source given', words),
      speakerId: speaker?.id ?? null,
      anonymous: (speaker?.type ?? statement.speaker?.type) === 'anonymous',
      stance: statement.stance,
      when: whenSaid(statement.date, statement.datePrecision),
      outlet: article?.outlet ?? null,
      articleTitle: article?.title ?? statement.articleId,
      claimId: statement.claim,
    }))
    res.render('search/index', {
      title: q ? `Search: ${q}` : 'Search',
      filter,
      asked,
      page,
      groups: await byClaim(store, results),
      pages: pageLinks(req.query, page),
    })
  }
  return { search }
}
