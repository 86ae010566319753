// Reading the filters and paging of a GET query (a page's form, an API call). A value that cannot be meant
// is refused with what to write instead, never silently ignored: a researcher who typed 2024-13-01 must know.
import { InvalidInputError } from '../errors.js'
import { parseDate } from '../text/day.js'

export type Query = Record<string, unknown>

/** One text value; an empty form field counts as absent. */
export function text(query: Query, name: string): string | undefined {
  const value = query[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new InvalidInputError(`Give "${name}" once, as text: ?${name}=VALUE.`)
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

export function oneOf<T extends string>(query: Query, name: string, allowed: readonly T[]): T | undefined {
  const value = text(query, name)
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(`"${name}" cannot be "${value}": use one of ${allowed.join(', ')}.`)
  }
  return value as T
}

/** An ISO day, yyyy-MM-dd. */
export function day(query: Query, name: string): string | undefined {
  const value = text(query, name)
  return value === undefined ? undefined : parseDate(value, `"${name}"`)
}

/** A yes/no filter: "1", "true", "yes", "on" (a checked box) or "0", "false", "no". */
export function flag(query: Query, name: string): boolean | undefined {
  const value = text(query, name)
  if (value === undefined) return undefined
  if (/^(1|true|yes|on)$/i.test(value)) return true
  if (/^(0|false|no|off)$/i.test(value)) return false
  throw new InvalidInputError(`"${name}" cannot be "${value}": use true or false.`)
}

export interface Paging {
  page: number
  per: number
}

export function paging(query: Query, defaultPer: number, mostPer = 100): Paging {
  return { page: whole(query, 'page', 1, Number.MAX_SAFE_INTEGER) ?? 1, per: whole(query, 'per', 1, mostPer) ?? defaultPer }
}

function whole(query: Query, name: string, least: number, most: number): number | undefined {
  const value = text(query, name)
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < least || n > most) {
    throw new InvalidInputError(`"${name}" must be a whole number from ${least} to ${most}, not "${value}".`)
  }
  return n
}

export interface Paged<T> {
  items: T[]
  page: number
  per: number
  total: number
  /** There are more than `total`: the store stopped counting (statement-filter.ts COUNT_LIMIT). */
  more?: boolean
}

export function pageOf<T>(all: readonly T[], { page, per }: Paging): Paged<T> {
  return { items: all.slice((page - 1) * per, page * per), page, per, total: all.length }
}

/** Whether an ISO date falls in [from, to]; with a range set, an undated item is out. */
export function inRange(date: string | null, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true
  if (!date) return false
  return (!from || date >= from) && (!to || date <= to)
}

/** The same query with other values, as a link's query string (for paging links that keep the filters). */
export function withQuery(query: Query, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries({ ...query, ...changes })) {
    if (typeof value === 'string' && value !== '') params.set(name, value)
    else if (typeof value === 'number') params.set(name, String(value))
  }
  const search = params.toString()
  return search ? `?${search}` : ''
}
