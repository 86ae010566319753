// The claims query: what a researcher narrows the claim list to. `claimtrail claims`, the claims page, its CSV
// downloads and GET /api/claims each read their own input into this one shape, and the store filters by it.

import type { SpeakerType, Stance } from '../pipeline/types.js'
import type { SpeakerRecord } from './schema.js'
import { normaliseName } from './speakers.js'
import type { ClaimSummary, ClaimVoice } from './views.js'

/** The orders a list of claims comes in: the web's sorts (claim-filters.ts SORTS), and the store's own. */
export type ClaimOrder = 'latest' | 'first' | 'statements' | 'articles' | 'stored'

/** Which side a voice took: a confirmation counts as asserting (views.ts). */
export type Side = Exclude<Stance, 'confirm'>

export interface ClaimsQuery {
  /** Someone who asserted, denied or declined it, by any name they were written with: "Zhao" finds Zhao Lijian. */
  speaker?: string
  /** Only claims someone denied; false: only claims nobody denied. */
  denied?: boolean
  /** Only claims carried by more than one article: a claim followed across outlets. */
  acrossArticles?: boolean
  /** Only claims whose support is all anonymous. */
  anonymousOnly?: boolean
  /** A voice of this speaker type: "anonymous" finds claims an anonymous source took part in. */
  speakerType?: SpeakerType
  /** A voice on this side; a confirmation sides with the assertion. */
  stance?: Stance
  /** A statement in an article from this outlet (case does not matter). */
  outlet?: string
  /** A statement made on or after / on or before this ISO date (the article's date when the text gives none). */
  from?: string
  to?: string
  /** Reviewed, not reviewed yet, or given this verdict. */
  review?: { reviewed: boolean } | { verdict: string }
}

/** Whether a voice answers to the name asked for, through its speaker record's aliases. */
function answersTo(voice: ClaimVoice, wanted: string, speaker: (id: string) => SpeakerRecord | undefined): boolean {
  const record = voice.speakerId ? speaker(voice.speakerId) : undefined
  const names = [voice.name ?? '', ...(record ? [record.name, ...record.aliases] : [])]
  return names.some((name) => ` ${normaliseName(name)} `.includes(` ${wanted} `))
}

function sides(c: ClaimSummary, stance: Stance | undefined): ClaimVoice[] {
  const side: Side | undefined = stance === 'confirm' ? 'assert' : stance
  if (side === 'assert') return c.asserted
  if (side === 'deny') return c.denied
  if (side === 'decline') return c.declined
  return [...c.asserted, ...c.denied, ...c.declined]
}

function reviewMatches(c: ClaimSummary, wanted: ClaimsQuery['review']): boolean {
  if (!wanted) return true
  const review = c.claim.review
  if ('reviewed' in wanted) return (review !== null) === wanted.reviewed
  return review !== null && review.verdict.toLowerCase() === wanted.verdict.toLowerCase()
}

/**
 * The claims that pass every filter given. Speaker, speaker type, stance, outlet and dates must all hold for one
 * and the same statement: "Zhao, denied, in March" is a denial Zhao made in March.
 */
export function filterClaims(
  claims: ClaimSummary[],
  filter: ClaimsQuery,
  speaker: (id: string) => SpeakerRecord | undefined,
): ClaimSummary[] {
  const wanted = filter.speaker ? normaliseName(filter.speaker) : ''
  const outlet = filter.outlet?.toLowerCase()
  const byVoice = wanted || filter.speakerType || filter.stance || outlet || filter.from || filter.to
  const fits = (v: ClaimVoice) =>
    (!wanted || answersTo(v, wanted, speaker)) &&
    (!filter.speakerType || v.type === filter.speakerType) &&
    (!outlet || v.outlet?.toLowerCase() === outlet) &&
    (!filter.from || (v.date !== null && v.date >= filter.from)) &&
    (!filter.to || (v.date !== null && v.date <= filter.to))
  return claims.filter((c) => {
    if (filter.denied !== undefined && filter.denied !== c.denied.length > 0) return false
    if (filter.acrossArticles && c.articleCount < 2) return false
    if (filter.anonymousOnly && (c.asserted.length === 0 || c.anonymousSupport < c.asserted.length)) return false
    if (!reviewMatches(c, filter.review)) return false
    if (byVoice && !sides(c, filter.stance).some(fits)) return false
    return true
  })
}

// Undated claims go last whichever way the dates run; ties keep a stable order by id.
const byId = (a: ClaimSummary, b: ClaimSummary) => (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0)
const dated = (key: (c: ClaimSummary) => string | null, newestFirst: boolean) => (a: ClaimSummary, b: ClaimSummary) => {
  const da = key(a)
  const db = key(b)
  if (da === db) return byId(a, b)
  if (da === null || db === null) return da === null ? 1 : -1
  return (da < db ? -1 : 1) * (newestFirst ? -1 : 1)
}
const most = (key: (c: ClaimSummary) => number) => (a: ClaimSummary, b: ClaimSummary) => key(b) - key(a) || byId(a, b)

/** Each order as a comparison of two claims; every two claims are ordered (ids last). */
export const CLAIM_ORDERS: Record<Exclude<ClaimOrder, 'stored'>, (a: ClaimSummary, b: ClaimSummary) => number> = {
  latest: dated((c) => c.latestDate, true),
  first: dated((c) => c.firstDate, false),
  statements: most((c) => c.statementCount),
  articles: most((c) => c.articleCount),
}
