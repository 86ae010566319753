// Date phrases as data: what a phrase matches and how it resolves against the article's published date.
// A period (week, month, year) resolves to its first day: the Monday of an ISO week, the 1st, Jan. 1.
import {
  addDays,
  type Day,
  isAfter,
  isBefore,
  isValid,
  parse,
  previousDay,
  setDay,
  setMonth,
  startOfMonth,
  startOfWeek,
  startOfYear,
  subDays,
  subMonths,
  subWeeks,
  subYears,
} from 'date-fns'
import { DAY_FORMAT } from '../../text/day.js'
import type { DatePrecision } from '../types.js'

export interface DateAt {
  published: Date
  /** The date of the statement before, at day precision: what "the day before" counts from. */
  anchor: Date | null
}

export interface Resolved {
  date: Date | null
  precision: DatePrecision
}

export interface DateRule {
  /** Global: every occurrence in the frame is a candidate. */
  match: RegExp
  rule: string
  /** Absent for phrases that date nothing in the past: the future ("next week") or nothing precise ("recently"). */
  resolve?: (m: RegExpExecArray, at: DateAt) => Resolved
}

const WEEK = { weekStartsOn: 1 } as const
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const WEEKDAY_WORDS = WEEKDAYS.join('|')
const WEEKDAY = `(${WEEKDAY_WORDS})`
// Named days are not the weekday before publication: "on Super Tuesday", "Black Friday sales".
const NOT_NAMED = '(?<!(?:Black|Cyber|Good|Easter|Palm|Super|Ash|Holy|Bloody|Fat|Giving) )'
// AP style abbreviates Jan., Feb., Aug., Sept., Oct., Nov., Dec.; the rest are written out. Case matters: "may".
const MONTH =
  '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)(?![a-z])'
const YEAR = '((?:19|20)\\d\\d)'
const COUNT = '(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)'
const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
const SAID_IN =
  'interview|speech|statement|op-ed|book|memo|letter|post|tweet|press conference|news conference|testimony|report|address|briefing|hearing|podcast|video|email|documentary'

const weekday = (word: string) => WEEKDAYS.indexOf(word.toLowerCase()) as Day
const monthOf = (word: string) =>
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(word.slice(0, 3).toLowerCase())
const count = (word: string) => (/^\d+$/.test(word) ? Number(word) : /^an?$/i.test(word) ? 1 : COUNT_WORDS.indexOf(word.toLowerCase()))
const day = (date: Date | null): Resolved => ({ date, precision: 'day' })
const week = (date: Date): Resolved => ({ date: startOfWeek(date, WEEK), precision: 'week' })
const month = (date: Date): Resolved => ({ date: startOfMonth(date), precision: 'month' })
const year = (date: Date): Resolved => ({ date: startOfYear(date), precision: 'year' })

/** The latest such weekday on or before `ref`: news speaks of the past week by weekday names. */
function onOrBefore(weekdayIndex: Day, ref: Date): Date {
  return ref.getDay() === weekdayIndex ? ref : previousDay(ref, weekdayIndex)
}

/** A calendar date as written; with no year, the latest one on or before publication. */
function calendarDay(monthWord: string, dayOfMonth: string, yearWritten: string | undefined, ref: Date): Resolved {
  const at = (y: number) => parse(`${y}-${monthOf(monthWord) + 1}-${dayOfMonth}`, 'yyyy-M-d', ref)
  const written = at(yearWritten ? Number(yearWritten) : ref.getFullYear())
  if (yearWritten || !isAfter(written, ref)) return day(isValid(written) ? written : null)
  const before = at(ref.getFullYear() - 1)
  return day(isValid(before) ? before : null)
}

/** "in March": the latest March on or before publication. */
function latestMonth(monthWord: string, ref: Date): Date {
  const inYear = setMonth(startOfMonth(ref), monthOf(monthWord))
  return isAfter(inYear, ref) ? subYears(inYear, 1) : inYear
}

const WHEN = (pattern: string, flags = 'gi') => new RegExp(pattern, flags)

