// The learned pair model: what it weighs, and what the shipped weights decide on pairs written for the test
// (invented reports in the manner of wire copy), including pairs that share words and must stay apart.
import { expect } from 'chai'
import { type ClaimStatement, entryOf } from '../../src/claims/entry.js'
import { pairFeatures } from '../../src/claims/pair-features.js'
import { sameProbability, trainPairModel } from '../../src/claims/pair-model.js'
import { PAIR_MODEL } from '../../src/claims/pair-weights.js'
import { contentWords } from '../../src/claims/terms.js'

const FLAT = () => 1
const person = (name: string) => ({ name, type: 'person' as const })
const statement = (content: string, extra: Partial<ClaimStatement> = {}): ClaimStatement => ({
  id: '',
  content,
  speaker: null,
  stance: 'assert',
  date: '2024-03-04',
  ...extra,
})
const p = (a: ClaimStatement, b: ClaimStatement) => sameProbability(PAIR_MODEL, pairFeatures(entryOf('', a), entryOf('', b), FLAT))

describe('pair model', () => {
  it('reads words in their dictionary form, so "sought" meets "seeks"', () => {
    expect(contentWords('Russia sought weapons from China')).to.deep.equal(contentWords('Russia seeks weapon from China'))
  })

  it('ships weights with their provenance and thresholds chosen under cross-validation', () => {
    expect(PAIR_MODEL.provenance?.command).to.equal('npm run train:pairs')
    expect(String(PAIR_MODEL.provenance?.trainedOn)).to.match(/claim-pairs\.jsonl \+ data\/eval\/claim-pairs-2\.jsonl/)
    expect(PAIR_MODEL.threshold).to.be.within(0.3, 0.95)
    expect(PAIR_MODEL.withinThreshold).to.be.within(0.3, 0.95)
  })

  it('learns the same weights from the same examples (seeded)', () => {
    const examples: Array<{ features: Record<string, number>; same: boolean }> = [
      { features: { bias: 1, cosine: 0.9 }, same: true },
      { features: { bias: 1, cosine: 0.1 }, same: false },
      { features: { bias: 1, cosine: 0.8, 'numbers:differ': 1 }, same: false },
    ]
    expect(trainPairModel(examples)).to.deep.equal(trainPairModel(examples))
    expect(trainPairModel(examples).cosine).to.be.above(0)
  })

  it('learns pairs inside one article apart from pairs across two', () => {
    const a = statement('the mill will close in June', { article: 'x', at: 0 })
    const b = statement('the mill will close in June', { article: 'x', at: 90 })
    const inside = pairFeatures(entryOf('', a), entryOf('', b), FLAT)
    expect(Object.keys(inside).every((name) => name.startsWith('in:'))).to.equal(true)
    expect(inside['in:near']).to.equal(1)
    const across = pairFeatures(entryOf('', a), entryOf('', { ...b, article: 'y' }), FLAT)
    expect(Object.keys(across).some((name) => name.startsWith('in:'))).to.equal(false)
  })

  it('knows one speaker record by any of its names, and keeps two records apart under one name', () => {
    let n = 0
    const said = (name: string, speakerId: string) =>
      entryOf('', statement('the mill will close in June', { speaker: person(name), speakerId, article: `a${++n}` }))
    expect(pairFeatures(said('Donald J. Trump', 'sp1'), said('Trump', 'sp1'), FLAT)).to.have.property('speaker:same', 1)
    expect(pairFeatures(said('Trump', 'sp1'), said('Trump', 'sp2'), FLAT)).to.have.property('speaker:differs', 1)
  })

  const SAME: Array<[string, string, string]> = [
    [
      'two outlets quoting one remark',
      'We will not raise the retirement age while I am prime minister',
      'we will not raise the retirement age while I am prime minister, and that is a promise',
    ],
    [
      'a report and a paraphrase of it',
      'the Meridian Shipping Company signed a $40 million contract to expand Kelso harbour',
      'Meridian Shipping has signed a contract worth $40 million to expand the harbour at Kelso',
    ],
  ]
  for (const [why, a, b] of SAME) {
    it(`finds one claim in ${why}`, () => {
      expect(p(statement(a, { speaker: person('Ana Ruiz') }), statement(b, { speaker: person('Ana Ruiz') }))).to.be.at.least(
        PAIR_MODEL.threshold,
      )
    })
  }

  const APART: Array<[string, string, string]> = [
    [
      'the same words about other numbers',
      'the storm left 12 people dead in the northern provinces',
      'the floods left 340 people homeless in the northern provinces',
    ],
    [
      'one topic, another proposition',
      'the central bank will raise interest rates next month',
      'the central bank governor will resign at the end of the year',
    ],
    [
      'nothing shared but a name',
      'Ruiz will visit the flooded towns on Friday',
      'Ruiz has criticised the budget for cutting rural schools',
    ],
  ]
  for (const [why, a, b] of APART) {
    it(`keeps apart ${why}`, () => {
      expect(p(statement(a), statement(b))).to.be.below(PAIR_MODEL.threshold)
    })
  }
})
