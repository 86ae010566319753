// A speaker's statements over time as bars the server draws: one per month (per year past three years),
// asserted and denied stacked. The page has no scripts and no style attributes (CSP); the view prints these
// numbers as SVG presentation attributes and the colours come from classes in the stylesheet.
import type { Stance } from '../pipeline/types.js'

export interface Dated {
  date: string | null
  stance: Stance
}

export interface Bar {
  label: string
  x: number
  width: number
  /** Stacked from the baseline: asserted (and confirmed), denied, other (declined). */
  parts: Array<{ kind: 'asserted' | 'denied' | 'other'; y: number; height: number; count: number }>
  total: number
}

export interface Chart {
  width: number
  height: number
  /** Where the bars stand. */
  baseline: number
  bars: Bar[]
  most: number
  undated: number
  by: 'month' | 'year'
  first: string
  last: string
}

const WIDTH = 640
const HEIGHT = 160
const TOP = 12
const BASELINE = 136
const MOST_MONTHS = 36

export function statementsChart(items: readonly Dated[]): Chart | null {
  const dated = items.filter((item): item is Dated & { date: string } => Boolean(item.date))
  if (dated.length === 0) return null
  const months = dated.map((item) => item.date.slice(0, 7)).sort()
  const [first, last] = [months[0], months.at(-1)!]
  let keys = monthsBetween(first, last)
  let by: Chart['by'] = 'month'
  if (keys.length > MOST_MONTHS) {
    by = 'year'
    keys = yearsBetween(first.slice(0, 4), last.slice(0, 4))
  }
  const key = (date: string) => (by === 'month' ? date.slice(0, 7) : date.slice(0, 4))
  const counts = new Map(keys.map((k) => [k, { asserted: 0, denied: 0, other: 0 }]))
  for (const item of dated) {
    const bucket = counts.get(key(item.date))!
    if (item.stance === 'assert' || item.stance === 'confirm') bucket.asserted++
    else if (item.stance === 'deny') bucket.denied++
    else bucket.other++
  }
  const most = Math.max(...[...counts.values()].map((c) => c.asserted + c.denied + c.other))
  const slot = WIDTH / keys.length
  const scale = (BASELINE - TOP) / most
  const bars = keys.map((label, i) => {
    const c = counts.get(label)!
    let y = BASELINE
    const parts = (['asserted', 'denied', 'other'] as const)
      .map((kind) => {
        const height = c[kind] * scale
        y -= height
        return { kind, y: round(y), height: round(height), count: c[kind] }
      })
      .filter((part) => part.count > 0)
    return { label, x: round(i * slot + slot * 0.1), width: round(Math.max(slot * 0.8, 1)), parts, total: c.asserted + c.denied + c.other }
  })
  return {
    width: WIDTH,
    height: HEIGHT,
    baseline: BASELINE,
    bars,
    most,
    undated: items.length - dated.length,
    by,
    first: keys[0],
    last: keys.at(-1)!,
  }
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = []
  let [year, month] = first.split('-').map(Number)
  const [endYear, endMonth] = last.split('-').map(Number)
  while (year < endYear || (year === endYear && month <= endMonth)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`)
    if (++month > 12) [year, month] = [year + 1, 1]
  }
  return out
}

function yearsBetween(first: string, last: string): string[] {
  const out: string[] = []
  for (let year = Number(first); year <= Number(last); year++) out.push(String(year))
  return out
}

const round = (n: number) => Math.round(n * 10) / 10
