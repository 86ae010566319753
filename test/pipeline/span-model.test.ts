// The content span model's decoding: which spans it may choose, and that it chooses the best-scoring one. The
// weights here are written by hand so that each case has one right answer; the shipped weights are measured by
// `npm run train:spans`, not here.
import { statSync } from 'node:fs'
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'
import { allowed, frameOf, type Proposal, respanAll, type SpanModel, tokensOf } from '../../src/pipeline/learned/span-model.js'
import { confidenceModel, spanModel } from '../../src/pipeline/learned/span-weights.js'
import type { Span } from '../../src/pipeline/types.js'

const spanOf = (text: string, words: string): Span => {
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in the text`)
  return { start, end: start + words.length, text: words }
}
const model = (weights: Record<string, number>): SpanModel => ({ about: { by: 'hand' }, weights })
const respan = (m: SpanModel, text: string, p: Proposal) => respanAll(m, text, [p])[0]

describe('span model: the candidates it may choose', () => {
  const text = 'The senator said on Monday that the bill was "dead on arrival" in the House. Aides disagreed.'
  const t = tokensOf(text)
  const f = frameOf(t, spanOf(text, 'that the bill was "dead on arrival" in the House'), spanOf(text, 'said'), 'mixed', 'name-verb-clause')!
  const at = (words: string) => t.toks.findIndex((x) => x.w === words)

  it('keeps the rules’ own span among them', () => {
    expect(allowed(t, f, f.i0, f.i1)).to.equal(true)
  })

  it('never covers the cue', () => {
    expect(allowed(t, f, at('said'), f.i1)).to.equal(false)
    expect(allowed(t, f, at('senator'), at('Monday'))).to.equal(false)
  })

  it('never opens a quotation it does not close, nor closes one it did not open', () => {
    expect(allowed(t, f, at('the'), at('was'))).to.equal(true)
    expect(allowed(t, f, at('the'), at('arrival'))).to.equal(false)
    expect(allowed(t, f, at('dead'), at('House'))).to.equal(false)
    expect(allowed(t, f, at('the'), at('House'))).to.equal(true)
  })

  it('stays in the sentence', () => {
    const content = spanOf(text, 'that the bill was "dead on arrival" in the House')
    const r = respan(model({ 'de=+6+': 100 }), text, { content, cue: spanOf(text, 'said'), kind: 'mixed', rule: 'name-verb-clause' })!
    expect(r.span.text).not.to.include('Aides')
  })
})

describe('span model: the best-scoring candidate is the content', () => {
  const text = 'Protesters outside the hall railed against the new pipeline on Tuesday.'
  const proposal: Proposal = {
    content: spanOf(text, 'against the new pipeline on Tuesday'),
    cue: spanOf(text, 'railed'),
    kind: 'indirect',
    rule: 'name-verb-clause',
  }

  it('keeps the rules’ span when it scores best, and says so', () => {
    const r = respan(model({ 'same=true': 5 }), text, proposal)!
    expect(r).to.include({ same: true })
    expect(r.span).to.include({ start: proposal.content.start, end: proposal.content.end })
    expect(r.margin).to.be.above(0)
  })

  it('moves each edge where its features score best', () => {
    const r = respan(model({ 'first=the': 3, 'next=on': 3 }), text, proposal)!
    expect(r.span.text).to.equal('the new pipeline')
    expect(r.same).to.equal(false)
  })

  it('leaves a quote’s span to its marks', () => {
    const text = '"We will not back down," the minister said on Friday.'
    const content = spanOf(text, 'We will not back down,')
    const p: Proposal = { content, cue: spanOf(text, 'said'), kind: 'direct', rule: 'quote-comma-name-verb' }
    expect(respan(model({ 'de=+2': 100 }), text, p)).to.equal(null)
  })

  it('has nothing to choose among when the rules’ span holds no token', () => {
    const p: Proposal = { content: { start: 3, end: 4, text: ' ' }, cue: null, kind: 'indirect', rule: 'name-verb-clause' }
    expect(respan(model({}), 'Hi. ', p)).to.equal(null)
  })
})

describe('span model: in the pipeline', () => {
  it('changes nothing of a sentence that holds no attribution', () => {
    for (const text of [
      'Rescue crews reached the flooded villages on Sunday night.',
      'Photo: Reuters/Kevin Lamarque',
      'Shares of the carmaker fell 4 percent in early trading.',
    ])
      expect(extract({ text }).statements).to.deep.equal([])
  })

  it('gives every content as the text at its offsets, and a confidence between 0 and 1', () => {
    const text =
      'The health minister said on Tuesday that the outbreak was under control, according to state media. ' +
      '"We have it in hand," she told reporters in the capital.'
    const { statements } = extract({ text })
    expect(statements.length).to.be.at.least(2)
    for (const s of statements) {
      for (const c of s.content) expect(text.slice(c.start, c.end)).to.equal(c.text)
      expect(s.confidence).to.be.within(0, 1)
    }
  })

  it('ships weights under 20 MB that load, with their provenance', () => {
    for (const [file, m] of [
      ['span-weights.json', spanModel()],
      ['confidence-weights.json', confidenceModel()],
    ] as const) {
      expect(statSync(new URL(`../../data/models/${file}`, import.meta.url)).size).to.be.below(20e6)
      expect(m.about).to.include.keys('corpus', 'sha256', 'seed', 'epochs')
      expect(Object.keys(m.weights).length).to.be.above(100)
    }
  })
})
