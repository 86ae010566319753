// Search keys and phrases: a table of words from real reporting and what each is found by.
import { expect } from 'chai'
import { phrasePattern, phrasePatternSql, phrasesOf } from '../../src/text/phrases.js'
import { indexWords, queryWords, wordKey } from '../../src/text/word-keys.js'

describe('search keys', () => {
  const same: Array<[string, string]> = [
    ['emails', 'email'],
    ['e-mails', 'emails'],
    ['E-Mail', 'email'],
    ['sanctioned', 'sanctions'],
    ['denied', 'denies'],
    ["China's", 'China'],
    ['China’s', 'china'],
    ['U.S.', 'us'],
    ['Zelenskyy', 'ZELENSKYY'],
    ['Erdoğan', 'Erdogan'],
    ['officials', 'official'],
  ]
  for (const [a, b] of same) it(`keys "${a}" as "${b}"`, () => expect(wordKey(a)).to.equal(wordKey(b)).and.not.equal(''))

  const apart: Array<[string, string]> = [
    ['deny', 'denial'],
    ['Iran', 'Iraq'],
    ['sell', 'sold'],
  ]
  for (const [a, b] of apart) it(`keeps "${a}" and "${b}" apart`, () => expect(wordKey(a)).not.to.equal(wordKey(b)))

  it('finds a hyphenated word by its parts and whole, and asks for it whole', () => {
    expect(indexWords('the Russia-Ukraine talks')).to.include.members([wordKey('Russia'), wordKey('Ukraine'), wordKey('RussiaUkraine')])
    expect(queryWords('e-mails')).to.deep.equal([wordKey('emails')])
    // An en dash joins as a hyphen does: "Russia-Ukraine" finds "Russia–Ukraine".
    expect(indexWords('the Russia–Ukraine war')).to.include(queryWords('Russia-Ukraine')[0])
    expect(queryWords('  , — ')).to.deep.equal([])
  })
})

describe('phrases', () => {
  it('reads the quoted parts of a query, a quote left open running to the end', () => {
    expect(phrasesOf('"no other choice" pier')).to.deep.equal([['no', 'other', 'choice']])
    expect(phrasesOf('“consistent and clear” Zhao "firm')).to.deep.equal([['consistent', 'and', 'clear'], ['firm']])
    expect(phrasesOf('no quotes here')).to.deep.equal([])
    expect(phrasesOf('"" "  "')).to.deep.equal([])
  })

  const table: Array<[string, string, boolean]> = [
    ['consistent and clear', "China's position on Ukraine is consistent and clear", true],
    ['consistent and clear', 'Consistent, and clear!', true],
    ['consistent and clear', 'clear and consistent', false],
    ['consistent and clear', 'inconsistent and clearly', false],
    ['U.S. officials', 'according to U.S. officials', true],
    ['U.S. officials', 'according to US officials', false],
    ['ferry-pier sale', 'the ferry-pier sale was agreed', true],
    ['ferry-pier sale', 'the ferry pier sale was agreed', false],
  ]
  for (const [phrase, text, found] of table) {
    it(`${found ? 'finds' : 'does not find'} "${phrase}" in "${text}"`, () => {
      const [words] = phrasesOf(`"${phrase}"`)
      expect(phrasePattern(words).test(text)).to.equal(found)
      expect(phrasePatternSql(words)).to.be.a('string')
    })
  }
})
