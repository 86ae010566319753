// Every bidi control and invisible format character is dropped from what readers see, one code point at a
// time, and a formula hidden behind one is still caught by the CSV writer's formula check.
import { expect } from 'chai'
import { csvCell } from '../../src/export/csv-table.js'
import { neutral } from '../../src/text/neutral.js'

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))

// The Arabic letter mark; zero-width space, non-joiner, joiner, LRM, RLM; the embeddings and overrides (LRE, RLE,
// PDF, LRO, RLO); word joiner, invisible operators, the isolates (LRI, RLI, FSI, PDI) and the deprecated
// format controls; the zero-width no-break space (a BOM anywhere but a file's start).
const SPOOFING = [0x061c, ...range(0x200b, 0x200f), ...range(0x202a, 0x202e), ...range(0x2060, 0x206f), 0xfeff].map((c) =>
  typeof c === 'number' ? String.fromCodePoint(c) : c,
)

describe('neutral(): bidi controls and invisible characters', () => {
  for (const c of SPOOFING) {
    it(`drops ${hex(c)} from a name and from a CSV cell, and a formula behind it stays text`, () => {
      expect(neutral(`Ana ${c}zuiR${c}`)).to.equal('Ana zuiR')
      expect(csvCell(`Ana ${c}zuiR`)).to.equal('Ana zuiR')
      expect(csvCell(`${c}=HYPERLINK("http://evil.example","x")`)).to.equal(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
      expect(csvCell(`${c}${c}@SUM(A1)`)).to.equal("'@SUM(A1)")
    })
  }

  it('keeps what readers need: letters of every script, spaces, punctuation', () => {
    for (const text of [
      'Ana Ruiz',
      'محمد بن سلمان',
      'בנימין נתניהו',
      'Zhao Lijian 赵立坚',
      'Jean\u00a0Dupont',
      'O\u2019Brien — “quoted”',
    ]) {
      expect(neutral(text), text).to.equal(text)
    }
  })
})
