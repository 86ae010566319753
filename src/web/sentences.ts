// The sentence each statement came from, shown beside its content wherever a page lists contents: a fragment
// such as "should be made public" reads as news only with its speaker and verb around it. The texts are read
// a page at a time (one query on PostgreSQL), never the whole store.
import { contentText } from '../store/records.js'
import type { ClaimRecord, StatementRecord } from '../store/schema.js'
import { passage } from './claim-page.js'
import { escapeNeutral } from './escape.js'
import type { Segment } from './highlight.js'
import { keep, versionMemo } from './version-memo.js'
import type { WebStore } from './web-store.js'

type Reads = Pick<WebStore, 'version' | 'article' | 'statement' | 'articleTexts' | 'statementsById'>

/**
 * A statement's sentences never change: its article's text is stored once, and no decision moves its spans. The
 * last few thousand are kept, so a list rendered again (another reader, the next write) reads no text for them.
 */
const KEPT = 5_000
const keptBy = new WeakMap<object, Map<string, string>>()

/**
 * Each statement's source sentences as HTML, its content, cue and speaker marked and every piece of the text
 * escaped as the pages escape it (a list's rows printed them piece by piece, which halved the claims list's
 * rate); a statement with no stored text is left out.
 */
export async function sourceSentences(store: Reads, statements: readonly StatementRecord[]): Promise<Map<string, string>> {
  let kept = keptBy.get(store)
  if (!kept) keptBy.set(store, (kept = new Map()))
  const out = new Map<string, string>()
  const missing: StatementRecord[] = []
  for (const statement of statements) {
    const key = keyOf(statement)
    const known = kept.get(key)
    if (known) out.set(statement.id, known)
    else missing.push(statement)
  }
  if (!missing.length) return out
  const texts = await articleTexts(store, [...new Set(missing.map((s) => s.articleId))])
  for (const statement of missing) {
    const text = texts.get(statement.articleId)
    if (text === undefined) continue
    const segments = passage({ text }, statement)
    if (!segments.length) continue
    const html = marked(segments)
    out.set(statement.id, html)
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!)
    kept.set(keyOf(statement), html)
  }
  return out
}

/** Segments as HTML: text escaped as every page escapes it; a mark's class is one of highlight()'s own names. */
function marked(segments: Segment[]): string {
  return segments.map((s) => (s.mark ? `<mark class="${s.mark}">${escapeNeutral(s.text)}</mark>` : escapeNeutral(s.text))).join('')
}

// Kept per store; within one, a statement's id and spans name its sentences.
const keyOf = (s: StatementRecord) =>
  `${s.id}\u0000${s.content.map((c) => `${c.start}-${c.end}`).join(',')}:${s.cue?.start ?? ''}:${s.speaker?.mention?.start ?? ''}`

/**
 * For each claim, the source sentences of the statement its text was taken from: of its first few statements,
 * the first standing one whose content is the claim's text, else the first standing one.
 */
export async function claimSentences(store: Reads, all: readonly ClaimRecord[]): Promise<Map<string, string>> {
  // Kept until the next write: a claims list rendered for every reader with a cookie chose them each time.
  const known = await versionMemo<string, string | null>(store, 'claim sentences')
  const out = new Map<string, string>()
  // Keyed by what the choice is made from, so a claim read before a write is never given a sentence after it.
  const keyOf = (claim: ClaimRecord) => `${claim.id}\u0000${claim.text}\u0000${claim.statementIds.slice(0, 3).join(',')}`
  const claims = all.filter((claim) => {
    const html = known.get(keyOf(claim))
    if (html !== undefined && html !== null) out.set(claim.id, html)
    return html === undefined
  })
  if (!claims.length) return out
  const firstFew = claims.map((c) => c.statementIds.slice(0, 3))
  const byId = new Map((await statementsWithIds(store, firstFew.flat())).map((s) => [s.id, s]))
  const chosen = new Map<string, StatementRecord>()
  claims.forEach((claim, i) => {
    const standing = firstFew[i].flatMap((id) => byId.get(id) ?? []).filter((s) => !s.rejected)
    const source = standing.find((s) => contentText(s) === claim.text) ?? standing[0]
    if (source) chosen.set(claim.id, source)
  })
  const sentences = await sourceSentences(store, [...chosen.values()])
  for (const claim of claims) {
    const html = sentences.get(chosen.get(claim.id)?.id ?? '') ?? null
    keep(known, keyOf(claim), html)
    if (html !== null) out.set(claim.id, html)
  }
  return out
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
