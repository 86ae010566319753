// A statement's confidence: the probability that it is an attribution the annotators of a news corpus marked,
// with its content where they put it, given how it was found (the pattern, the cue and its lemma, the speaker,
// how far the span model moved its content and by what margin it chose). A logistic model fitted by
// `npm run train:spans` on statements of articles that neither the cue model nor the span model had seen, so that
// a confidence of 0.8 means what it says on articles the models never saw.
import type { Kind, Speaker, Stance } from '../types.js'
import { trainEpoch } from './cue-model.js'
import { epochs } from './epochs.js'

export interface ConfidenceModel {
  about: Record<string, string | number>
  weights: Record<string, number>
}

/** What is known of a statement when it is made. */
export interface StatementFacts {
  rule: string
  kind: Kind
  stance: Stance
  /** The cue's words lower-cased, its family and how sure the cue model was (1 for a lexicon cue). */
  cue: { words: string; family: string; probability: number } | null
  speaker: Speaker | null
  /** Words in the content. */
  words: number
  /** The span model's margin over the runner-up, and whether it moved the rules' span; null when it did not choose. */
  margin: number | null
  moved: boolean
  /** The rules' own confidence (13-statements.ts). */
  rules: number
}

const PRONOUN = /^(he|she|they|it|we|i|you|who)$/i
const lengthBucket = (n: number) => (n <= 3 ? '1-3' : n <= 8 ? '4-8' : n <= 20 ? '9-20' : n <= 40 ? '21-40' : '41+')
const marginBucket = (m: number | null) => (m === null ? 'none' : m < 0.5 ? '<0.5' : m < 1.5 ? '<1.5' : m < 4 ? '<4' : '4+')

export function confidenceFeatures(x: StatementFacts): string[] {
  const speaker = x.speaker ? x.speaker.type : 'none'
  const mention = x.speaker?.mention ? (PRONOUN.test(x.speaker.mention.text) ? 'pronoun' : 'named') : 'none'
  const cue = x.cue?.words ?? 'none'
  const margin = marginBucket(x.margin)
  return [
    'bias',
    `rule=${x.rule}`,
    `kind=${x.kind}`,
    `rule|kind=${x.rule}|${x.kind}`,
    `cue=${cue}`,
    `family=${x.cue?.family ?? 'none'}`,
    `family|kind=${x.cue?.family ?? 'none'}|${x.kind}`,
    `cueP=${x.cue ? Math.round(x.cue.probability * 5) : 'none'}`,
    `speaker=${speaker}`,
    `mention=${mention}`,
    `rule|mention=${x.rule}|${mention}`,
    `len=${lengthBucket(x.words)}`,
    `kind|len=${x.kind}|${lengthBucket(x.words)}`,
    `margin=${margin}`,
    `moved=${x.moved}`,
    `rule|margin=${x.rule}|${margin}`,
    `stance=${x.stance}`,
    `rules=${Math.round(x.rules * 10)}`,
  ]
}

export function probabilityOf(model: ConfidenceModel, features: string[]): number {
  let z = 0
  for (const f of features) z += model.weights[f] ?? 0
  return 1 / (1 + Math.exp(-z))
}

/** Stochastic gradient descent with L2 shrinkage, in a seeded order: the same examples give the same weights. */
export function trainConfidence(
  examples: Array<{ features: string[]; label: boolean }>,
  options: { epochs?: number; seed?: number } = {},
): Record<string, number> {
  const w = new Map<string, number>()
  for (const [e, order] of epochs(examples.length, options.epochs ?? 10, options.seed ?? 19))
    trainEpoch(
      w,
      order.map((i) => examples[i]),
      0.05 / (1 + e * 0.5),
      1e-4,
    )
  const rounded: Array<[string, number]> = []
  for (const [f, x] of w) if (Math.round(x * 1e4) !== 0) rounded.push([f, Math.round(x * 1e4) / 1e4])
  return Object.fromEntries(rounded.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
