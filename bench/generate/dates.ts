// When a generated statement was made, written as reporters write it and resolved as the pipeline resolves it
// against the published date (README, "Extract statements"): "on Monday" is the latest Monday on or before
// publication, "last week" that week's Monday, "in March" the latest March's first day.
import type { DatePrecision } from '../../src/pipeline/types.js'
import type { Dice } from './dice.js'

export interface Said {
  /** "on Monday", or null when the article does not say. */
  text: string | null
  date: string | null
  precision: DatePrecision | null
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const DAY_MS = 86_400_000

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export function whenSaid(dice: Dice, published: string): Said {
  const at = Date.parse(`${published}T00:00:00Z`)
  const roll = dice.next()
  if (roll < 0.5) return { text: null, date: null, precision: null }
  if (roll < 0.82) {
    const back = dice.int(0, 6)
    const day = new Date(at - back * DAY_MS).getUTCDay()
    return { text: `on ${DAYS[day]}`, date: iso(at - back * DAY_MS), precision: 'day' }
  }
  if (roll < 0.92) {
    const monday = at - ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS
    return { text: 'last week', date: iso(monday - 7 * DAY_MS), precision: 'week' }
  }
  const month = new Date(at).getUTCMonth()
  const back = dice.int(0, 2)
  const first = new Date(Date.UTC(new Date(at).getUTCFullYear(), month - back, 1))
  return { text: `in ${MONTHS[first.getUTCMonth()]}`, date: iso(first.getTime()), precision: 'month' }
}

/** The day `days` after the first day of `start`, as yyyy-MM-dd. */
export function dayAfter(start: string, days: number): string {
  return iso(Date.parse(`${start}T00:00:00Z`) + days * DAY_MS)
}
