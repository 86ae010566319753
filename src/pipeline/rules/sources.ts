// Heads of source phrases that tell what kind of speaker it is.

// "anonymous U.S. officials", "a senior official", "people familiar with the matter"
export const ANONYMOUS_HEADS = new Set([
  'official', 'officials', 'source', 'sources', 'aide', 'aides', 'insider', 'insiders', 'person', 'people',
  'diplomat', 'diplomats', 'officer', 'officers', 'staffer', 'staffers', 'adviser', 'advisers', 'advisor', 'advisors',
])
/** Words that mark a source as unnamed on purpose. */
export const ANONYMITY_MARKS = new Set(['anonymous', 'unnamed', 'unidentified', 'anonymously'])

// "Observers believe", "analysts say", "critics argue"
export const GROUP_HEADS = new Set([
  'observers', 'analysts', 'experts', 'critics', 'supporters', 'opponents', 'residents', 'voters', 'economists',
  'scientists', 'researchers', 'democrats', 'republicans', 'lawmakers', 'activists', 'protesters', 'investors',
  'witnesses', 'many', 'some', 'others', 'americans', 'members', 'leaders', 'advocates', 'conservatives', 'liberals',
])

// "Reports say", "some reports claim", "a new poll found"
export const DOCUMENT_HEADS = new Set([
  'report', 'reports', 'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'statement', 'statements',
  'document', 'documents', 'memo', 'letter', 'filing', 'lawsuit', 'complaint', 'indictment', 'analysis', 'data',
  'records', 'article', 'editorial', 'release',
])

// Words that make a capitalised name an organisation: "Foreign Ministry", "The Washington Post".
export const ORGANIZATION_WORDS = new Set([
  'ministry', 'department', 'kremlin', 'house', 'party', 'committee', 'campaign', 'organization', 'organisation',
  'agency', 'office', 'council', 'commission', 'court', 'congress', 'senate', 'administration', 'government',
  'post', 'times', 'news', 'journal', 'press', 'network', 'bureau', 'institute', 'university', 'association',
  'union', 'foundation', 'company', 'corporation', 'inc', 'group', 'bank', 'fund', 'pentagon', 'police', 'army',
  'navy', 'coalition', 'alliance', 'board', 'center', 'centre', 'service', 'services', 'tribune', 'herald',
  'nations', 'embassy', 'reuters', 'cnn', 'nbc', 'abc', 'cbs', 'fox', 'bbc', 'ap', 'upi', 'msnbc', 'npr',
  // outlets and pollsters quoted by name alone
  'politico', 'breitbart', 'axios', 'huffpost', 'buzzfeed', 'gallup', 'quinnipiac', 'ipsos', 'rasmussen', 'xinhua',
  'tass', 'interfax', 'yonhap', 'afp', 'kyodo', 'realclearpolitics',
])

// What a name after a person's surname makes a place, not the person: "Trump Tower", "Trump Plaza Hotel".
export const VENUE_WORDS = new Set([
  'tower', 'towers', 'hotel', 'resort', 'golf', 'club', 'casino', 'stadium', 'arena', 'plaza', 'airport', 'mall',
  'restaurant', 'grill', 'theater', 'theatre', 'building', 'winery',
])
