// The claims list's filters, sorting and paging, read from GET query parameters. The page, its paging links and
// its CSV downloads all read a query here, so "next page" and "download this view" keep what the reader chose.
import { InvalidInputError } from '../errors.js'
import { SPEAKER_TYPES, type SpeakerType, type Stance } from '../pipeline/types.js'
import { CLAIM_ORDERS, type ClaimsQuery, filterClaims, type Side } from '../store/claim-filter.js'
import type { ClaimSummary } from '../store/views.js'
import { isDay } from '../text/day.js'
import { snapshotOf } from './store-views.js'
import { pagedClaims, type WebStore } from './web-store.js'

export const PER_PAGE = 50

export const SORTS = {
  latest: 'latest statement, newest first',
  first: 'first statement, oldest first',
  statements: 'most statements',
  articles: 'most articles',
} as const
export type Sort = keyof typeof SORTS

export const SIDES: Record<Side, string> = { assert: 'asserted', deny: 'denied', decline: 'declined to comment' }

/** What the reader asked for, as the form fields hold it (empty strings for fields left blank), to show it again. */
export interface ClaimsForm {
  speaker: string
  type: string
  stance: string
  outlet: string
  from: string
  to: string
  /** "", "reviewed", "unreviewed" or a verdict. */
  review: string
  denied: boolean
  anonymous: boolean
  sort: Sort
  page: number
}

/** Reads the query string; anything it cannot use is an InvalidInputError that says which field and what fits. */
export function parseClaimsForm(raw: Record<string, unknown>): ClaimsForm {
  const field = (name: string): string => {
    const value = raw[name]
    if (value === undefined) return ''
    if (typeof value !== 'string')
      throw new InvalidInputError(
        `Give "${name}" once at most; the address has it ${Array.isArray(value) ? value.length : 'several'} times.`,
      )
    return value.trim()
  }
  const query: ClaimsForm = {
    speaker: field('speaker'),
    type: field('type'),
    stance: field('stance'),
    outlet: field('outlet'),
    from: field('from'),
    to: field('to'),
    review: field('review'),
    denied: field('denied') !== '',
    anonymous: field('anonymous') !== '',
    sort: 'latest',
    page: 1,
  }
  if (query.type && !(SPEAKER_TYPES as readonly string[]).includes(query.type)) {
    throw new InvalidInputError(
      `Speaker type "${query.type}" is not one of ${SPEAKER_TYPES.join(', ')}. Pick one in the filter form or leave it blank.`,
    )
  }
  if (query.stance && !Object.hasOwn(SIDES, query.stance)) {
    throw new InvalidInputError(
      `Stance "${query.stance}" is not one of ${Object.keys(SIDES).join(', ')}. Pick one in the filter form or leave it blank.`,
    )
  }
  for (const name of ['from', 'to'] as const) {
    if (query[name] && !isDay(query[name])) {
      throw new InvalidInputError(`"${name}" must be a date written YYYY-MM-DD, such as 2025-03-04; it was "${query[name]}".`)
    }
  }
  if (query.from && query.to && query.from > query.to) {
    throw new InvalidInputError(`The date range runs backwards: from ${query.from} to ${query.to}. Swap the two dates.`)
  }
  const sort = field('sort')
  if (sort) {
    if (!Object.hasOwn(SORTS, sort)) throw new InvalidInputError(`Sort "${sort}" is not one of ${Object.keys(SORTS).join(', ')}.`)
    query.sort = sort as Sort
  }
  const page = field('page')
  if (page) {
    if (!/^[1-9]\d{0,6}$/.test(page)) throw new InvalidInputError(`Page "${page}" is not a page number; pages count from 1.`)
    query.page = Number(page)
  }
  return query
}

/** The form as the claims query the store filters by. */
export function claimsQuery(query: ClaimsForm): ClaimsQuery {
  const review =
    query.review === 'reviewed'
      ? { reviewed: true }
      : query.review === 'unreviewed'
        ? { reviewed: false }
        : query.review
          ? { verdict: query.review }
          : undefined
  return {
    speaker: query.speaker || undefined,
    speakerType: (query.type || undefined) as SpeakerType | undefined,
    stance: (query.stance || undefined) as Stance | undefined,
    outlet: query.outlet || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
    review,
    denied: query.denied || undefined,
    anonymousOnly: query.anonymous,
  }
}

