// Stage 7a: when a statement was made, from the words around its cue, resolved against the published date
// with a news past bias: "on Monday" is the latest Monday on or before publication.
import { isValid, parse, previousDay, subDays, subMonths, subWeeks, format, type Day } from 'date-fns'

export type DatePrecision = 'day' | 'week' | 'month' | 'year'

export interface StatementDate {
  date: string | null
  precision: DatePrecision
  text: string
  start: number
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
// AP style abbreviates these months; date-fns reads "Sep" but not "Sept".
const MONTHS = 'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?'

interface DateRule {
  match: RegExp
  rule: string
  example: string
  resolve: (m: RegExpExecArray, published: Date) => { date: Date | null; precision: DatePrecision }
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd')

function onOrBefore(day: number, ref: Date): Date {
  return ref.getDay() === day ? ref : previousDay(ref, day as Day)
}

function monthDay(m: RegExpExecArray, ref: Date) {
  const month = m[1].slice(0, 3)
  const year = m[3] ? Number(m[3]) : ref.getFullYear()
  let d = parse(`${month} ${m[2]} ${year}`, 'MMM d yyyy', ref)
  // A month-day after publication, with no year given, was last year's.
  if (!m[3] && d > ref) d = parse(`${month} ${m[2]} ${year - 1}`, 'MMM d yyyy', ref)
  return { date: isValid(d) ? d : null, precision: 'day' as const }
}

export const DATE_RULES: DateRule[] = [
  // "Sullivan told CNN on Sunday" / "said Monday"
  { match: new RegExp(`\\b(?:on |last )?(${WEEKDAYS.join('|')})\\b`, 'i'), rule: 'weekday', example: 'Sullivan told CNN on Sunday.',
    resolve: (m, ref) => ({ date: onOrBefore(WEEKDAYS.indexOf(m[1].toLowerCase()), subDays(ref, /^last/i.test(m[0]) ? 7 : 0)), precision: 'day' }) },
  // "on Feb. 24", "Sept. 3, 2019"
  { match: new RegExp(`\\b(${MONTHS})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`), rule: 'month-day', example: 'The talks began on Feb. 24.', resolve: monthDay },
  { match: /\byesterday\b/i, rule: 'yesterday', example: 'The minister said yesterday that ...', resolve: (_m, ref) => ({ date: subDays(ref, 1), precision: 'day' }) },
  { match: /\b(today|this morning|tonight|this afternoon)\b/i, rule: 'today', example: 'She told reporters today.', resolve: (_m, ref) => ({ date: ref, precision: 'day' }) },
  { match: /\blast week\b/i, rule: 'last-week', example: 'He said last week that ...', resolve: (_m, ref) => ({ date: subWeeks(ref, 1), precision: 'week' }) },
  { match: /\bearlier this (week|month)\b/i, rule: 'earlier-this', example: 'said earlier this month', resolve: (m, ref) => ({ date: ref, precision: m[1].toLowerCase() as DatePrecision }) },
  { match: /\blast month\b/i, rule: 'last-month', example: 'said last month', resolve: (_m, ref) => ({ date: subMonths(ref, 1), precision: 'month' }) },
  // "in a 2019 interview"
  { match: /\bin (?:a|an|his|her|their) ((?:19|20)\d\d) (?:interview|speech|statement|op-ed|book|memo|letter|post)\b/i, rule: 'year-of', example: 'she said in a 2019 interview', resolve: (m) => ({ date: new Date(Number(m[1]), 0, 1), precision: 'year' }) },
]

/** The first date phrase in a stretch of text (offsets relative to `base`), resolved against `published`. */
export function findDate(text: string, base: number, published: string | null): StatementDate | null {
  const ref = published ? parse(published, 'yyyy-MM-dd', new Date()) : null
  let best: StatementDate | null = null
  for (const r of DATE_RULES) {
    const m = r.match.exec(text)
    if (!m || (best && best.start <= base + m.index)) continue
    const resolved = ref && isValid(ref) ? r.resolve(m, ref) : { date: null, precision: 'day' as const }
    best = { date: resolved.date ? iso(resolved.date) : null, precision: resolved.precision, text: m[0], start: base + m.index }
  }
  return best
}
