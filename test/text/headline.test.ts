// The headline line of a plain-text article becomes its title when none is given; a text that opens with its
// first sentence, a byline or a date gives none.
import { expect } from 'chai'
import { headlineOf } from '../../src/ingest/headline.js'

describe('headlineOf', () => {
  const cases: Array<[string, string | null]> = [
    [
      'Russia asked China for military, economic assistance after Day 1 of Ukraine invasion, US officials reveal\n\nRussia has sought…',
      'Russia asked China for military, economic assistance after Day 1 of Ukraine invasion, US officials reveal',
    ],
    [
      '\uFEFF  Port authority denies plan to sell container terminal\nThe Port of Valdora will sell…',
      'Port authority denies plan to sell container terminal',
    ],
    ["'We will not pay': Kenya rejects debt terms\n\nNairobi said…", "'We will not pay': Kenya rejects debt terms"],
    ['Is the ceasefire holding?\n\nShelling resumed…', 'Is the ceasefire holding?'],
    ['Biden meets leaders in the U.S.\n\nThe president…', 'Biden meets leaders in the U.S.'],
    // must yield nothing
    ['The council voted on Monday to close the bridge. Officials said it was unsafe.', null],
    ['The council voted on Monday to close the bridge.\n\nOfficials said it was unsafe.', null],
    ['By Anna Berg\n\nThe council voted…', null],
    ['March 15, 2022\n\nThe council voted…', null],
    ['2022-03-15\n\nThe council voted…', null],
    ['Updated 14:02 GMT\n\nThe council voted…', null],
    ['Only a headline and nothing else', null],
    ['', null],
  ]
  for (const [text, want] of cases)
    it(`${JSON.stringify(text.slice(0, 50))} → ${JSON.stringify(want)}`, () => expect(headlineOf(text)).to.equal(want))
})
