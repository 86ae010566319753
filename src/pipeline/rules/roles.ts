// Words that end a role before a name: "Kremlin spokesperson Dmitry Peskov", "U.S. President Joe Biden".
export const ROLE_WORDS = new Set([
  'president', 'vice', 'spokesperson', 'spokesman', 'spokeswoman', 'adviser', 'advisor', 'secretary', 'minister',
  'senator', 'sen.', 'sen', 'representative', 'rep.', 'rep', 'congressman', 'congresswoman', 'governor', 'gov.', 'gov',
  'mayor', 'chairman', 'chairwoman', 'chair', 'director', 'chief', 'officer', 'ambassador', 'envoy', 'leader',
  'candidate', 'nominee', 'analyst', 'professor', 'expert', 'aide', 'manager', 'strategist', 'attorney', 'lawyer',
  'judge', 'justice', 'general', 'gen.', 'commander', 'admiral', 'colonel', 'prosecutor', 'economist', 'researcher',
  'official', 'head', 'founder', 'ceo', 'chancellor', 'premier', 'king', 'queen', 'prince', 'speaker', 'whip',
  'counsel', 'deputy', 'correspondent', 'reporter', 'editor', 'columnist', 'host', 'pollster', 'diplomat',
  'lawmaker', 'legislator', 'commissioner', 'superintendent', 'sheriff', 'activist', 'organizer', 'executive',
  'member', 'partner', 'scientist', 'historian', 'consultant', 'coordinator', 'mogul', 'businessman', 'businesswoman',
  'billionaire', 'rival', 'challenger', 'incumbent', 'hopeful', 'surrogate', 'operative', 'press',
  // "Former first lady Laura Bush", "Former state Rep. Joe Walsh"
  'lady', 'former',
  // "Assemblywoman Claudia Tenney", "co-host Mika Brzezinski", "former FBI agent Timothy Gill"
  'assemblyman', 'assemblywoman', 'councilman', 'councilwoman', 'co-host', 'anchor', 'agent', 'front-runner', 'runner',
  'frontrunner', 'commentator', 'author', 'writer', 'publisher', 'pastor', 'attorney-general',
  // kin and company: "his brother Alastair Osman", "her friend Marwa Hamdy"
  'friend', 'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'mother', 'father', 'nephew', 'niece',
  'cousin', 'uncle', 'aunt', 'colleague', 'neighbor', 'neighbour',
  // party labels before a name: "Republican Donald Trump", "Democrat Hillary Clinton"
  'republican', 'democrat', 'democratic', 'gop', 'independent', 'libertarian',
])

/** Party labels are roles only before a person's name: not in "Republican National Committee". */
export const PARTY_WORDS = new Set(['republican', 'democrat', 'democratic', 'gop', 'independent', 'libertarian'])

/** Courtesy titles kept out of a person's name: "Mr. Trump" is Trump. */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'miss', 'sir', 'dame'])

/** The office after "of" in a title: "Secretary of State", "Minister of Foreign Affairs", "Chief of Staff". */
export const OFFICE_WORDS = new Set([
  'state', 'defense', 'defence', 'homeland', 'security', 'justice', 'treasury', 'energy', 'commerce', 'labor',
  'labour', 'education', 'health', 'interior', 'agriculture', 'transportation', 'transport', 'veterans', 'affairs',
  'foreign', 'finance', 'trade', 'housing', 'culture', 'war', 'staff', 'the', 'and', 'human', 'services', 'economy',
  'internal', 'home', 'information', 'public', 'national', 'development', 'environment', 'industry', 'communications',
])
