// The statements table as a spreadsheet will read it: BOM, header, RFC 4180 quoting, no live formulas.

import { PassThrough } from 'node:stream'
import { expect } from 'chai'
import { STATEMENT_COLUMNS, statementsCsv, writeStatementsCsv } from '../../src/export/csv.js'
import { exportData } from '../../src/export/json.js'
import type { Statement } from '../../src/pipeline/types.js'
import type { Store } from '../../src/store/store.js'
import { council, councilExtraction, span } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'

const HEADER =
  'statement_id,claim_id,claim_text,speaker,speaker_type,role,stance,kind,cue,content,sentence,statement_date,date_precision,date_text,article_title,outlet,published,url,link'

// Payroll fraud story whose quoted words look like spreadsheet formulas: exactly what a CSV must not execute.
const payrollText = `County payroll figures altered, auditor says

The auditor said an intruder typed =HYPERLINK("http://evil.example/x","Pay") into the name field.
She said the totals then read +1 and -2, and that one cell held @SUM(A1:A9).
The county would audit every account
before the next payday, she said.
`
const auditor = { name: 'Dana Okafor', type: 'person' as const, role: 'county auditor', mention: span(payrollText, 'The auditor') }
function said(content: string, cue = span(payrollText, 'said')): Statement {
  return {
    kind: 'indirect',
    stance: 'assert',
    content: [span(payrollText, content)],
    cue,
    speaker: auditor,
    via: null,
    date: null,
    datePrecision: null,
    dateText: null,
    claim: 'c1',
    link: { how: 'new', confidence: 1 },
    confidence: 0.8,
    rule: 'hand-made',
  }
}

describe('statements CSV', () => {
  let temp: TempFolder
  let store: Store
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open(temp.path('claimtrail.json'))
  })
  afterEach(() => temp.remove())

  it('starts with the UTF-8 BOM bytes, then the header, records ending in CRLF', async () => {
    await store.addArticle(council, councilExtraction)
    const bytes = await statementsCsv(exportData(store.tables()))
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text.startsWith(`${HEADER}\r\n`)).to.equal(true)
    expect(STATEMENT_COLUMNS.join(',')).to.equal(HEADER)
    expect(text.endsWith('\r\n')).to.equal(true)
  })

  it('gives one row per statement, with the article and claim beside it', async () => {
    const { articleId } = await store.addArticle(council, councilExtraction)
    const text = (await statementsCsv(exportData(store.tables()))).toString('utf8')
    expect(text).to.contain(
      `\r\n${articleId}:s2,${articleId}:c2,The closure could last two years,Transport officials,anonymous,,assert,indirect,said,the closure could last two years,,,,,Council votes to close Elm Street bridge,Riverside Courier,2024-03-12,https://courier.example/bridge,/claims/${articleId}%3Ac2#statement-${articleId}:s2\r\n`,
    )
    expect(text.split('\r\n').filter((line) => line.startsWith(`${articleId}:s`))).to.have.length(4)
  })

  it('quotes commas, doubles quotation marks and keeps line breaks inside one quoted field (RFC 4180)', async () => {
    const { articleId } = await store.addArticle(council, councilExtraction)
    const text = (await statementsCsv(exportData(store.tables()))).toString('utf8')
    // Omar Bell's quote runs over a paragraph break and opens with a quotation mark after it.
    expect(text).to.contain(`,said,"We warned them in 2019, … Nobody listened.\n""Now they blame us for the delay.",`)
    expect(text).to.contain(
      `${articleId}:s1,${articleId}:c1,The Elm Street bridge is unsafe,Ana Ruiz,person,Mayor,assert,direct,said,"The bridge is no longer safe for heavy traffic, … We cannot wait another winter.",,2024-03-11,day,on Monday,`,
    )
  })

  it('gives each row the sentences its statement came from, on one line, when the texts are at hand', async () => {
    await store.addArticle(council, councilExtraction)
    const text = (await statementsCsv(exportData(store.tables()), { textOf: (id) => store.article(id)?.text })).toString('utf8')
    expect(text).to.contain(',said,the closure could last two years,Transport officials said the closure could last two years.,,,,Council')
    // Omar Bell's quote runs over a paragraph break: its sentences are one line, the break a space.
    expect(text).to.contain(
      ',"""We warned them in 2019,"" its director, Omar Bell, said. ""Nobody listened. ""Now they blame us for the delay.""",',
    )
  })

  it('leaves the sentence empty for an article whose text is not at hand', async () => {
    const { articleId } = await store.addArticle(council, councilExtraction)
    const text = (await statementsCsv(exportData(store.tables()), { textOf: () => undefined })).toString('utf8')
    expect(text).to.contain(
      `${articleId}:s2,${articleId}:c2,The closure could last two years,Transport officials,anonymous,,assert,indirect,said,the closure could last two years,,`,
    )
  })

  it('quotes a field whose only special character is a line break (hard-wrapped scraped text)', async () => {
    const wrapped = said(
      'The county would audit every account\nbefore the next payday',
      span(payrollText, 'said', payrollText.indexOf('payday')),
    )
    await store.addArticle({ text: payrollText }, { claims: [{ id: 'c1', text: 'Every account will be audited' }], statements: [wrapped] })
    const text = (await statementsCsv(exportData(store.tables()))).toString('utf8')
    expect(text).to.contain(',said,"The county would audit every account\nbefore the next payday",')
  })

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const contents = ['=HYPERLINK("http://evil.example/x","Pay")', '+1', '-2', '@SUM(A1:A9)']
    await store.addArticle(
      { text: payrollText },
      { claims: [{ id: 'c1', text: '=1+1' }], statements: contents.map((content) => said(content)) },
    )
    const text = (await statementsCsv(exportData(store.tables()))).toString('utf8')
    expect(text).to.contain(`,"'=HYPERLINK(""http://evil.example/x"",""Pay"")",`)
    expect(text).to.contain(",said,'+1,")
    expect(text).to.contain(",said,'-2,")
    expect(text).to.contain(",said,'@SUM(A1:A9),")
    expect(text).to.contain(",'=1+1,")
    expect(text).not.to.match(/,[=+\-@]/)
  })

  it('keeps only the statements asked for', async () => {
    const { articleId } = await store.addArticle(council, councilExtraction)
    const text = (await statementsCsv(exportData(store.tables()), { only: (s) => s.claim === `${articleId}:c1` })).toString('utf8')
    expect(
      text
        .split('\r\n')
        .filter((line) => line.startsWith(articleId))
        .map((line) => line.split(',')[0]),
    ).to.deep.equal([`${articleId}:s1`, `${articleId}:s3`])
  })

  it('gives the header alone for an empty store', async () => {
    expect((await statementsCsv(exportData(store.tables()))).toString('utf8')).to.equal(`\ufeff${HEADER}\r\n`)
  })

  it('streams the same bytes into a writable, ending it unless told not to', async () => {
    await store.addArticle(council, councilExtraction)
    const chunks: Buffer[] = []
    const out = new PassThrough().on('data', (chunk: Buffer) => chunks.push(chunk))
    await writeStatementsCsv(exportData(store.tables()), out, { end: false })
    expect(out.writableEnded).to.equal(false)
    expect(Buffer.concat(chunks).equals(await statementsCsv(exportData(store.tables())))).to.equal(true)
  })
})
