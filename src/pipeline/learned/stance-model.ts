// A softmax (multinomial logistic) model over the four stances. Its weights are learned from the project's
// stance gold set by `npm run train:stance` (data/models/stance-weights.json; provenance in the README).
import { STANCES, type Stance } from '../types.js'
import { epochs as epochOrders } from './epochs.js'

export interface StanceModel {
  /** Weight of each "stance|feature"; a missing one is 0. */
  weights: Record<string, number>
  /** A deny below this probability falls to the next stance: a false denial misleads more than a missed one. */
  denyAt?: number
  provenance?: Record<string, unknown>
}

export function scores(model: StanceModel, features: string[]): number[] {
  const z = STANCES.map((s) => features.reduce((sum, f) => sum + (model.weights[`${s}|${f}`] ?? 0), 0))
  const top = Math.max(...z)
  const e = z.map((x) => Math.exp(x - top))
  const total = e.reduce((a, b) => a + b, 0)
  return e.map((x) => x / total)
}

export function classify(model: StanceModel, features: string[]): { stance: Stance; probability: number } {
  const p = scores(model, features)
  const deny = STANCES.indexOf('deny')
  let best = -1
  for (let i = 0; i < p.length; i++) {
    if (i === deny && p[i] < (model.denyAt ?? 0)) continue
    if (best < 0 || p[i] > p[best]) best = i
  }
  return { stance: STANCES[best], probability: p[best] }
}

export interface StanceExample {
  features: string[]
  stance: Stance
  weight?: number
}

/** Stochastic gradient descent with L2 shrinkage, in a seeded order: the same examples give the same weights. */
export function trainStance(
  examples: StanceExample[],
  options: { epochs?: number; rate?: number; l2?: number; seed?: number } = {},
): StanceModel {
  const { epochs = 30, rate = 0.2, l2 = 1e-3 } = options
  const w = new Map<string, number>()
  for (const [e, order] of epochOrders(examples.length, epochs, options.seed ?? 13)) {
    const step = rate / (1 + e * 0.2)
    for (const i of order) {
      const ex = examples[i]
      const model = { weights: Object.fromEntries(ex.features.flatMap((f) => STANCES.map((s) => [`${s}|${f}`, w.get(`${s}|${f}`) ?? 0]))) }
      const p = scores(model, ex.features)
      STANCES.forEach((s, k) => {
        const g = ((s === ex.stance ? 1 : 0) - p[k]) * (ex.weight ?? 1)
        for (const f of ex.features) {
          const key = `${s}|${f}`
          const old = w.get(key) ?? 0
          w.set(key, old + step * (g - l2 * old))
        }
      })
    }
  }
  const weights: Record<string, number> = {}
  for (const [k, v] of [...w].sort(([a], [b]) => a.localeCompare(b))) if (Math.abs(v) >= 0.005) weights[k] = Math.round(v * 1000) / 1000
  return { weights }
}
