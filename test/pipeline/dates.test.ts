// Date phrases resolved against the published date with a news past bias. A week is given by its Monday,
// a month by its 1st, a year by Jan. 1; the precision says which.
import { expect } from 'chai'
import { findDate } from '../../src/pipeline/dates.js'
import { extract } from '../../src/pipeline/extract.js'

type Row = [phrase: string, date: string | null, precision: string | null, text?: string]

// Published Tuesday 2022-03-15.
const TABLE: Row[] = [
  // day
  ['Sullivan told CNN on Sunday', '2022-03-13', 'day', 'on Sunday'],
  ['the Kremlin said Monday', '2022-03-14', 'day', 'Monday'],
  ['he said Monday night', '2022-03-14', 'day', 'Monday night'],
  ['said on Tuesday', '2022-03-15', 'day'],
  ['said this Tuesday', '2022-03-15', 'day', 'this Tuesday'],
  ['said on Wednesday', '2022-03-09', 'day'],
  ['said last Friday', '2022-03-11', 'day', 'last Friday'],
  ['told reporters last Monday', '2022-03-07', 'day'],
  ["said in Monday's interview", '2022-03-14', 'day', 'Monday'],
  ['The talks began on Feb. 24', '2022-02-24', 'day', 'on Feb. 24'],
  ['Peskov said Jan. 12', '2022-01-12', 'day', 'Jan. 12'],
  ['on Aug. 9', '2021-08-09', 'day'],
  ['on Sept. 3', '2021-09-03', 'day', 'on Sept. 3'],
  ['on Sept 3', '2021-09-03', 'day'],
  ['on Oct. 1', '2021-10-01', 'day'],
  ['on Nov. 30', '2021-11-30', 'day'],
  ['on Dec. 7', '2021-12-07', 'day'],
  ['she wrote on March 1, 2019', '2019-03-01', 'day', 'on March 1, 2019'],
  ['said on 24 February', '2022-02-24', 'day', 'on 24 February'],
  ['a statement dated 2019-03-01', '2019-03-01', 'day', '2019-03-01'],
  ['yesterday', '2022-03-14', 'day'],
  ['today', '2022-03-15', 'day'],
  ['tonight', '2022-03-15', 'day'],
  ['said this morning', '2022-03-15', 'day', 'this morning'],
  ['said last night', '2022-03-14', 'day', 'last night'],
  ['3 days ago', '2022-03-12', 'day'],
  ['said on Feb. 30', null, null, 'on Feb. 30'],
  // week
  ['officials said over the weekend', '2022-03-07', 'week', 'over the weekend'],
  ['last week', '2022-03-07', 'week'],
  ['this week', '2022-03-14', 'week'],
  ['said earlier this week', '2022-03-14', 'week', 'earlier this week'],
  ['two weeks ago', '2022-02-28', 'week'],
  // month
  ['said earlier this month', '2022-03-01', 'month', 'earlier this month'],
  ['last month', '2022-02-01', 'month'],
  ['six months ago', '2021-09-01', 'month'],
  ['He said in March that', '2022-03-01', 'month', 'in March'],
  ['He said in April that', '2021-04-01', 'month', 'in April'],
  ['told the committee in March 2019', '2019-03-01', 'month', 'in March 2019'],
  ['as he said last March', '2021-03-01', 'month', 'last March'],
  // year
  ['she wrote in 2019', '2019-01-01', 'year', 'in 2019'],
  ['Trump said in a 2019 interview', '2019-01-01', 'year', 'in a 2019 interview'],
  ['the company said last year', '2021-01-01', 'year', 'last year'],
  ['said earlier this year', '2022-01-01', 'year', 'earlier this year'],
  ['this year', '2022-01-01', 'year'],
  ['two years ago', '2020-01-01', 'year'],
  // nothing, or nothing in the past
  ['after the vote', null, null],
  ['next week', null, null],
  ['will decide next Monday', null, null],
  ['later this week', null, null],
  ['tomorrow', null, null],
  ['in two weeks', null, null],
  ['on March 20, 2022', null, null],
  ['in 2025', null, null],
  ['recently', null, null],
  ['a few days ago', null, null],
  // A decade is no precision we have, and in a frame it dates what was done, not the saying.
  ['in the 1990s', null, null],
  ['on Super Tuesday', null, null],
  ['told USA Today', null, null],
  ['she may 5 times', null, null],
]

