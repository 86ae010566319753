import { epochs as epochOrders } from '../pipeline/learned/epochs.js'

// The pair model: logistic regression over pairFeatures, the probability that two statements bear on one claim.
// Its weights are learned from the hand-labelled pair sets by `npm run train:pairs` (data/models/pair-weights.json,
// with their provenance); nothing in it is set by hand.

export interface PairModel {
  weights: Record<string, number>
  /** The probability from which two statements are filed as one claim, chosen for precision under cross-validation. */
  threshold: number
  /** The same within one article, where the pipeline files a story's statements (stage 17). */
  withinThreshold?: number
  provenance?: Record<string, unknown>
}

export interface PairExample {
  features: Record<string, number>
  same: boolean
  weight?: number
}

export function sameProbability(model: Pick<PairModel, 'weights'>, features: Record<string, number>): number {
  let z = 0
  for (const name in features) z += (model.weights[name] ?? 0) * features[name]
  return 1 / (1 + Math.exp(-z))
}

/** Stochastic gradient descent with L2 shrinkage, in a seeded order: the same examples give the same weights. */
export function trainPairModel(
  examples: PairExample[],
  options: { epochs?: number; rate?: number; l2?: number; seed?: number } = {},
): Record<string, number> {
  const { epochs = 40, rate = 0.1, l2 = 1e-3 } = options
  const weights: Record<string, number> = {}
  for (const [e, order] of epochOrders(examples.length, epochs, options.seed ?? 17)) {
    const step = rate / (1 + e * 0.1)
    for (const i of order) {
      const { features, same, weight = 1 } = examples[i]
      const g = ((same ? 1 : 0) - sameProbability({ weights }, features)) * weight
      for (const name in features) {
        const old = weights[name] ?? 0
        weights[name] = old + step * (g * features[name] - l2 * old)
      }
    }
  }
  const kept: Record<string, number> = {}
  for (const name of Object.keys(weights).sort()) if (Math.abs(weights[name]) >= 0.001) kept[name] = Math.round(weights[name] * 1000) / 1000
  return kept
}
