// The content span and confidence models' weights are data, not code: written by `npm run train:spans` to
// data/models/, read the first time an article is extracted (so that a process that never extracts never pays
// for them). src/ and dist/ sit at the same depth.
import { readFileSync } from 'node:fs'
import type { ConfidenceModel } from './confidence-model.js'
import type { SpanModel } from './span-model.js'

const SPANS = new URL('../../../data/models/span-weights.json', import.meta.url)
const CONFIDENCE = new URL('../../../data/models/confidence-weights.json', import.meta.url)

let spans: SpanModel | undefined
let confidence: ConfidenceModel | undefined

export function spanModel(): SpanModel {
  spans ??= JSON.parse(readFileSync(SPANS, 'utf8')) as SpanModel
  return spans
}

export function confidenceModel(): ConfidenceModel {
  confidence ??= JSON.parse(readFileSync(CONFIDENCE, 'utf8')) as ConfidenceModel
  return confidence
}
