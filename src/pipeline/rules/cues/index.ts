import { ACCORDING_TO } from './according-to.js'
import { BELIEF } from './belief.js'
import { DENY } from './deny.js'
import { EVALUATE } from './evaluate.js'
import { EVIDENCE } from './evidence.js'
import { IMPERSONAL } from './impersonal.js'
import { INTEND } from './intend.js'
import { SAY } from './say.js'
import type { CueRule } from './types.js'

export type { CueRule }
export const CUE_RULES: CueRule[] = [...SAY, ...DENY, ...BELIEF, ...ACCORDING_TO, ...EVALUATE, ...INTEND, ...EVIDENCE, ...IMPERSONAL]
