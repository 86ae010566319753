// Noun cues: "his claim that …", "the mayor's criticism of …" attribute with no speech verb. The possessive
// is the source, the complement the content; a noun with no owner, or no complement, gives nothing.
// Invented news-style sentences.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'

const TABLE: Array<{ text: string; speaker: string; content: string }> = [
  {
    // a "that" clause, ending before the sentence's own verb
    text: "Governor Ana Ruiz's claim that the budget was balanced fell apart on Tuesday.",
    speaker: 'Ana Ruiz',
    content: 'that the budget was balanced',
  },
  {
    // a possessive pronoun, its name found earlier in the article
    text: 'Tom Hale said the port would stay open. His claim that the dredging was paid for met with doubt.',
    speaker: 'Tom Hale',
    content: 'that the dredging was paid for',
  },
  {
    // a frame between the noun and its "that"
    text: 'The council never saw evidence for the mayor’s claim in a radio interview that crime had fallen.',
    speaker: 'mayor',
    content: 'that crime had fallen',
  },
  {
    // a preposition opens a noun phrase and stays out of it
    text: "The senator's criticism of the new stadium deal grew sharper, aides said.",
    speaker: 'senator',
    content: 'the new stadium deal',
  },
  {
    // an adjective between owner and noun; a gerund in the content is no verb of the sentence
    text: 'Rivera’s repeated attacks on the harbor commission were a theme of the race.',
    speaker: 'Rivera',
    content: 'the harbor commission',
  },
  {
    // an infinitive keeps its "to"
    text: "Mayor Tom Hale's promise to fix every pothole by June was quietly dropped.",
    speaker: 'Tom Hale',
    content: 'to fix every pothole by June',
  },
]

const NOTHING: string[] = [
  // no complement after the noun
  "The mayor's claim was rejected by the court.",
  // no owner before it
  'The claim that the vote was rigged spread quickly online.',
  // a noun left out of the lexicon: a decision is an act, not a statement
  'Her decision to leave the race surprised her donors.',
  // inside a quote the noun belongs to the quoted speaker's words
  '"Their claim that we lied is absurd," the mayor said.',
  // a verb, not a noun
  'The mayor claims that the budget is balanced.',
]

const nounCues = (text: string) => extract({ text }).statements.filter((s) => s.rule === 'noun-cue')

describe('extract: noun cues', () => {
  for (const row of TABLE) {
    it(row.text.slice(0, 70), () => {
      const found = nounCues(row.text)
      expect(
        found,
        JSON.stringify(extract({ text: row.text }).statements.map((x) => [x.speaker?.name, x.content.map((c) => c.text), x.rule])),
      ).to.have.length(1)
      expect(found[0].speaker?.name).to.equal(row.speaker)
      expect(found[0].content.map((c) => c.text).join(' ')).to.equal(row.content)
    })
  }
  for (const text of NOTHING) {
    it(`gives nothing: ${text.slice(0, 60)}`, () => {
      expect(nounCues(text)).to.deep.equal([])
    })
  }
})
