// The quote-first pass: quotations no cue claimed, attributed by the words around them — and quotations
// that must stay unattributed (scare quotes, titles, "so-called"). Invented news-style sentences.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'
import type { Statement } from '../../src/pipeline/types.js'

const content = (s: Statement) => s.content.map((c) => c.text).join(' … ')

const TABLE: Array<{ text: string; speaker: string; content: string; rule?: string; parts?: number }> = [
  {
    // quote, subject, a verb no lexicon lists
    text: '"We will rebuild every home on this street," the coach mused.',
    speaker: 'coach',
    content: 'We will rebuild every home',
    rule: 'quote-then-verb',
  },
  {
    // quote, verb, subject
    text: '"Give them nothing," blared the front page of the Evening Ledger.',
    speaker: 'front page',
    content: 'Give them nothing',
    rule: 'quote-then-verb',
  },
  {
    // quote, dash, name
    text: 'The town met on Friday.\n\n"Nobody will be left behind." — Mayor Ana Ruiz',
    speaker: 'Ana Ruiz',
    content: 'Nobody will be left behind.',
    rule: 'quote-dash-name',
  },
  {
    // name, colon, quote (a headline)
    text: 'Ana Ruiz: "Nobody Will Be Left Behind"\n\nThe mayor spoke on Friday.',
    speaker: 'Ana Ruiz',
    content: 'Nobody Will Be Left Behind',
    rule: 'name-colon-quote',
  },
  {
    // verb then colon, the verb a few words back
    text: 'The governor then addressed the crowd again: "We are not going anywhere."',
    speaker: 'governor',
    content: 'We are not going anywhere.',
    rule: 'verb-then-quote',
  },
  {
    // an adverb between the subject and the verb: the cue's own pattern finds the subject over it
    text: 'Hale jokingly said, "I am becoming part of the furniture."',
    speaker: 'Hale',
    content: 'I am becoming part of the furniture.',
    rule: 'name-verb-quote',
  },
  {
    // a question quote: the noun before the mark is no object of the pronoun after it
    text: '"If you do not test, how will you measure the results?" he said.',
    speaker: 'he',
    content: 'how will you measure the results?',
  },
  {
    // an exclamation closes the sentence, yet the attribution after it is still its own
    text: 'The show returns in May. "Sometimes we need our fix!" Clinton said to reporters.',
    speaker: 'Clinton',
    content: 'Sometimes we need our fix!',
  },
  {
    // a clause that holds a quoted fragment, after a verb no lexicon lists
    text: 'The mayor lumped the audit in with "every other political stunt" this year.',
    speaker: 'mayor',
    content: 'the audit in with "every other political stunt" this year',
    rule: 'clause-quote',
  },
  {
    // called it "Q"
    text: 'Critics branded the plan "a giveaway to developers."',
    speaker: 'Critics',
    content: 'the plan "a giveaway to developers."',
    rule: 'called-quote',
  },
  {
    // a quote interrupted by its attribution is one statement in two fragments
    text: '"My hope," the senator said, "is that the bill passes before the recess."',
    speaker: 'senator',
    content: 'My hope, … is that the bill passes',
    parts: 2,
  },
]

const NOTHING: string[] = [
  'The so-called "reform" bill stalled in committee last spring.',
  'She starred in "The Long Road Home" before moving to Chicago.',
  'Fans lined up for hours to see "Cats" on its final night.',
  'The word "liberty" was printed in red on every banner.',
  'Update: "The story has been corrected."',
]

describe('extract: quote-first patterns', () => {
  for (const row of TABLE) {
    it(row.text.slice(0, 70), () => {
      const found = extract({ text: row.text }).statements
      const s = found.find((x) => content(x).includes(row.content) && x.speaker?.name === row.speaker)
      expect(s, JSON.stringify(found.map((x) => [x.speaker?.name, content(x), x.rule]))).to.exist
      if (row.rule) expect(s!.rule).to.equal(row.rule)
      if (row.parts) expect(s!.content).to.have.length(row.parts)
    })
  }
  for (const text of NOTHING) {
    it(`yields nothing: ${text.slice(0, 60)}`, () => {
      expect(extract({ text }).statements).to.deep.equal([])
    })
  }
})
