// The day format articles are dated in, yyyy-MM-dd, checked the same way wherever a date is given.
// Deep imports: the date-fns index loads every function (~0.25 s), and every command loads this for --date.
import { isValid } from 'date-fns/isValid'
import { parseISO } from 'date-fns/parseISO'
import { InvalidInputError } from '../errors.js'

/** yyyy-MM-dd and a real day: "2022-02-30" is refused, not rolled over into March. */
export function parseDate(value: string, where = '--date'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value))) {
    throw new InvalidInputError(`${where} "${value}" is not a date: write it as yyyy-MM-dd, e.g. 2022-03-15.`)
  }
  return value
}
