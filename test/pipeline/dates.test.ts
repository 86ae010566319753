// Date phrases resolved against the published date with a news past bias.
import { expect } from 'chai'
import { findDate } from '../../src/pipeline/dates.js'

// Published Tuesday 2022-03-15.
const TABLE: Array<[string, string | null, string | null]> = [
  ['told CNN on Sunday', '2022-03-13', 'day'],
  ['said Monday', '2022-03-14', 'day'],
  ['said on Tuesday', '2022-03-15', 'day'],
  ['said on Wednesday', '2022-03-09', 'day'],
  ['said last Friday', '2022-03-04', 'day'],
  ['on Feb. 24', '2022-02-24', 'day'],
  ['on Sept. 3', '2021-09-03', 'day'],
  ['on March 1, 2019', '2019-03-01', 'day'],
  ['yesterday', '2022-03-14', 'day'],
  ['today', '2022-03-15', 'day'],
  ['last week', '2022-03-08', 'week'],
  ['earlier this month', '2022-03-15', 'month'],
  ['last month', '2022-02-15', 'month'],
  ['in a 2019 interview', '2019-01-01', 'year'],
  ['after the vote', null, null],
]

describe('findDate', () => {
  for (const [phrase, date, precision] of TABLE) {
    it(`${phrase} → ${date ?? 'nothing'}`, () => {
      const found = findDate(phrase, 0, '2022-03-15')
      expect(found?.date ?? null).to.equal(date)
      expect(found?.precision ?? null).to.equal(precision)
    })
  }
  it('gives the phrase but no date when the published date is unknown', () => {
    expect(findDate('said on Monday', 0, null)).to.include({ date: null, text: 'on Monday' })
  })
})
