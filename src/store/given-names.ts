// Given names a person is written under interchangeably in the news: "Joe Biden" and "Joseph R. Biden Jr." are one
// speaker. Only the common English short forms: a pair here merges records across the whole store, so a form
// that is a name of its own elsewhere ("Ted" is not always Edward) stays out.
const SHORT_FORMS: Record<string, string> = {
  joe: 'joseph', bill: 'william', bob: 'robert', rob: 'robert', mike: 'michael', jim: 'james', jimmy: 'james',
  tom: 'thomas', chris: 'christopher', dan: 'daniel', dick: 'richard', rick: 'richard', tony: 'anthony',
  steve: 'steven', dave: 'david', ben: 'benjamin', nick: 'nicholas', matt: 'matthew', andy: 'andrew',
  pat: 'patrick', chuck: 'charles', charlie: 'charles', sam: 'samuel', alex: 'alexander', ed: 'edward',
  liz: 'elizabeth', beth: 'elizabeth', kate: 'katherine', cathy: 'catherine', jen: 'jennifer', sue: 'susan',
  vlad: 'vladimir', don: 'donald', ron: 'ronald', greg: 'gregory', jeff: 'jeffrey', larry: 'lawrence',
}

/** The full form of a given name: "joe" → "joseph"; any other name as it is. */
export const givenName = (first: string): string => SHORT_FORMS[first] ?? first
