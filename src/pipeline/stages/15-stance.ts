// Stage 15, stance: takes the text and a statement's cue and content; gives the stance the statement takes toward
// what it says (assert, deny, confirm or decline), which extract.ts sets on every statement stage 14 kept. Read
// from the cue, the content and the words around them by the stance rules and the learned stance model, not
// from the cue alone: "'This is simply untrue,' a spokesman said" denies; "rejected the plan" asserts.
import { stanceFeatures } from '../learned/stance-features.js'
import { classify, type StanceModel } from '../learned/stance-model.js'
import { ruledStance } from '../learned/stance-rules.js'
import { STANCE_MODEL } from '../learned/stance-weights.js'
import type { Span, Stance, Statement } from '../types.js'

export function stanceOf(
  text: string,
  cue: Pick<Span, 'start' | 'end'> | null,
  content: Array<Pick<Span, 'start' | 'end'>>,
  model: StanceModel = STANCE_MODEL,
): Stance {
  return decide(model, stanceFeatures(text, cue, content))
}

/** The rules first, where one settles it; the model for the rest. */
export function decide(model: StanceModel, features: string[]): Stance {
  return ruledStance(features) ?? classify(model, features).stance
}

/** The statements of an article with their stance read again by another model (cross-validation). */
export function restance(text: string, statements: Statement[], model: StanceModel): Statement[] {
  return statements.map((s) => ({ ...s, stance: stanceOf(text, s.cue, s.content, model) }))
}
