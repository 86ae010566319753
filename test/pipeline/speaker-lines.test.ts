// Speaker lines: a paragraph that opens "Name:" is that name's — headlines and transcripts — while the
// page furniture that also opens with a colon ("The Latest:", "Update:", "Q:") gives nobody anything.
// Invented news-style lines.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'

const TABLE: Array<{ text: string; speaker: string; content: string }> = [
  {
    // a headline
    text: 'Hale: Council vote on the stadium was rigged from the start.\n\nThe councilwoman spoke on Friday.',
    speaker: 'Hale',
    content: 'Council vote on the stadium was rigged from the start',
  },
  {
    // a transcript turn, the name in capitals, running to the paragraph's end
    text: 'The debate went on.\n\nMORALES: Well, look, the budget is a mess. Nobody in this room denies that.\n\nIt ended at ten.',
    speaker: 'MORALES',
    content: 'Well, look, the budget is a mess. Nobody in this room denies that',
  },
  {
    // a two-word name
    text: 'Ana Ruiz: Nobody in this town will be left behind\n\nThe mayor spoke on Friday.',
    speaker: 'Ana Ruiz',
    content: 'Nobody in this town will be left behind',
  },
]

const NOTHING: string[] = [
  'The Latest: Storm closes three bridges across the bay\n\nCrews worked overnight.',
  'Update: This story has been updated with new figures.',
  'Q: What happened that night in the harbor?',
  'Contributing: Ana Ruiz in the Chicago bureau and Tom Hale.',
  'The plan had three parts: a levy, a loan and a lottery.',
]

describe('extract: speaker lines', () => {
  for (const row of TABLE) {
    it(row.text.slice(0, 70), () => {
      const found = extract({ text: row.text }).statements
      const s = found.find((x) => x.rule === 'speaker-line')
      expect(s, JSON.stringify(found.map((x) => [x.speaker?.name, x.content.map((c) => c.text), x.rule]))).to.exist
      expect(s!.speaker?.name).to.equal(row.speaker)
      expect(s!.content.map((c) => c.text).join(' ')).to.equal(row.content)
    })
  }
  for (const text of NOTHING) {
    it(`gives nobody the line: ${text.slice(0, 60)}`, () => {
      expect(extract({ text }).statements.filter((s) => s.rule === 'speaker-line')).to.deep.equal([])
    })
  }
})
