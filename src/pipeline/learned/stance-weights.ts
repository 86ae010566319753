// The learned stance model's weights are data, not code: written by `npm run train:stance` to data/models/,
// read once here. src/ and dist/ sit at the same depth.
import { readFileSync } from 'node:fs'
import type { StanceModel } from './stance-model.js'

const WEIGHTS = new URL('../../../data/models/stance-weights.json', import.meta.url)

export const STANCE_MODEL: StanceModel = JSON.parse(readFileSync(WEIGHTS, 'utf8'))
