// Nouns a denial (or a confirmation) uses to point back at a claim, with the words that make that claim in the first place.
// "Both China and Russia denied the existence of such a request." — a request is what was asked or sought.
export const REFERRING_NOUNS: Record<string, string[]> = {
  request: ['request', 'ask', 'sought', 'seek', 'demand', 'appeal'],
  report: ['report', 'said', 'say', 'reveal', 'disclos'],
  claim: ['claim', 'said', 'say', 'assert'],
  // Allegations are what accusers, lawsuits and complaints put forward.
  allegation: ['alleg', 'accus', 'claim', 'charg', 'lawsuit', 'suit', 'complaint'],
  accusation: ['accus', 'alleg', 'charg'],
  charge: ['charg', 'accus', 'alleg'],
  story: ['report', 'story'],
  suggestion: ['suggest'],
  plan: ['plan', 'intend', 'will'],
  deal: ['deal', 'agree'],
  meeting: ['meet'],
  offer: ['offer'],
  threat: ['threat', 'threaten'],
  rumor: ['rumor', 'rumour', 'report', 'said'],
  speculation: ['speculat', 'suggest', 'report'],
  assertion: ['assert', 'said', 'claim'],
  account: ['account', 'said', 'report', 'describ'],
  characterization: ['characteriz', 'describ', 'call'],
}

/** "the existence of such a request", "the report", "these allegations", "it", "the claim as preposterous" */
export const REFERRING = new RegExp(
  `^(?:the (?:existence|truth|substance|veracity) of )?(?:such (?:an? )?|the |this |that |these |those |any )` +
    `(?:[\\w-]+ )?(${Object.keys(REFERRING_NOUNS).join('|')})s?\\b|^(it|them|this|that)$`,
  'i',
)
