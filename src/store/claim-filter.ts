// The filters a researcher applies to the claim list, shared by `claimtrail claims`, its CSV export and the web.
import { normaliseName } from './speakers.js'
import type { SpeakerRecord } from './schema.js'
import type { ClaimSummary, ClaimVoice } from './views.js'

export interface ClaimFilter {
  /** Someone who asserted, denied or declined it, by any name they were written with: "Zhao" finds Zhao Lijian. */
  speaker?: string
  /** Only claims someone denied. */
  denied?: boolean
  /** Only claims whose support is all anonymous. */
  anonymousOnly?: boolean
}

/** Whether a voice answers to the name asked for, through its speaker record's aliases. */
function answersTo(voice: ClaimVoice, wanted: string, speaker: (id: string) => SpeakerRecord | undefined): boolean {
  const record = voice.speakerId ? speaker(voice.speakerId) : undefined
  const names = [voice.name ?? '', ...(record ? [record.name, ...record.aliases] : [])]
  return names.some((name) => ` ${normaliseName(name)} `.includes(` ${wanted} `))
}

export function filterClaims(claims: ClaimSummary[], filter: ClaimFilter, speaker: (id: string) => SpeakerRecord | undefined): ClaimSummary[] {
  const wanted = filter.speaker ? normaliseName(filter.speaker) : ''
  return claims.filter((c) => {
    if (filter.denied && c.denied.length === 0) return false
    if (filter.anonymousOnly && (c.asserted.length === 0 || c.anonymousSupport < c.asserted.length)) return false
    if (wanted && ![...c.asserted, ...c.denied, ...c.declined].some((v) => answersTo(v, wanted, speaker))) return false
    return true
  })
}
