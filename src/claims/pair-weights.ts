// The learned pair model's weights are data, not code: written by `npm run train:pairs` to data/models/, read
// once here. src/ and dist/ sit at the same depth.
import { readFileSync } from 'node:fs'
import type { PairModel } from './pair-model.js'

const WEIGHTS = new URL('../../data/models/pair-weights.json', import.meta.url)

export const PAIR_MODEL: PairModel = JSON.parse(readFileSync(WEIGHTS, 'utf8'))
