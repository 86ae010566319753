// Every cell of every CSV claimtrail writes is safe to open in a spreadsheet: a cell that would start with
// =, +, -, @, a tab or a carriage return (or their full-width forms) is written with a leading apostrophe, so a
// quote reading =HYPERLINK(…) or a DDE payload stays text. Checked on the files themselves: the statements and
// claims downloads, a speaker's quotes, and `claimtrail export --format csv` for both tables.
import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import request from 'supertest'
import type { ArticleInput } from '../../src/store/schema.js'
import { createApp } from '../../src/web/app.js'
import { claimtrail, ensureBuilt } from '../cli/run.js'
import { spanOf, speakerOf, statementOf, storeWith } from '../web/fixture.js'

// One story whose every field starts like a formula: quotes, names, roles, cues, date phrases, title, outlet.
const TEXT = [
  'Ledger row',
  '+cmd|\' /C calc\'!A0 wrote that =HYPERLINK("http://evil.example/x","Pay") was the total.',
  '@SUM(1) +said the total was -2+3.',
  'A clerk, \uFF1Dagent, =said that \t=1+1 was typed -yesterday.',
  'The board \r=1+1 denied it.',
].join('\n')
const ARTICLE: ArticleInput = {
  id: 'ledger',
  text: TEXT,
  title: '=1+1 Ledger row',
  outlet: '@SUM(2)',
  url: '-2+3',
  published: '2025-04-04',
}
const EXTRACTION = {
  claims: [
    { id: 'c1', text: '=HYPERLINK("http://evil.example/x","Pay")' },
    { id: 'c2', text: '-2+3' },
    { id: 'c3', text: '\t=1+1' },
    { id: 'c4', text: '\uFF20SUM(1)' },
  ],
  statements: [
    statementOf({
      stance: 'assert',
      claim: 'c1',
      content: [spanOf(TEXT, '=HYPERLINK("http://evil.example/x","Pay")')],
      cue: spanOf(TEXT, 'wrote'),
      speaker: speakerOf(TEXT, "+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", 'person', '=role()'),
    }),
    statementOf({
      stance: 'assert',
      claim: 'c2',
      content: [spanOf(TEXT, '-2+3')],
      cue: spanOf(TEXT, '+said'),
      speaker: speakerOf(TEXT, '@SUM(1)', '@SUM(1)', 'organization', '-treasurer'),
    }),
    statementOf({
      stance: 'assert',
      claim: 'c3',
      content: [spanOf(TEXT, '\t=1+1')],
      cue: spanOf(TEXT, '=said'),
      dateText: '-yesterday',
      date: '2025-04-03',
      datePrecision: 'day',
      speaker: speakerOf(TEXT, '\uFF1Dagent', '\uFF1Dagent', 'person', '\r=1+1'),
    }),
    statementOf({
      stance: 'deny',
      claim: 'c4',
      content: [spanOf(TEXT, '\r=1+1')],
      cue: spanOf(TEXT, 'denied'),
      speaker: speakerOf(TEXT, '\uFF0Bboard', 'The board', 'organization'),
    }),
  ],
}

// What a spreadsheet would run: a cell beginning with one of these (csv-stringify's escape_formulas list).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const NUMBER = /^-?\d+(\.\d+)?$/

function cellsOf(csv: string): string[] {
  return (parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][]).flat()
}

function expectFormulaSafe(what: string, csv: string, leastEscaped: number): void {
  const cells = cellsOf(csv)
  const live = cells.filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell))
  expect(live, `${what}: cells a spreadsheet would run`).to.deep.equal([])
  // The hostile values are there, neutralised, not missing.
  expect(cells.filter((cell) => /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell)).length, `${what}: escaped cells`).to.be.at.least(
    leastEscaped,
  )
}

describe('every CSV cell is formula-safe', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  before(async () => {
    fixture = await storeWith([[ARTICLE, EXTRACTION]])
  })
  after(() => fixture?.cleanup())

  it('the statements download', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/export/statements.csv')
      .expect(200)
    expectFormulaSafe('statements.csv', res.text, 30)
  })

  it('the claims download', async () => {
    const res = await request(createApp({ store: fixture.store }))
      .get('/export/claims.csv')
      .expect(200)
    expectFormulaSafe('claims.csv', res.text, 16)
  })

  it("a speaker's quotes", async () => {
    const speaker = (await fixture.store.speakers()).find((s) => s.name === '@SUM(1)')!
    const res = await request(createApp({ store: fixture.store }))
      .get(`/speakers/${encodeURIComponent(speaker.id)}/quotes.csv`)
      .expect(200)
    expectFormulaSafe('quotes.csv', res.text, 8)
  })

  describe('claimtrail export --format csv', () => {
    before(ensureBuilt)
    for (const what of ['statements', 'claims']) {
      it(`--what ${what}`, async () => {
        await fixture.store.flush()
        const run = await claimtrail(['export', '--format', 'csv', '--what', what, '--db', fixture.store.path], { cwd: process.cwd() })
        expect(run.code, run.stderr).to.equal(0)
        expectFormulaSafe(`export --what ${what}`, run.stdout, what === 'claims' ? 16 : 30)
      })
    }
  })
})
