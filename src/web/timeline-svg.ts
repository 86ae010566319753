// The little chart on a claim's page: each statement a dot on a line of dates, assertions above it and denials
// below, so a reader sees at a glance who spoke first and whether the denials came later. Only numbers and
// labels leave here; the view writes the <svg> with presentation attributes and classes (the pages allow no
// inline styles and no scripts).
import type { Side } from '../store/claim-filter.js'
import { statementDate } from '../store/ledger.js'
import type { LedgerEntry } from '../store/views.js'

export interface TimelineDot {
  cx: number
  cy: number
  side: Side
  /** What a pointer over the dot shows, as an SVG <title>. */
  label: string
}

export interface TimelineChart {
  width: number
  height: number
  axisY: number
  left: number
  right: number
  dots: TimelineDot[]
  ticks: Array<{ x: number; label: string; anchor: 'start' | 'middle' | 'end' }>
  /** Statements with no date at all (neither the text's nor the article's): not on the chart. */
  undated: number
  summary: string
}

const WIDTH = 600
const HEIGHT = 120
const PAD = 24
const AXIS = 60
const STEP = 12

const DAY = 86_400_000

export function timelineChart(entries: readonly LedgerEntry[]): TimelineChart {
  const placed = entries.map((entry) => ({ entry, date: statementDate(entry) })).filter((p) => p.date !== null) as Array<{
    entry: LedgerEntry
    date: string
  }>
  const times = placed.map((p) => Date.parse(p.date))
  // Folded, not spread: a claim said 100,000 times would overflow the call stack as arguments.
  const min = times.reduce((a, b) => Math.min(a, b), Infinity)
  const max = times.reduce((a, b) => Math.max(a, b), -Infinity)
  const span = Math.max(max - min, DAY)
  const x = (t: number) => (placed.length && max === min ? WIDTH / 2 : PAD + ((t - min) / span) * (WIDTH - 2 * PAD))
  // Dots on the same day stack away from the axis, one step each.
  const stacked = new Map<string, number>()
  const dots = placed.map(({ entry, date }, i): TimelineDot => {
    const side = entry.statement.stance === 'deny' ? 'deny' : entry.statement.stance === 'decline' ? 'decline' : 'assert'
    const key = `${date}:${side}`
    const height = stacked.get(key) ?? 0
    stacked.set(key, height + 1)
    const direction = side === 'deny' ? 1 : side === 'decline' ? 0 : -1
    const cy = direction === 0 ? AXIS : AXIS + direction * (STEP + Math.min(height, 3) * STEP)
    const who = entry.speaker?.name ?? entry.statement.speaker?.name ?? 'unattributed'
    const verb = side === 'deny' ? 'denied' : side === 'decline' ? 'declined to comment' : 'asserted'
    return {
      cx: Math.round(x(times[i]) * 10) / 10,
      cy,
      side,
      label: `${date}: ${who} ${verb}${entry.article.outlet ? ` (${entry.article.outlet})` : ''}`,
    }
  })
  const first = placed.length ? new Date(min).toISOString().slice(0, 10) : null
  const last = placed.length ? new Date(max).toISOString().slice(0, 10) : null
  const ticks: TimelineChart['ticks'] = []
  if (first && last && first !== last) ticks.push({ x: PAD, label: first, anchor: 'start' }, { x: WIDTH - PAD, label: last, anchor: 'end' })
  else if (first) ticks.push({ x: WIDTH / 2, label: first, anchor: 'middle' })
  const asserts = dots.filter((d) => d.side === 'assert').length
  const denials = dots.filter((d) => d.side === 'deny').length
  const range = first && last && first !== last ? `from ${first} to ${last}` : first ? `on ${first}` : ''
  return {
    width: WIDTH,
    height: HEIGHT,
    axisY: AXIS,
    left: PAD,
    right: WIDTH - PAD,
    dots,
    ticks,
    undated: entries.length - placed.length,
    summary:
      `${asserts} ${asserts === 1 ? 'assertion' : 'assertions'} (above the line) and ${denials} ${denials === 1 ? 'denial' : 'denials'} (below) ${range}`.trim(),
  }
}
