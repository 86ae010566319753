// A logistic model that decides whether a word outside the cue lexicons reports an attribution here.
// Its candidates and weights are learned from annotated news by `npm run train:cues`.
export interface CueModel {
  /** Word forms seen as cues in training often enough to be worth asking about. */
  candidates: string[]
  weights: Record<string, number>
  /** A candidate is a cue when the model's probability reaches this. */
  threshold: number
}

export function probability(model: CueModel, features: string[]): number {
  let z = 0
  for (const f of features) z += model.weights[f] ?? 0
  return 1 / (1 + Math.exp(-z))
}

/** One pass of stochastic gradient descent over labelled examples, with L2 shrinkage. */
export function trainEpoch(
  weights: Map<string, number>,
  examples: Array<{ features: string[]; label: boolean }>,
  rate: number,
  l2: number,
): void {
  for (const ex of examples) {
    let z = 0
    for (const f of ex.features) z += weights.get(f) ?? 0
    const p = 1 / (1 + Math.exp(-z))
    const g = (ex.label ? 1 : 0) - p
    for (const f of ex.features) {
      const w = weights.get(f) ?? 0
      weights.set(f, w + rate * (g - l2 * w))
    }
  }
}
