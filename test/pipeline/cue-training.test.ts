// The learned cue model's training (src/train/cue-data.ts): which words it asks about, on a small annotated set.
import { expect } from 'chai'
import { probability } from '../../src/pipeline/learned/cue-model.js'
import { type CueGoldDoc, cueExamples, trainCues } from '../../src/train/cue-data.js'

/** A document whose every `[word]` is marked as a cue; the brackets are not in its text. */
function marked(id: string, sentences: string[]): CueGoldDoc {
  let text = ''
  const quotes: CueGoldDoc['quotes'] = []
  for (const s of sentences) {
    for (const part of s.split(/(\[[^\]]+\])/)) {
      if (part.startsWith('[')) {
        const word = part.slice(1, -1)
        quotes.push({ cue: { start: text.length, end: text.length + word.length } })
        text += word
      } else text += part
    }
    text += ' '
  }
  return { id, text: text.trim(), quotes }
}

const DOCS = [
  marked('a', [
    'The governor [signaled] that she would veto the bill.',
    'The central bank said rates would stay high.',
    'The union [warned] that strikes would spread.',
  ]),
  marked('b', [
    'The mayor [signals] that the budget will be cut again.',
    'The minister [lamented] that the talks had stalled.',
    'The team walked to the stadium on Sunday.',
  ]),
]

describe('cue model training', () => {
  const examples = DOCS.map(cueExamples)
  const model = trainCues(examples, { minCount: 2, minRate: 0, epochs: 8, threshold: 0.45 })

  it('counts a word by its dictionary form: "signaled" and "signals", each marked once, are asked about', () => {
    expect(model.candidates).to.include('signaled')
    expect(model.candidates).to.include('signals')
  })

  it('leaves a word marked fewer times than asked to the lexicons', () => {
    expect(model.candidates).not.to.include('lamented')
    expect(model.candidates).not.to.include('warned')
    expect(model.candidates).not.to.include('walked')
  })

  it('keeps only words the model takes for a cue somewhere in training', () => {
    const fired = new Set(
      examples
        .flat()
        .filter((ex) => probability(model, ex.features) >= model.threshold)
        .map((ex) => ex.word),
    )
    for (const w of model.candidates) expect(fired.has(w), w).to.equal(true)
  })
})
