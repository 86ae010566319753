import { ACCORDING_TO } from './according-to.js'
import { BELIEF } from './belief.js'
import { DENY } from './deny.js'
import { SAY } from './say.js'
import type { CueRule } from './types.js'

export type { CueRule }
export const CUE_RULES: CueRule[] = [...SAY, ...DENY, ...BELIEF, ...ACCORDING_TO]
