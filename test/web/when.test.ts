// A statement's date on the page is no more precise than the text that gave it.
import { expect } from 'chai'
import { whenSaid } from '../../src/web/when.js'

const TABLE: Array<[string | null, Parameters<typeof whenSaid>[1], ReturnType<typeof whenSaid>]> = [
  ['2022-03-13', 'day', { datetime: '2022-03-13', label: '2022-03-13' }],
  ['2022-03-07', 'week', { datetime: '2022-W10', label: 'week of 2022-03-07' }],
  ['2022-03-01', 'month', { datetime: '2022-03', label: 'March 2022' }],
  ['2019-01-01', 'year', { datetime: '2019', label: '2019' }],
  // Stored before dates had a precision.
  ['2022-03-13', null, { datetime: '2022-03-13', label: '2022-03-13' }],
  [null, null, null],
]

describe('whenSaid', () => {
  for (const [date, precision, shown] of TABLE) {
    it(`${date} at ${precision} → ${shown?.label ?? 'nothing'}`, () => expect(whenSaid(date, precision)).to.deep.equal(shown))
  }
})
