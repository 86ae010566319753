// The claims list's filters as query parameters, for the API: speaker (any name it was written with), speaker
// type, stance, outlet, date range, denied, reviewed. Filtering itself is the claims list's own.
import type { SpeakerType, Stance } from '../pipeline/types.js'
import { type ClaimFilter, filterClaims } from '../store/claim-filter.js'
import type { SpeakerRecord } from '../store/schema.js'
import type { ClaimSummary } from '../store/views.js'
import { day, flag, oneOf, type Query, SPEAKER_TYPES, STANCES, text } from './query.js'

export interface ClaimQuery {
  speaker?: string
  type?: SpeakerType
  stance?: Stance
  outlet?: string
  from?: string
  to?: string
  denied?: boolean
  reviewed?: boolean
}

export function claimQuery(query: Query): ClaimQuery {
  return {
    speaker: text(query, 'speaker'),
    type: oneOf(query, 'type', SPEAKER_TYPES),
    stance: oneOf(query, 'stance', STANCES),
    outlet: text(query, 'outlet'),
    from: day(query, 'from'),
    to: day(query, 'to'),
    denied: flag(query, 'denied'),
    reviewed: flag(query, 'reviewed'),
  }
}

/** The API's parameters as the claims list's filter (src/store/claim-filter.ts), so the two cannot drift apart. */
export function queryClaims(claims: ClaimSummary[], q: ClaimQuery, speaker: (id: string) => SpeakerRecord | undefined): ClaimSummary[] {
  const filter: ClaimFilter = {
    speaker: q.speaker,
    speakerType: q.type,
    outlet: q.outlet,
    from: q.from,
    to: q.to,
    denied: q.denied === true,
    // A confirmation sides with the assertion, as on the page.
    stance: q.stance === 'confirm' ? 'assert' : q.stance,
    review: q.reviewed === undefined ? undefined : { reviewed: q.reviewed },
  }
  const found = filterClaims(claims, filter, speaker)
  // denied=false: only claims nobody denied, which the page's checkbox has no way to ask.
  return q.denied === false ? found.filter((c) => c.denied.length === 0) : found
}
