// Phrases that sit between a cue and what it governs, telling when, where or how it was said:
// "said Monday that", "told reporters in a statement that", "wrote on Twitter:".
const WHEN = '(?:(?:on|last|this|early|late|earlier|later)\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|week|month|year|morning|afternoon|evening|night)(?:\\s+(?:morning|afternoon|evening|night))?'
const HOW = '(?:in|during|at|on|via|through)\\s+(?:a|an|the|his|her|their|its)\\s+(?:[\\w’\'-]+\\s+){0,3}?(?:statement|interview|speech|conference|briefing|email|e-mail|post|tweet|appearance|hearing|rally|letter|call|release|op-ed|video|podcast|broadcast|debate|event|meeting|remarks|session)'
const WHERE = 'on\\s+(?:twitter|facebook|instagram|television|tv|radio|x)'
const TO_WHOM = 'to\\s+(?:reporters|journalists|supporters|the\\s+press|the\\s+crowd|an?\\s+audience)'
const ADVERB = '(?:also|again|publicly|privately|repeatedly|flatly|firmly|recently|previously|later|then|earlier|separately|bluntly|simply)'

export const FRAME_PHRASE = new RegExp(`^\\s*,?\\s*(?:${WHEN}|${HOW}|${WHERE}|${TO_WHOM}|${ADVERB})\\b`, 'i')

/** A frame of time or place that ends what a cue governs: "endorsed Clinton for president on Thursday". */
export const TRAILING_FRAME = new RegExp(`[\\s,]+(?:${WHEN}|${WHERE}|${HOW})$`, 'i')
