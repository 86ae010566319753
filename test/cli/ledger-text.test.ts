// The ledger printed to a terminal: text from articles and from whoever ingested them carries no line break
// and no control code (an escape sequence could rewrite what the reader's terminal shows).
import { expect } from 'chai'
import { ledgerText } from '../../src/cli/ledger-text.js'
import type { ClaimSummary, ClaimVoice } from '../../src/store/views.js'

const ESC = '\u001b'
const voice = (fields: Partial<ClaimVoice>): ClaimVoice => ({
  speakerId: 's',
  name: 'Ana Ruiz',
  type: 'person',
  role: null,
  statementId: 'a:s1',
  date: '2024-03-12',
  outlet: 'Courier',
  articleId: 'a',
  ...fields,
})

function summary(asserted: ClaimVoice[], denied: ClaimVoice[] = []): ClaimSummary {
  return {
    claim: { id: 'a:c1', text: 'The bridge is unsafe', statementIds: [], review: null },
    asserted,
    denied,
    declined: [],
    statementCount: asserted.length + denied.length,
    articleCount: 1,
    anonymousSupport: 0,
    firstDate: '2024-03-12',
    latestDate: '2024-03-12',
    first: null,
    latest: null,
  }
}

describe('the ledger as terminal text', () => {
  const hostile: Array<[string, Partial<ClaimVoice>]> = [
    ['a speaker name', { name: `Ana${ESC}[2J${ESC}[31mRuiz` }],
    ['a role', { role: `mayor\r\n${ESC}]0;owned\u0007` }],
    ['an outlet', { outlet: `Courier${ESC}[8m` }],
    ['an article id', { articleId: `a\u009b31m` }],
  ]
  for (const [what, fields] of hostile) {
    it(`prints ${what} with its control codes and line breaks taken out`, () => {
      const text = ledgerText(summary([voice(fields)]))
      // eslint-disable-next-line no-control-regex
      expect(text).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
      expect(text.split('\n')).to.have.length(3)
    })
  }

  it('prints names, roles and outlets without bidi controls or invisible characters', () => {
    const text = ledgerText(summary([voice({ name: 'Ana \u202EzuiR\u202C', role: 'ma\u200Byor\u2066', outlet: 'Cou\u061Crier\uFEFF' })]))
    expect(text).not.to.match(/[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/)
    expect(text).to.include('asserted Ana zuiR [person], mayor — 2024-03-12 · Courier · article a')
  })

  it('prints a plain ledger as it is', () => {
    expect(ledgerText(summary([voice({ role: 'mayor' })], [voice({ name: 'Halden Works', type: 'organization', outlet: null })]))).to.equal(
      [
        'a:c1  "The bridge is unsafe"',
        '  2 statements in 1 article, 2024-03-12',
        '  asserted Ana Ruiz [person], mayor — 2024-03-12 · Courier · article a',
        '  denied   Halden Works [organization] — 2024-03-12 · article a',
      ].join('\n'),
    )
  })
})
