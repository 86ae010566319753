// The sentence each statement came from, shown beside its content wherever a page lists contents: a fragment
// such as "should be made public" reads as news only with its speaker and verb around it. The texts are read
// a page at a time (one query on PostgreSQL), never the whole store.
import { contentText } from '../store/records.js'
import type { ClaimRecord, StatementRecord } from '../store/schema.js'
import { passage } from './claim-page.js'
import type { Segment } from './highlight.js'
import type { WebStore } from './web-store.js'

type Reads = Pick<WebStore, 'article' | 'statement' | 'articleTexts' | 'statementsById'>

/** Each statement's source sentences with its content, cue and speaker marked; a statement with no stored text is left out. */
export async function sourceSentences(store: Reads, statements: readonly StatementRecord[]): Promise<Map<string, Segment[]>> {
  const texts = await articleTexts(store, [...new Set(statements.map((s) => s.articleId))])
  const out = new Map<string, Segment[]>()
  for (const statement of statements) {
    const text = texts.get(statement.articleId)
    const segments = text === undefined ? [] : passage({ text }, statement)
    if (segments.length) out.set(statement.id, segments)
  }
  return out
}

/**
 * For each claim, the source sentences of the statement its text was taken from: of its first few statements,
 * the first standing one whose content is the claim's text, else the first standing one.
 */
export async function claimSentences(store: Reads, claims: readonly ClaimRecord[]): Promise<Map<string, Segment[]>> {
  const firstFew = claims.map((c) => c.statementIds.slice(0, 3))
  const byId = new Map((await statementsWithIds(store, firstFew.flat())).map((s) => [s.id, s]))
  const chosen = new Map<string, StatementRecord>()
  claims.forEach((claim, i) => {
    const standing = firstFew[i].flatMap((id) => byId.get(id) ?? []).filter((s) => !s.rejected)
    const source = standing.find((s) => contentText(s) === claim.text) ?? standing[0]
    if (source) chosen.set(claim.id, source)
  })
  const sentences = await sourceSentences(store, [...chosen.values()])
  return new Map([...chosen].flatMap(([claimId, s]) => (sentences.has(s.id) ? [[claimId, sentences.get(s.id)!]] : [])))
}

/** The statements with these ids, in no set order; ids of no stored statement are left out. */
export async function statementsWithIds(store: Reads, ids: readonly string[]): Promise<StatementRecord[]> {
  if (store.statementsById) return store.statementsById(ids)
  const found = await Promise.all(ids.map((id) => store.statement(id)))
  return found.filter((s): s is StatementRecord => s !== undefined)
}

/** The texts of these articles, by id: in one query where the store has one, else article by article. */
export async function articleTexts(store: Reads, ids: string[]): Promise<Map<string, string>> {
  if (store.articleTexts) return store.articleTexts(ids)
  const texts = new Map<string, string>()
  for (const id of ids) {
    const article = await store.article(id)
    if (article) texts.set(id, article.text)
  }
  return texts
}
