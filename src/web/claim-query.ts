// The claims list's filters as query parameters, for the API: speaker (any name it was written with), speaker
// type, stance, outlet, date range, denied, reviewed. They are read into the store's claims query, the same one
// the claims page builds, so the two cannot drift apart.
import { SPEAKER_TYPES, STANCES } from '../pipeline/types.js'
import type { ClaimsQuery } from '../store/claim-filter.js'
import { day, flag, oneOf, type Query, text } from './query.js'

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
