// A statement's date as the page shows it: no more precise than the text was. "In March" is March 2022, not
// 2022-03-01, and the <time> element says so in HTML's own month, week and year forms.
import { format, parse } from 'date-fns'
import type { DatePrecision } from '../pipeline/types.js'
import { DAY_FORMAT } from '../text/day.js'

export interface When {
  datetime: string
  label: string
}

const FORMS: Record<DatePrecision, { datetime: string; label: string }> = {
  day: { datetime: DAY_FORMAT, label: DAY_FORMAT },
  week: { datetime: "RRRR-'W'II", label: "'week of' yyyy-MM-dd" },
  month: { datetime: 'yyyy-MM', label: 'MMMM yyyy' },
  year: { datetime: 'yyyy', label: 'yyyy' },
}

/** Null when there is no date; a date stored without a precision is shown as the day it names. */
export function whenSaid(date: string | null, precision: DatePrecision | null): When | null {
  if (!date) return null
  const day = parse(date, DAY_FORMAT, new Date())
  const form = FORMS[precision ?? 'day']
  return { datetime: format(day, form.datetime), label: format(day, form.label) }
}
