// Quotation-mark regions on raw text: every kind of mark, quotes over sentences and paragraphs,
// apostrophes that are not quotes, unbalanced marks skipped without throwing.
import { expect } from 'chai'
import { segment } from '../../src/pipeline/stages/03-segment.js'

const quoted = (text: string) => segment(text, null, []).quotes.map((q) => q.inner.text)

describe('findQuotes', () => {
  const table: Array<[string, string[]]> = [
    ['“It is over,” she said.', ['It is over,']],
    ['"It is over," she said.', ['It is over,']],
    ["``It is over,'' she said.", ['It is over,']],
    ['He called it «une erreur» in French.', ['une erreur']],
    ['“It is over. We lost. Nobody expected it,” she said.', ['It is over. We lost. Nobody expected it,']],
    ['“I said ‘no’ twice,” he recalled.', ['I said ‘no’ twice,']],
    ['Pat Caddell: Voters worry; it’s ‘in their heads’', ['in their heads']],
    ['The senator’s office in the ’90s, and Jones’ car.', []],
    ['“Unbalanced opening without an end', ['Unbalanced opening without an end']],
    ['An end with no opening” here.', []],
    ['She said "first" and "second" words.', ['first', 'second']],
    ["''It is over,'' she said.", ['It is over,']],
    ["''We can't wait,'' he said. ''Nobody can.''", ["We can't wait,", 'Nobody can.']],
    ["''He told us, 'Hold the line,''' the mayor said.", ["He told us, 'Hold the line,'"]],
    ["The players' union and the owners'' lawyers met.", []],
    // British papers quote in single marks: a paragraph that opens with one, a quote carried over paragraphs,
    // and a possessive plural inside that does not close it.
    ['Intro.\n‘We will win,’ she said.', ['We will win,']],
    ['‘We will win.\n‘And soon,’ she said.', ['We will win.', 'And soon,']],
    ['‘The players’ union will not be bullied,’ he said.', ['The players’ union will not be bullied,']],
    ['He called his critics ‘cynics’ and the bill ‘a triumph’ for workers.', ['cynics', 'a triumph']],
    ["Smith, a star of the '90s, said so.\n'We are back,' he said.", ['We are back,']],
  ]
  for (const [text, want] of table) it(text, () => expect(quoted(text)).to.deep.equal(want))

  it('a paragraph that reopens a quote continues it: each paragraph gives its own region', () => {
    const text = '“The first paragraph goes on\n“and the second one closes it,” he said.'
    expect(quoted(text)).to.deep.equal(['The first paragraph goes on', 'and the second one closes it,'])
  })

  it('marks each region’s text exactly as the article has it', () => {
    const text = 'A "b" c “d e” f'
    for (const q of segment(text, null, []).quotes) expect(text.slice(q.inner.start, q.inner.end)).to.equal(q.inner.text)
  })
})
