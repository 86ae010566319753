// Nouns that attribute without a speech verb: "his claim that …", "Trump's criticism of …", "her decision to
// …". Each names the words that may open what it governs; a noun with none of them after it ("his claim was
// rejected", "the senator's support") reports nothing we can quote.
import type { CueRule } from './cues/types.js'

export interface NounCue {
  forms: string[]
  /** Words that open the content right after the noun: "that" and "to" stay in it, a preposition does not. */
  opens: string[]
  family: CueRule['family']
  stance: CueRule['stance']
  example: string
}

// Only the nouns that news writes as reports of what was said. "Her decision to …", "his support for …", "the
// senator's plan to …", "his remarks on …" report acts and positions far more often than statements: on the
// PolNeAR dev set fewer than a third of them are annotated as attributions, and adding them cost precision
// for no gain in F1. So are "bid", "push", "pledge", "demand", "denial", "belief" and "fear".
export const NOUN_CUES: NounCue[] = [
  {
    forms: ['claim', 'claims'],
    opens: ['that', 'to', 'of', 'about'],
    family: 'speech',
    stance: 'assert',
    example: "The mayor's claim that the budget was balanced fell apart.",
  },
  {
    forms: ['assertion', 'assertions', 'argument', 'insistence', 'suggestion', 'conclusion'],
    opens: ['that'],
    family: 'speech',
    stance: 'assert',
    example: "The governor's suggestion that schools reopen was dropped.",
  },
  {
    forms: ['warning', 'warnings'],
    opens: ['that', 'about'],
    family: 'speech',
    stance: 'assert',
    example: 'Her warning that the levee would fail went unheeded.',
  },
  {
    forms: ['promise', 'promises', 'vow'],
    opens: ['to', 'that'],
    family: 'speech',
    stance: 'assert',
    example: "The senator's promise to cut taxes won applause.",
  },
  { forms: ['calls'], opens: ['for'], family: 'speech', stance: 'assert', example: "The union's calls for a strike vote split members." },
  {
    forms: ['criticism', 'criticisms'],
    opens: ['of'],
    family: 'evaluation',
    stance: 'assert',
    example: 'She was sharp in her criticism of the council.',
  },
  {
    forms: ['attacks'],
    opens: ['on', 'against'],
    family: 'evaluation',
    stance: 'assert',
    example: "The challenger's attacks on the incumbent grew sharper.",
  },
  {
    forms: ['opposition'],
    opens: ['to'],
    family: 'evaluation',
    stance: 'assert',
    example: "The mayor's opposition to the tax was well known.",
  },
  {
    forms: ['endorsement'],
    opens: ['of'],
    family: 'evaluation',
    stance: 'assert',
    example: "The paper's endorsement of the challenger surprised readers.",
  },
  {
    forms: ['hope', 'hopes', 'concern', 'concerns'],
    opens: ['that'],
    family: 'belief',
    stance: 'assert',
    example: "The coach's hope that the season could be saved proved wrong.",
  },
]
