// The classes of attribution the rules missed before the span model's round (issue 19, part 3): quotes in single
// marks carried over paragraphs (British style), colon lead-ins, participle cues without a comma, "according to"
// inside a clause, noun cues, datelines and headlines; and captions and photo credits, which are never
// attributions. Each row runs the whole pipeline, model included.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'

interface Row {
  why: string
  text: string
  /** Each statement expected: who, what (contents joined by " … "), and its kind. */
  want: Array<{ speaker: string; content: string; kind?: string }>
}

const TABLE: Row[] = [
  {
    why: 'a British quote in single marks, carried into the next paragraph and reopened there',
    text:
      'The prime minister was defiant. ‘We will not be bullied by anyone,’ she said.\n' +
      '‘This country has stood up to bullies before.\n' +
      '‘And it will stand up to them again,’ she added.',
    want: [
      { speaker: 'she', content: 'We will not be bullied by anyone,', kind: 'direct' },
      { speaker: 'she', content: 'This country has stood up to bullies before.', kind: 'direct' },
      { speaker: 'she', content: 'And it will stand up to them again,', kind: 'direct' },
    ],
  },
  {
    why: 'a colon lead-in before a quote in single marks',
    text: 'A spokesman for the ministry responded: ‘The claims are baseless and we will fight them in court.’',
    want: [{ speaker: 'spokesman', content: 'The claims are baseless and we will fight them in court.', kind: 'direct' }],
  },
  {
    why: 'a participle cue with no comma before it is the subject’s, not the object’s',
    text: 'The senator left the chamber saying the vote had been rigged.',
    want: [{ speaker: 'senator', content: 'the vote had been rigged', kind: 'indirect' }],
  },
  {
    why: 'a participle cue after a verb of issuing is the issuer’s',
    text: 'The ministry issued a statement saying the talks had failed.',
    want: [{ speaker: 'ministry', content: 'the talks had failed' }],
  },
  {
    why: 'a noun cue’s content keeps a relative clause without "that"',
    text: 'His claim that the money he raised was spent on ads has been rejected by auditors.',
    want: [{ speaker: 'His', content: 'that the money he raised was spent on ads' }],
  },
  {
    why: '"according to" inside a clause splits the content around it',
    text: 'The ceasefire, according to two diplomats familiar with the talks, was agreed on Sunday night.',
    want: [{ speaker: 'diplomats', content: 'The ceasefire … was agreed on Sunday night' }],
  },
  {
    why: 'a noun cue’s content ends before the sentence’s own verb, even after a passive',
    text: 'Mayor Tom Hale said the port would stay open. His claim that the harbour was dredged has been rejected by every expert.',
    want: [
      { speaker: 'Hale', content: 'the port would stay open' },
      { speaker: 'Hale', content: 'that the harbour was dredged' },
    ],
  },
  {
    why: 'a dateline is where the story was filed, not what was said',
    text: 'KYIV (Reuters) - Ukraine will never give up Crimea, President Volodymyr Zelensky said on Monday.',
    want: [{ speaker: 'Zelensky', content: 'Ukraine will never give up Crimea' }],
  },
  {
    why: 'a headline attributes too',
    text: 'Zelensky says Ukraine will never give up Crimea\nThe president spoke in Kyiv on Monday.',
    want: [{ speaker: 'Zelensky', content: 'Ukraine will never give up Crimea' }],
  },
]

/** A participle cue after the object of most verbs is the object's, never the subject's. */
const NOT_THE_SUBJECT: Array<[string, string]> = [
  ['The White House rejected a report saying that the president would resign.', 'White House'],
  ['He received a letter saying his contract would not be renewed.', 'He'],
  ['Police arrested a man claiming to be a priest.', 'Police'],
  ['The ministry denied rumours suggesting that the minister had resigned.', 'ministry'],
]

const NOTHING = [
  'Photo: Reuters/Kevin Lamarque',
  'President Joe Biden speaks at the White House on Monday. (Photo by Drew Angerer/Getty Images)',
  'Caption: Supporters wave flags outside the stadium in Kampala. AFP via Getty Images',
  'Image copyright EPA Image caption The minister arrives for the summit',
]

describe('attribution classes the rules once missed', () => {
  for (const row of TABLE) {
    it(row.why, () => {
      const found = extract({ text: row.text, published: '2024-03-11' }).statements.map((s) => ({
        speaker: s.speaker?.name ?? '',
        content: s.content.map((c) => c.text).join(' … '),
        kind: s.kind,
      }))
      for (const want of row.want) {
        const hit = found.find((f) => f.content === want.content && f.speaker.includes(want.speaker))
        expect(hit, `${JSON.stringify(want)} among ${JSON.stringify(found)}`).to.exist
        if (want.kind) expect(hit?.kind).to.equal(want.kind)
      }
    })
  }

  for (const [text, subject] of NOT_THE_SUBJECT)
    it(`gives the participle to its object, not the subject: ${text.slice(0, 50)}`, () => {
      const participles = extract({ text }).statements.filter((s) => /ing$/.test(s.cue?.text ?? ''))
      for (const s of participles) expect(s.speaker?.name ?? '').not.to.include(subject)
    })

  for (const text of NOTHING)
    it(`a caption or a photo credit is no attribution: ${text.slice(0, 50)}`, () => {
      expect(extract({ text }).statements).to.deep.equal([])
    })
})