/** The query as an address's search part, without the defaults; `page` only past the first. */
export function queryString(query: ClaimsForm, change: Partial<ClaimsForm> = {}): string {
  const q = { ...query, ...change }
  const params = new URLSearchParams()
  for (const name of ['speaker', 'type', 'stance', 'outlet', 'from', 'to', 'review'] as const) if (q[name]) params.set(name, q[name])
  if (q.denied) params.set('denied', '1')
  if (q.anonymous) params.set('anonymous', '1')
  if (q.sort !== 'latest') params.set('sort', q.sort)
  if (q.page > 1) params.set('page', String(q.page))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** How many of the filters folded under "More filters" the query sets; the form opens them when any is set. */
export function rarerFiltersSet(q: ClaimsForm): number {
  return (['type', 'outlet', 'from', 'to', 'review', 'denied', 'anonymous'] as const).filter((name) => Boolean(q[name])).length
}

/** Whether the reader narrowed the list at all (sorting and paging do not narrow it). */
export function narrows(query: ClaimsForm): boolean {
  return queryString(query, { sort: 'latest', page: 1 }) !== ''
}

/** Every claim the query keeps, in its order (all pages). Worked out once per store version and query. */
export async function claimsInView(store: WebStore, query: ClaimsForm): Promise<{ all: ClaimSummary[]; matched: ClaimSummary[] }> {
  const snapshot = await snapshotOf(store)
  const all = (await snapshot.claims()) as ClaimSummary[]
  const key = queryString(query, { page: 1 })
  let matched = snapshot.matched.get(key)
  if (!matched) {
    const order = CLAIM_ORDERS[query.sort]
    // A speaker asked for narrows the claims to those they spoke in before the filter reads every voice's names;
    // sorted alone, they come in the order of the whole list (every two claims are ordered).
    const candidates = query.speaker ? (await snapshot.spokenBy(query.speaker)).sort(order) : await snapshot.sorted(query.sort, order)
    matched = filterClaims(candidates, claimsQuery(query), (id) => snapshot.speakers.get(id))
    if (snapshot.matched.size >= MATCHED_KEPT) snapshot.matched.delete(snapshot.matched.keys().next().value!)
    snapshot.matched.set(key, matched)
  }
  return { all, matched }
}

// Enough for a desk paging through a few views at once; each is a list of references, not copies.
const MATCHED_KEPT = 64

/** One page of a view of the claims list, with how many claims there are and how many the view keeps. */
export interface ClaimsView {
  total: number
  matched: number
  shown: ClaimSummary[]
}

/** The page a query asks for: from the store's SQL when it pages itself, else from the views kept in memory. */
export async function claimsView(store: WebStore, query: ClaimsForm): Promise<ClaimsView> {
  const paged = pagedClaims(store)
  const offset = (query.page - 1) * PER_PAGE
  if (paged) {
    const filter = claimsQuery(query)
    const [total, matched, shown] = await Promise.all([
      paged.claimsCount({}),
      paged.claimsCount(filter),
      paged.claimsPage(filter, query.sort, { offset, limit: PER_PAGE }),
    ])
    return { total, matched, shown }
  }
  const { all, matched } = await claimsInView(store, query)
  return { total: all.length, matched: matched.length, shown: matched.slice(offset, offset + PER_PAGE) }
}

/** Every claim a view keeps (all its pages), a batch at a time, for its downloads. */
export async function* claimsOfView(store: WebStore, query: ClaimsForm): AsyncGenerator<ClaimSummary[]> {
  const paged = pagedClaims(store)
  if (paged) yield* paged.claimBatches(claimsQuery(query), query.sort)
  else yield (await claimsInView(store, query)).matched
}

/** The outlets and the verdicts given, for the filter form. */
export async function claimFacets(store: WebStore): Promise<{ outlets: string[]; verdicts: string[] }> {
  const paged = pagedClaims(store)
  if (paged) return paged.claimFacets()
  const snapshot = await snapshotOf(store)
  return { outlets: snapshot.outlets, verdicts: await snapshot.verdicts() }
}
