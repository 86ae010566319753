// Turning one article and what the pipeline extracted from it into store records. The pipeline numbers its
// claims per article ("c1", "c2"); the store gives them ids that stay unique once many articles share a file.
import { createHash } from 'node:crypto'
import { findDate } from '../pipeline/dates.js'
import type { Extraction, Speaker, Statement } from '../pipeline/types.js'
import type { ArticleInput, ArticleRecord, ClaimRecord, StatementRecord } from './schema.js'

/** The same text is the same article, whatever it was called when it came in. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function articleRecord(input: ArticleInput, print: string, addedAt: string): ArticleRecord {
  return {
    id: input.id ?? print.slice(0, 12),
    title: input.title ?? null,
    outlet: input.outlet ?? null,
    url: input.url ?? null,
    published: input.published ?? null,
    fingerprint: print,
    addedAt,
  }
}

/**
 * Statements `<articleId>:s<n>` in the pipeline's order and claims `<articleId>:c<n>` in the order the pipeline
 * listed them. `speakerId` files a statement's speaker (shared across articles) and returns its id.
 */
export function fileExtraction(
  articleId: string,
  extraction: Extraction,
  speakerId: (speaker: Speaker) => string,
): { statements: StatementRecord[]; claims: ClaimRecord[] } {
  const claims: ClaimRecord[] = []
  const claimIds = new Map<string, ClaimRecord>()
  const newClaim = (draftId: string, text: string): ClaimRecord => {
    const claim: ClaimRecord = { id: `${articleId}:c${claims.length + 1}`, text, statementIds: [], review: null }
    claims.push(claim)
    claimIds.set(draftId, claim)
    return claim
  }
  for (const draft of extraction.claims) if (!claimIds.has(draft.id)) newClaim(draft.id, draft.text)

  const statements = extraction.statements.map((statement, i): StatementRecord => {
    const id = `${articleId}:s${i + 1}`
    // A statement naming no listed claim still asserts something: file it under a claim of its own words.
    const claim = claimIds.get(statement.claim) ?? newClaim(statement.claim || id, contentText(statement))
    claim.statementIds.push(id)
    return {
      ...statement,
      id,
      articleId,
      speakerId: statement.speaker ? speakerId(statement.speaker) : null,
      claim: claim.id,
    }
  })
  return { statements, claims }
}

/** A statement's words, its fragments joined as an editor would mark the cut. */
export function contentText(statement: Pick<Statement, 'content'>): string {
  return statement.content.map((span) => span.text).join(' … ')
}

/**
 * A statement stored before dates had a precision gets it from the phrase kept beside its date, read against
 * that date itself: "last week" is a week whatever day it is counted from.
 */
export function withDatePrecision(statement: StatementRecord): StatementRecord {
  if (statement.datePrecision !== undefined) return statement
  const again = statement.date && statement.dateText ? findDate(statement.dateText, 0, statement.date) : null
  return { ...statement, datePrecision: statement.date ? (again?.precision ?? 'day') : null }
}
