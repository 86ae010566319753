// Phrases that sit between a cue and what it governs, telling when, where or how it was said:
// "said Monday that", "told reporters in a statement that", "wrote on Twitter:".
const WHEN =
  '(?:(?:on|last|this|early|late|earlier|later)\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|week|month|year|morning|afternoon|evening|night)(?:\\s+(?:morning|afternoon|evening|night))?'
const HOW =
  "(?:in|during|at|on|via|through)\\s+(?:a|an|the|his|her|their|its)\\s+(?:[\\w’'-]+\\s+){0,3}?(?:statement|interview|speech|conference|briefing|email|e-mail|post|tweet|appearance|hearing|rally|letter|call|release|op-ed|video|podcast|broadcast|debate|event|meeting|remarks|session)"
const WHERE = 'on\\s+(?:twitter|facebook|instagram|television|tv|radio|x)'
const TO_WHOM = 'to\\s+(?:reporters|journalists|supporters|the\\s+press|the\\s+crowd|an?\\s+audience)'
const ADVERB = '(?:also|again|publicly|privately|repeatedly|flatly|firmly|recently|previously|later|then|earlier|separately|bluntly|simply)'

export const FRAME_PHRASE = new RegExp(`^\\s*,?\\s*(?:${WHEN}|${HOW}|${WHERE}|${TO_WHOM}|${ADVERB})\\b`, 'i')

/** A frame of time or place that ends what a cue governs: "endorsed Clinton for president on Thursday". */
export const TRAILING_FRAME = new RegExp(`[\\s,]+(?:${WHEN}|${WHERE}|${HOW})$`, 'i')

// When and where an object was praised or named, mid-phrase: "criticized the plan in a speech Tuesday", "praised
// her in early June", "attacked him on social media". Only an object loses these; a clause keeps its own.
const MONTH = '(?:(?:early|late|mid)[-\\s]+)?(?:january|february|march|april|june|july|august|september|october|november|december)'
const DATED = `(?:${MONTH}|(?:19|20)\\d\\d|(?:recent|the\\s+past|the\\s+last)\\s+(?:days|weeks|months|years)|the\\s+wake\\s+of)`
const VENUE =
  "(?:(?:a|an|the|his|her|their|its|several|another|multiple|two|three)\\s+)?(?:[\\w’'-]+\\s+){0,3}?" +
  '(?:statements?|interviews?|speech(?:es)?|tweets?|posts?|letters?|videos?|commercials?|ads|op-eds?|appearances?|remarks|diatribes?|rulings?)'
const OUTLET = '(?:social\\s+media|twitter|facebook|instagram|television|tv|radio|print|cable\\s+news)'

export const OBJECT_FRAME = new RegExp(`[\\s,]+(?:(?:in|on|at|during|via)\\s+(?:${DATED}|${VENUE}|${OUTLET}))\\b`, 'i')
