// Sentences and skipped regions: abbreviations and initials do not end a sentence; page debris is skipped.
import { expect } from 'chai'
import { clean } from '../../src/pipeline/stages/02-clean.js'
import { segment } from '../../src/pipeline/stages/03-segment.js'

const sentences = (text: string) => segment(text, null, clean(text)).sentences.map((s) => s.text)

describe('segment', () => {
  const table: Array<[string, string[]]> = [
    ['Sen. Warren spoke first. Then Gov. Newsom replied.', ['Sen. Warren spoke first.', 'Then Gov. Newsom replied.']],
    ['Donald J. Trump arrived. The U.S. Navy left.', ['Donald J. Trump arrived.', 'The U.S. Navy left.']],
    ['The talks began on Feb. 24 in Rome. They ended Sept. 3.', ['The talks began on Feb. 24 in Rome.', 'They ended Sept. 3.']],
    ['“It is over. We lost,” she said. He left.', ['“It is over.', 'We lost,” she said.', 'He left.']],
    ['Is it true? Nobody knows!', ['Is it true?', 'Nobody knows!']],
    ["''We lost,'' she said. ''It hurts.''", ["''We lost,'' she said.", "''It hurts.''"]],
  ]
  for (const [text, want] of table) it(text, () => expect(sentences(text)).to.deep.equal(want))
})

describe('clean', () => {
  it('skips a headline scraped twice and glued to itself', () => {
    const head = 'Mayor closes the harbour after the storm, officials say'
    const text = `${head}\n\n${head}${head}\nThe harbour closed on Friday, officials said.`
    const skipped = clean(text).map((s) => s.text)
    expect(skipped).to.deep.equal([head + head])
  })

  it('skips share buttons, taglines and copyright lines after the story', () => {
    const text =
      'The harbour closed on Friday, officials said.\nShare this Article\nYour local\nnews source\n© 2025 Example Media, Inc. All rights reserved.'
    expect(clean(text).map((s) => s.text)).to.deep.equal([
      'Share this Article',
      'Your local',
      'news source',
      '© 2025 Example Media, Inc. All rights reserved.',
    ])
  })

  it('keeps a one-line article', () => {
    expect(clean('The ministry rejected the allegations.')).to.deep.equal([])
  })

  const datelines: Array<[string, string[]]> = [
    ['KYIV (Reuters) - Ukraine will never give up Crimea, Zelensky said.', ['KYIV (Reuters) - ']],
    ['Ceasefire holds\nGAZA CITY — The guns fell silent across the strip on Sunday night.', ['GAZA CITY — ']],
    ['FAIRVIEW, W.Va. - The coal was piled about as high as it could go.', ['FAIRVIEW, W.Va. - ']],
    ['New York (AFP) – The same popular frustration could send voters to Trump.', ['New York (AFP) – ']],
    // Not datelines: a short name with no wire or region, and a line too short to be a story's first.
    ['U.S. - China trade talks resumed on Monday in Geneva after a pause.', []],
    ['NATO - Russia council meets again in Brussels next week to talk.', []],
    ['LONDON - Markets fell sharply today.', []],
    ['Ms Smith (Labour) – the MP for Leeds – said the bill was dead.', []],
    ['SEN. SMITH — We will not yield on this bill, not now and not ever.', []],
  ]
  for (const [text, want] of datelines)
    it(`skips the dateline of a story's first lines: ${text.slice(0, 40)}`, () => {
      expect(clean(text).map((s) => s.text)).to.deep.equal(want)
    })
})
