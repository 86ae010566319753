// "The Republican nominee said …": a role with no name resolves to the one person the article gave that role,
// and to nobody when two people hold it. Invented news-style sentences.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'

const speakerOf = (text: string, cue: string) => extract({ text }).statements.find((s) => s.cue?.text === cue)?.speaker

describe('extract: roles resolved to their holder', () => {
  const TABLE: Array<[string, string, string | null]> = [
    [
      'The Republican nominee, Donald Trump, arrived late. The Republican nominee insisted the polls were rigged.',
      'insisted',
      'Donald Trump',
    ],
    ['Ana Ruiz, the city manager, opened the meeting. The city manager insisted the budget was balanced.', 'insisted', 'Ana Ruiz'],
    ['Democratic nominee Hillary Clinton spoke first. The nominee insisted the economy was improving.', 'insisted', 'Hillary Clinton'],
  ]
  for (const [text, cue, name] of TABLE) {
    it(`${text.slice(0, 60)} → ${name}`, () => {
      expect(speakerOf(text, cue)).to.deep.include({ name, type: 'person' })
    })
  }

  it('resolves nobody when two people hold the role', () => {
    const text = 'Senator Ann Hale met Senator Bo Tran on Monday. The senator insisted the bill was dead.'
    expect(speakerOf(text, 'insisted')?.name).not.to.be.oneOf(['Ann Hale', 'Bo Tran'])
  })
})
