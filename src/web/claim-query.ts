// The claims list's filters as query parameters, for the API: speaker (any name it was written with), speaker
// type, stance, outlet, date range, denied, reviewed. A claim passes when one of its statements does what is asked.
import type { SpeakerType, Stance } from '../pipeline/types.js'
import { filterClaims } from '../store/claim-filter.js'
import type { SpeakerRecord } from '../store/schema.js'
import type { ClaimSummary, ClaimVoice } from '../store/views.js'
import { type Query, SPEAKER_TYPES, STANCES, day, flag, inRange, oneOf, text } from './query.js'

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
    speaker: text(query, 'speaker'), type: oneOf(query, 'type', SPEAKER_TYPES), stance: oneOf(query, 'stance', STANCES),
    outlet: text(query, 'outlet'), from: day(query, 'from'), to: day(query, 'to'), denied: flag(query, 'denied'), reviewed: flag(query, 'reviewed'),
  }
}

const SIDES: Record<Stance, (c: ClaimSummary) => ClaimVoice[]> = {
  assert: (c) => c.asserted,
  confirm: (c) => c.asserted,
  deny: (c) => c.denied,
  decline: (c) => c.declined,
}

export function queryClaims(claims: ClaimSummary[], q: ClaimQuery, speaker: (id: string) => SpeakerRecord | undefined): ClaimSummary[] {
  const outlet = q.outlet?.toLowerCase()
  return filterClaims(claims, { speaker: q.speaker, denied: q.denied }, speaker).filter((c) => {
    if (q.denied === false && c.denied.length > 0) return false
    if (q.reviewed !== undefined && Boolean(c.claim.review) !== q.reviewed) return false
    const voices = q.stance ? SIDES[q.stance](c) : [...c.asserted, ...c.denied, ...c.declined]
    return voices.some(
      (v) => (!q.type || v.type === q.type) && (!outlet || v.outlet?.toLowerCase() === outlet) && inRange(v.date, q.from, q.to),
    )
  })
}
