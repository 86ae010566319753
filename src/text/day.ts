// The one day format claimtrail reads and writes: yyyy-MM-dd, a real day of the calendar. Every surface (page
// filters, the API, the CLI's --date, article lines) checks a day here, so none accepts 2024-02-30 while
// another refuses it. Deep imports: the date-fns index loads every function (~0.25 s), and every command
// parses options.
import { isValid } from 'date-fns/isValid'
import { parseISO } from 'date-fns/parseISO'
import { InvalidInputError } from '../errors.js'

/** The day as date-fns formats and parses it. */
export const DAY_FORMAT = 'yyyy-MM-dd'

/** yyyy-MM-dd and a real day: "2022-02-30" is no day, rather than rolled over into March. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value))
}

/** The day as given, or an InvalidInputError naming `where` and what to write instead. */
export function parseDate(value: string, where = '--date'): string {
  if (!isDay(value)) throw new InvalidInputError(`${where} "${value}" is not a date: write it as yyyy-MM-dd, e.g. 2022-03-15.`)
  return value
}
