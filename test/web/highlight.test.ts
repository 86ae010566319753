import { expect } from 'chai'
import { highlight, type Mark, type Segment } from '../../src/web/highlight.js'

const TEXT = '"We will not sell," Ruiz said.'
const at = (phrase: string, mark: Mark['mark']): Mark => {
  const start = TEXT.indexOf(phrase)
  return { start, end: start + phrase.length, mark }
}

const cases: Array<[string, Mark[], Segment[]]> = [
  ['no marks: one plain segment', [], [{ text: TEXT, mark: null }]],
  [
    'content, speaker and cue in order',
    [at('We will not sell,', 'content'), at('Ruiz', 'speaker'), at('said', 'cue')],
    [
      { text: '"', mark: null },
      { text: 'We will not sell,', mark: 'content' },
      { text: '" ', mark: null },
      { text: 'Ruiz', mark: 'speaker' },
      { text: ' ', mark: null },
      { text: 'said', mark: 'cue' },
      { text: '.', mark: null },
    ],
  ],
  [
    'a speaker inside the content wins the overlap',
    [at('"We will not sell," Ruiz', 'content'), at('Ruiz', 'speaker')],
    [
      { text: '"We will not sell," ', mark: 'content' },
      { text: 'Ruiz', mark: 'speaker' },
      { text: ' said.', mark: null },
    ],
  ],
  [
    'a cue overlapping content only over their shared part',
    [at('Ruiz said', 'content'), at('said.', 'cue')],
    [
      { text: '"We will not sell," ', mark: null },
      { text: 'Ruiz ', mark: 'content' },
      { text: 'said.', mark: 'cue' },
    ],
  ],
  [
    'adjacent spans of one kind merge',
    [at('"We will', 'content'), at(' not sell,"', 'content')],
    [
      { text: '"We will not sell,"', mark: 'content' },
      { text: ' Ruiz said.', mark: null },
    ],
  ],
  [
    'empty, reversed and out-of-range marks are dropped or clamped',
    [
      { start: 3, end: 3, mark: 'cue' },
      { start: 9, end: 4, mark: 'cue' },
      { start: 24, end: 99, mark: 'content' },
    ],
    [
      { text: '"We will not sell," Ruiz', mark: null },
      { text: ' said.', mark: 'content' },
    ],
  ],
]

describe('highlight()', () => {
  for (const [name, marks, expected] of cases) {
    it(name, () => {
      const segments = highlight(TEXT, marks)
      expect(segments).to.deep.equal(expected)
      expect(segments.map((s) => s.text).join('')).to.equal(TEXT)
    })
  }

  it('returns text, never HTML: markup in the article stays as written', () => {
    const text = 'He said <b>no</b>.'
    expect(highlight(text, [{ start: 8, end: 17, mark: 'content' }])).to.deep.equal([
      { text: 'He said ', mark: null },
      { text: '<b>no</b>', mark: 'content' },
      { text: '.', mark: null },
    ])
  })

  it('gives nothing for an empty text', () => {
    expect(highlight('', [{ start: 0, end: 4, mark: 'cue' }])).to.deep.equal([])
  })
})
