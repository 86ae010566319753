import type { Stance } from '../../types.js'

/** One reporting word and how it attributes. */
export interface CueRule {
  /** Word forms as written, lower case; a phrase is words separated by spaces. */
  forms: string[]
  lemma: string
  stance: Stance
  /** speech acts, beliefs, denials and "according to" behave differently in a sentence. */
  family: 'speech' | 'belief' | 'deny' | 'according-to' | 'evaluation' | 'intention' | 'evidence' | 'impersonal'
  rule: string
  /** The cue names whom it was said to next: "told CNN", "assured reporters". */
  recipient?: boolean
  /** Only a quote next to it makes it a cue: "asked" reports a question, "Russia asked China for aid" does not. */
  quoteOnly?: boolean
  /** …unless these words follow it: "asked whether …". */
  unlessFollowedBy?: RegExp
  /** The stance turns to deny when the content calls something false: "accused the U.S. of spreading lies". */
  denyWhenFalsehood?: boolean
  example: string
}
