// One claim across articles. A new article's claims are looked up in the claim index (src/claims/) before they
// are filed: one that repeats, asserts or denies a stored claim joins it, with the index's confidence on each
// statement's link; the rest become claims of their own. Every claim of the article is matched before any is
// added, so the index never merges two claims the pipeline kept apart within one article.
import { ClaimIndex, type ClaimMatch, type ClaimStatement, claimStatement } from '../claims/claim-index.js'
import type { ClaimRecord, StatementRecord } from './schema.js'

/** The index of a store's claims, read back at open. */
export function indexClaims(
  claims: ClaimRecord[],
  statement: (id: string) => StatementRecord | undefined,
  published: (articleId: string) => string | null,
): ClaimIndex {
  const live = claims.filter((c) => !c.mergedInto && c.statementIds.length)
  return ClaimIndex.from(
    live.map((c) => ({
      id: c.id,
      statements: c.statementIds
        .map(statement)
        .filter((s) => s !== undefined)
        .map((s) => claimStatement(s.id, s, published(s.articleId), s.articleId)),
    })),
  )
}

/** One claim of a new article, looked up in the index: its statements, their features, and the stored claim it joins. */
export interface AskedClaim {
  claim: ClaimRecord
  members: StatementRecord[]
  features: ClaimStatement[]
  match: ClaimMatch | null
}

/**
 * Looks up every claim of one article in the index, before any is added: what `fileMatched` then files. Apart, so
 * that a store that reads claims from a database reads only those a claim joins.
 */
export function matchAcross(
  index: ClaimIndex,
  article: { published: string | null },
  claims: ClaimRecord[],
  statements: StatementRecord[],
): AskedClaim[] {
  const byClaim = new Map<string, StatementRecord[]>()
  for (const s of statements) byClaim.set(s.claim, [...(byClaim.get(s.claim) ?? []), s])
  return claims.map((claim) => {
    const members = byClaim.get(claim.id) ?? []
    const features: ClaimStatement[] = members.map((s) => claimStatement(s.id, s, article.published, s.articleId))
    return { claim, members, features, match: index.match(features) }
  })
}

/**
 * Files one article's looked-up claims: those the index matched are dropped in favour of the stored claim, which
 * takes their statements. Returns the claims that are new.
 */
export function fileMatched(index: ClaimIndex, asked: AskedClaim[], stored: (id: string) => ClaimRecord | undefined): ClaimRecord[] {
  const fresh: ClaimRecord[] = []
  for (const { claim, members, features, match } of asked) {
    const target = match ? stored(match.claimId) : undefined
    if (!match || !target) {
      fresh.push(claim)
      index.add(claim.id, features)
      continue
    }
    for (const s of members) {
      s.claim = target.id
      s.link = { how: 'across-articles', confidence: Math.round(match.confidence * 100) / 100 }
      target.statementIds.push(s.id)
    }
    index.add(target.id, features)
  }
  return fresh
}

/** Both steps at once, for a store that holds every claim. */
export function fileAcross(
  index: ClaimIndex,
  article: { published: string | null },
  claims: ClaimRecord[],
  statements: StatementRecord[],
  stored: (id: string) => ClaimRecord | undefined,
): ClaimRecord[] {
  return fileMatched(index, matchAcross(index, article, claims, statements), stored)
}
