// For stage 13 (statements): when a statement was made, from the date phrases in the words around its cue,
// resolved against the published date with a news past bias: "on Monday" is the latest Monday on or before
// publication.
import { format, isAfter, isValid, parse } from 'date-fns'
import { DAY_FORMAT } from '../text/day.js'
import { DATE_RULES } from './rules/dates.js'
import type { DatePrecision, Span } from './types.js'

export interface StatementDate {
  /** ISO date; a week, month or year is given by its first day. Null when it cannot be worked out. */
  date: string | null
  /** Null exactly when `date` is. */
  precision: DatePrecision | null
  text: string
  start: number
}

export interface DatePhrase extends StatementDate {
  end: number
  rule: string
  /** False for a phrase that dates nothing in the past: "next week", "recently", a date after publication. */
  past: boolean
}

// Every statement of an article resolves against the same published date: parse it once.
const days = new Map<string, Date | null>()
const day = (iso: string | null) => {
  if (!iso) return null
  if (!days.has(iso)) {
    if (days.size > 1000) days.clear()
    const d = parse(iso, DAY_FORMAT, new Date())
    days.set(iso, isValid(d) ? d : null)
  }
  return days.get(iso)!
}

/**
 * Every date phrase in a stretch of text (offsets relative to `base`), in text order. Where two overlap the
 * longer holds: "last Friday" over "Friday", "next Monday" over "Monday", "March 1, 2019" over "in March".
 */
export function datePhrases(text: string, base: number, published: string | null, anchor: string | null = null): DatePhrase[] {
  // The same words around many cues (a page of '"Yes," Smith said') are read once: every rule is a regex over them.
  const key = `${published}|${anchor}|${text}`
  let phrases = seen.get(key)
  if (!phrases) {
    if (seen.size >= SEEN) seen.clear()
    seen.set(key, (phrases = phrasesIn(text, published, anchor)))
  }
  return base === 0 ? phrases : phrases.map((p) => ({ ...p, start: p.start + base, end: p.end + base }))
}

const seen = new Map<string, DatePhrase[]>()
const SEEN = 2000

function phrasesIn(text: string, published: string | null, anchor: string | null): DatePhrase[] {
  const base = 0
  const found: Array<{ m: RegExpExecArray; rule: (typeof DATE_RULES)[number] }> = []
  for (const rule of DATE_RULES) {
    for (const m of text.matchAll(rule.match)) found.push({ m: m as RegExpExecArray, rule })
  }
  found.sort((a, b) => b.m[0].length - a.m[0].length || a.m.index - b.m.index)
  const kept: typeof found = []
  for (const f of found) {
    const end = f.m.index + f.m[0].length
    if (!kept.some((k) => f.m.index < k.m.index + k.m[0].length && k.m.index < end)) kept.push(f)
  }
  const ref = day(published)
  const at = ref && { published: ref, anchor: day(anchor) }
  return kept
    .sort((a, b) => a.m.index - b.m.index)
    .map(({ m, rule }) => {
      const resolved = at && rule.resolve ? rule.resolve(m, at) : null
      // A date after publication is a plan or a schedule, not when something was said.
      const future = !rule.resolve || (at !== null && resolved?.date != null && isAfter(resolved.date, at.published))
      const date = !future && resolved?.date ? resolved.date : null
      return {
        date: date && format(date, DAY_FORMAT),
        precision: date && resolved ? resolved.precision : null,
        text: m[0],
        start: base + m.index,
        end: base + m.index + m[0].length,
        rule: rule.rule,
        past: !future,
      }
    })
}

/**
 * The phrase that dates a statement: the one nearest its cue (the first when there is no cue). When that one
 * looks ahead or says nothing precise, the statement gets no date rather than a farther phrase's.
 */
export function pickDate(phrases: DatePhrase[], cue: Span | null): StatementDate | null {
  const distance = (p: DatePhrase) => (!cue ? p.start : p.end <= cue.start ? cue.start - p.end : Math.max(0, p.start - cue.end))
  const nearest = phrases.reduce<DatePhrase | null>((best, p) => (best && distance(best) <= distance(p) ? best : p), null)
  if (!nearest?.past) return null
  const { date, precision, text, start } = nearest
  return { date, precision, text, start }
}

/** The date a stretch of text gives, resolved against `published` (ISO), or null when it says nothing. */
export function findDate(text: string, base: number, published: string | null, cue: Span | null = null): StatementDate | null {
  return pickDate(datePhrases(text, base, published), cue)
}