// Published Monday 2022-01-03: the past bias crosses the year.
const NEW_YEAR: Row[] = [
  ['on Dec. 30', '2021-12-30', 'day'],
  ['on Jan. 2', '2022-01-02', 'day'],
  ['told CNN on Sunday', '2022-01-02', 'day'],
  ['said last Friday', '2021-12-31', 'day'],
  ['said on Wednesday', '2021-12-29', 'day'],
  ['in December', '2021-12-01', 'month'],
  ['last month', '2021-12-01', 'month'],
  ['last week', '2021-12-27', 'week'],
  ['last year', '2021-01-01', 'year'],
  ['earlier this year', '2022-01-01', 'year'],
]

function check(rows: Row[], published: string) {
  for (const [phrase, date, precision, text] of rows) {
    it(`${phrase} → ${date ?? 'nothing'}`, () => {
      const found = findDate(phrase, 0, published)
      expect(found?.date ?? null).to.equal(date)
      expect(found?.precision ?? null).to.equal(precision)
      if (text) expect(found?.text).to.equal(text)
      else if (date) expect(phrase).to.include(found?.text)
    })
  }
}

describe('findDate', () => {
  describe('published Tuesday 2022-03-15', () => check(TABLE, '2022-03-15'))
  describe('published Monday 2022-01-03', () => check(NEW_YEAR, '2022-01-03'))

  it('gives the phrase but no date when the published date is unknown', () => {
    expect(findDate('said on Monday', 0, null)).to.deep.equal({ date: null, precision: null, text: 'on Monday', start: 5 })
  })

  it('counts offsets from the base it is given', () => {
    expect(findDate('said on Monday', 100, '2022-03-15')?.start).to.equal(105)
  })

  it('takes the phrase nearest the cue', () => {
    const text = 'After talks in Rome on Monday, Sullivan told CNN on Sunday'
    const cue = { start: text.indexOf('told'), end: text.indexOf('told') + 4, text: 'told' }
    expect(findDate(text, 0, '2022-03-15', cue)).to.include({ date: '2022-03-13', text: 'on Sunday' })
    expect(findDate(text, 0, '2022-03-15')).to.include({ date: '2022-03-14', text: 'on Monday' })
  })
})

// Through the whole pipeline. Published Wednesday 2024-03-13.
const PIPELINE: Array<
  [text: string, published: string | null, speaker: string, date: string | null, precision: string | null, dateText: string | null]
> = [
  ['Mayor Ana Ruiz said on Monday that the bridge was unsafe.', '2024-03-13', 'Ana Ruiz', '2024-03-11', 'day', 'on Monday'],
  ['"We cannot wait another winter," Ruiz told reporters last week.', '2024-03-13', 'Ruiz', '2024-03-04', 'week', 'last week'],
  ['Omar Bell said in March that the bridge was safe.', '2024-01-03', 'Omar Bell', '2023-03-01', 'month', 'in March'],
  [
    'In a 2019 interview, Omar Bell said the company had warned the city.',
    '2024-03-13',
    'Omar Bell',
    '2019-01-01',
    'year',
    'In a 2019 interview',
  ],
  // The relative clause's date is the inspection's, not the saying's.
  [
    'Omar Bell, who inspected the bridge in 2019, said on Tuesday that it was safe.',
    '2024-03-13',
    'Omar Bell',
    '2024-03-12',
    'day',
    'on Tuesday',
  ],
  ['Omar Bell, who inspected the bridge in 2019, said it was safe.', '2024-03-13', 'Omar Bell', null, null, null],
  ['Ruiz said the council would vote next week.', '2024-03-13', 'Ruiz', null, null, null],
  ['Ruiz recently said the bridge was unsafe.', '2024-03-13', 'Ruiz', null, null, null],
  ['Mayor Ana Ruiz said on Monday that the bridge was unsafe.', null, 'Ana Ruiz', null, null, 'on Monday'],
  // "The day before" counts from the statement before it.
  [
    'Mayor Ana Ruiz said on Monday that the bridge was unsafe. Omar Bell said the day before that it was safe.',
    '2024-03-13',
    'Omar Bell',
    '2024-03-10',
    'day',
    'the day before',
  ],
]

describe('statement dates through extract', () => {
  for (const [text, published, speaker, date, datePrecision, dateText] of PIPELINE) {
    it(`${text} (${published ?? 'undated'}) → ${date ?? 'no date'}`, () => {
      const statement = extract({ text, published }).statements.find((s) => s.speaker?.name === speaker)
      expect(statement, `a statement by ${speaker}`).to.not.equal(undefined)
      expect({ date: statement?.date, datePrecision: statement?.datePrecision, dateText: statement?.dateText }).to.deep.equal({
        date,
        datePrecision,
        dateText,
      })
    })
  }
})
