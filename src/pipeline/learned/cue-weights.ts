// The learned cue model's weights are data, not code (a literal this size takes the compiler minutes):
// written by `npm run train:cues` to data/models/, read once here. src/ and dist/ sit at the same depth.
import { readFileSync } from 'node:fs'
import type { CueModel } from './cue-model.js'

const WEIGHTS = new URL('../../../data/models/cue-weights.json', import.meta.url)

export const CUE_MODEL: CueModel = JSON.parse(readFileSync(WEIGHTS, 'utf8'))
