import { expect } from 'chai'
import { sourceContext } from '../../src/text/source-context.js'

// Each row: a text, the phrases a statement's spans cover, and the passage the claim page must show.
const cases: Array<[string, string, string[], string]> = [
  [
    'one sentence of several',
    'The pier is old. Ruiz said it will be sold. The board disagreed.',
    ['it will be sold', 'said'],
    'Ruiz said it will be sold.',
  ],
  [
    'a quote ending in its own full stop, then the closing mark',
    'First. "It is sold." Ruiz said so. Later.',
    ['It is sold.'],
    '"It is sold."',
  ],
  [
    "from the earliest span to the end of the latest span's sentence",
    'Before. "It will be sold," Ruiz told the Gazette on Tuesday. "We have no choice." After.',
    ['It will be sold,', 'We have no choice.'],
    '"It will be sold," Ruiz told the Gazette on Tuesday. "We have no choice."',
  ],
  [
    'abbreviations and initials do not end a sentence',
    'Intro. U.S. officials said Sen. J. Smith met Russia on Feb. 24 in Rome. Next.',
    ['met Russia'],
    'U.S. officials said Sen. J. Smith met Russia on Feb. 24 in Rome.',
  ],
  [
    'a question mark inside a quote before a lower-case word goes on',
    'Intro. "Why sell?" she asked the board. Next.',
    ['she'],
    '"Why sell?" she asked the board.',
  ],
  [
    'a line break ends a paragraph even without a full stop',
    'Headline without a stop\nThe board denied it. Next.',
    ['denied'],
    'The board denied it.',
  ],
  [
    'spans over two paragraphs give both',
    'Intro.\n"It is sold.\n"Done," he said. After.',
    ['It is sold.', 'he'],
    '"It is sold.\n"Done," he said.',
  ],
  ['text without any stop: the whole text', 'the board denied it', ['denied'], 'the board denied it'],
]

describe('sourceContext()', () => {
  for (const [name, text, phrases, expected] of cases) {
    it(name, () => {
      const spans = phrases.map((p) => ({ start: text.indexOf(p), end: text.indexOf(p) + p.length }))
      for (const s of spans) expect(s.start, `fixture phrase in "${text}"`).to.be.at.least(0)
      const range = sourceContext(text, spans)
      expect(range && text.slice(range.start, range.end)).to.equal(expected)
    })
  }

  it('is null when the statement has no usable span', () => {
    expect(sourceContext('Some text.', [])).to.equal(null)
    expect(sourceContext('Some text.', [{ start: 40, end: 50 }])).to.equal(null)
  })
})
