// The claims list's filters as query parameters, for the API: speaker (any name it was written with), speaker
// type, stance, outlet, date range, denied, reviewed. They are read into the store's claims query, the same one
// the claims page builds, so the two cannot drift apart.
import { SPEAKER_TYPES, STANCES } from '../pipeline/types.js'
import type { ClaimOrder, ClaimsQuery } from '../store/claim-filter.js'
import { day, flag, oneOf, type Query, text } from './query.js'

/** The orders the claims page offers (claim-filters.ts SORTS); the API keeps the store's order without one. */
export const CLAIM_SORTS = ['latest', 'first', 'statements', 'articles'] as const satisfies readonly ClaimOrder[]

export function claimsSort(query: Query): ClaimOrder {
  return oneOf(query, 'sort', CLAIM_SORTS) ?? 'stored'
}

/** denied=false asks for claims nobody denied, which the page's checkbox has no way to ask. */
export function claimsQuery(query: Query): ClaimsQuery {
  const { reviewed, ...rest } = {
    speaker: text(query, 'speaker'),
    speakerType: oneOf(query, 'type', SPEAKER_TYPES),
    stance: oneOf(query, 'stance', STANCES),
    outlet: text(query, 'outlet'),
    from: day(query, 'from'),
    to: day(query, 'to'),
    denied: flag(query, 'denied'),
    reviewed: flag(query, 'reviewed'),
  }
  return { ...rest, review: reviewed === undefined ? undefined : { reviewed } }
}