export const DATE_RULES: DateRule[] = [
  // Peskov told reporters last Friday that … (the Friday of the week before publication)
  {
    match: WHEN(`\\blast ${WEEKDAY}(?: (?:morning|afternoon|evening|night))?\\b`),
    rule: 'last-weekday',
    resolve: (m, at) => day(setDay(subWeeks(at.published, 1), weekday(m[1]), WEEK)),
  },
  // "We are watching closely," Sullivan told CNN on Sunday. / said Monday night / this Tuesday
  {
    match: WHEN(`\\b(?:on |this (?:past )?)?${NOT_NAMED}${WEEKDAY}(?: (?:morning|afternoon|evening|night))?\\b`),
    rule: 'weekday',
    resolve: (m, at) => day(onOrBefore(weekday(m[1]), at.published)),
  },
  // The talks began on Feb. 24. / said on Sept. 3, 2019
  {
    match: WHEN(`\\b(?:[Oo]n )?${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+${YEAR}\\b)?`, 'g'),
    rule: 'month-day',
    resolve: (m, at) => calendarDay(m[1], m[2], m[3], at.published),
  },
  // the minister said on 24 February 2022
  {
    match: WHEN(`\\b(?:[Oo]n )?(?:the )?(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH}(?:,?\\s+${YEAR}\\b)?`, 'g'),
    rule: 'day-month',
    resolve: (m, at) => calendarDay(m[2], m[1], m[3], at.published),
  },
  // a statement dated 2019-03-01
  {
    match: WHEN(`\\b${YEAR}-(\\d\\d)-(\\d\\d)\\b`, 'g'),
    rule: 'iso-date',
    resolve: (m, at) => {
      const d = parse(m[0], DAY_FORMAT, at.published)
      return day(isValid(d) ? d : null)
    },
  },
  // she told the committee in March 2019 / in early March 2019
  {
    match: WHEN(`\\b(?:[Ii]n )?(?:early |late |mid-)?${MONTH},?\\s+${YEAR}\\b`, 'g'),
    rule: 'month-year',
    resolve: (m, at) => month(setMonth(parse(m[2], 'yyyy', at.published), monthOf(m[1]))),
  },
  // He said in March that … (the latest March on or before publication)
  {
    match: WHEN(`\\b[Ii]n (?:early |late |mid-)?${MONTH}(?!\\s*\\d)`, 'g'),
    rule: 'in-month',
    resolve: (m, at) => month(latestMonth(m[1], at.published)),
  },
  // as he said last March (the March before the month of publication)
  {
    match: WHEN(`\\b[Ll]ast ${MONTH}(?!\\s*\\d)`, 'g'),
    rule: 'last-month-name',
    resolve: (m, at) => {
      const d = latestMonth(m[1], at.published)
      return month(isBefore(d, startOfMonth(at.published)) ? d : subYears(d, 1))
    },
  },
  // Trump said in a 2019 interview with Fox News …
  {
    match: WHEN(`\\b(?:in|during|at) (?:a|an|his|her|their|its|the) ${YEAR} (?:${SAID_IN})\\b`),
    rule: 'year-of',
    resolve: (m, at) => year(parse(m[1], 'yyyy', at.published)),
  },
  // she wrote in 2019 / in late 2019
  { match: WHEN(`\\bin (?:early |late |mid-)?${YEAR}\\b`), rule: 'in-year', resolve: (m, at) => year(parse(m[1], 'yyyy', at.published)) },
  // the company said last year
  { match: WHEN('\\blast year\\b'), rule: 'last-year', resolve: (_m, at) => year(subYears(at.published, 1)) },
  // as the minister said earlier this year
  { match: WHEN('\\b(?:earlier |so far )?this year\\b'), rule: 'this-year', resolve: (_m, at) => year(at.published) },
  // The minister said yesterday that …
  { match: WHEN('\\byesterday\\b'), rule: 'yesterday', resolve: (_m, at) => day(subDays(at.published, 1)) },
  // She told reporters today / this morning / tonight — but "told USA Today", "Russia Today" are names.
  {
    match: WHEN(
      '\\b(?:(?:[Ee]arlier )?(?:today|tonight|this (?:morning|afternoon|evening))|(?<!\\b[A-Z][\\w.]*\\w )(?:Earlier today|Today|Tonight|This (?:morning|afternoon|evening)))\\b',
      'g',
    ),
    rule: 'today',
    resolve: (_m, at) => day(at.published),
  },
  // the senator said last night
  { match: WHEN('\\blast night\\b'), rule: 'last-night', resolve: (_m, at) => day(subDays(at.published, 1)) },
  // officials said over the weekend (the latest weekend begun by publication)
  {
    match: WHEN('\\b(?:over|during|at) the weekend\\b|\\bthis past weekend\\b'),
    rule: 'weekend',
    resolve: (_m, at) => week(onOrBefore(6, at.published)),
  },
  // … said last weekend (the weekend before that one)
  { match: WHEN('\\blast weekend\\b'), rule: 'last-weekend', resolve: (_m, at) => week(onOrBefore(6, subDays(at.published, 2))) },
  // He said last week that …
  { match: WHEN('\\blast week\\b'), rule: 'last-week', resolve: (_m, at) => week(subWeeks(at.published, 1)) },
  // said earlier this week / this week
  { match: WHEN('\\b(?:earlier )?this week\\b'), rule: 'this-week', resolve: (_m, at) => week(at.published) },
  // said earlier this month
  { match: WHEN('\\b(?:earlier )?this month\\b'), rule: 'this-month', resolve: (_m, at) => month(at.published) },
  // said last month
  { match: WHEN('\\blast month\\b'), rule: 'last-month', resolve: (_m, at) => month(subMonths(at.published, 1)) },
  // told the BBC two weeks ago / 3 days ago
  {
    match: WHEN(`\\b${COUNT} (day|week|month|year)s? ago\\b`),
    rule: 'ago',
    resolve: (m, at) => {
      const n = count(m[1])
      const unit = m[2].toLowerCase()
      if (unit === 'day') return day(subDays(at.published, n))
      if (unit === 'week') return week(subWeeks(at.published, n))
      return unit === 'month' ? month(subMonths(at.published, n)) : year(subYears(at.published, n))
    },
  },
  // Zhao said Monday … Peskov had said the day before. (counted from the statement before; not "the day before the vote")
  {
    match: WHEN('\\b(?:the day before|the previous day|a day earlier)(?=\\s*(?:[,.;:!?)"”\u2014\u2013]|that\\b|$))'),
    rule: 'day-before',
    resolve: (_m, at) => day(at.anchor && subDays(at.anchor, 1)),
  },
  // … and repeated it the next day.
  {
    match: WHEN('\\b(?:the next day|the following day|a day later)(?=\\s*(?:[,.;:!?)"”\u2014\u2013]|that\\b|$))'),
    rule: 'day-after',
    resolve: (_m, at) => day(at.anchor && addDays(at.anchor, 1)),
  },
  // The ministry will respond next week. / said it would decide later this month
  {
    match: WHEN(
      `\\b(?:tomorrow|next (?:week|weekend|month|year|${WEEKDAY_WORDS})|this coming (?:week|weekend|${WEEKDAY_WORDS})|later (?:today|tonight|this (?:morning|afternoon|evening|week|month|year))|in the coming (?:days|weeks|months|years)|in ${COUNT} (?:day|week|month|year)s?)\\b(?! ago)`,
    ),
    rule: 'future',
  },
  // He recently told CNN … / in the 1990s: nothing a date can be given for
  {
    match: WHEN(
      '\\b(?:recently|lately|in recent (?:days|weeks|months|years)|(?:a few|a couple of|several|some) (?:days|weeks|months|years) ago|in the (?:early |mid-|late )?(?:19|20)\\d0s)\\b',
    ),
    rule: 'vague',
  },
]
