// What no speaker record should be: a date word, a dateline, a venue, a pronoun, or a fragment of a sentence
// longer than a name and its role. `claimtrail speakers --check` and the dev-set test ask this of the most
// quoted speakers; a reason names the class of error, so a report reads as a list of fixes to make.
import { compromise } from '../pipeline/compromise.js'
import { isPlace } from '../pipeline/names.js'
import type { SpeakerRecord } from './schema.js'

const PRONOUNS = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'it',
  'they',
  'me',
  'us',
  'him',
  'her',
  'them',
  'who',
  'which',
  'that',
  'this',
  'these',
  'those',
  'one',
  'someone',
  'everyone',
])
const DATE_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tomorrow',
  'tonight',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'week',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  'later',
  'earlier',
  'last',
  'next',
  'ago',
  'weekend',
])
const VENUES = new Set([
  'tower',
  'towers',
  'hotel',
  'resort',
  'golf',
  'club',
  'casino',
  'stadium',
  'arena',
  'plaza',
  'airport',
  'mall',
  'restaurant',
  'theater',
  'theatre',
])
const JOINERS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'da', 'van', 'von', 'al', 'bin', 'la', 'le', 'du', 'y', 'on', 'in', '&'])
// A dateline: "WASHINGTON (Reuters) -", "BEIJING:", "KYIV, Ukraine —".
const WIRE_OR_STOP = /\((?:AP|Reuters|AFP|UPI|Xinhua|dpa)\)|[:—–-]\s*$/u
const CAPITAL_PLACE = /^(\p{Lu}{3,})\b/u

// Words that open a sentence, never a name: "Is Sanders", "So Donald Trump", "Despite Ted Cruz".
const OPENERS = new Set([
  'is',
  'are',
  'was',
  'were',
  'does',
  'did',
  'so',
  'even',
  'despite',
  'neither',
  'either',
  'why',
  'how',
  'what',
  'when',
  'maybe',
  'certainly',
  'to',
  'more',
  'top',
  'against',
  'but',
  'and',
  'if',
  'as',
  'after',
  'before',
  'while',
  'since',
  'although',
  'though',
  'then',
  'also',
  'still',
  'yet',
  'now',
  'perhaps',
])
const FRAGMENT_TAGS = new Set(['Verb', 'Adverb', 'Determiner', 'Preposition', 'Pronoun', 'Date'])

const words = (name: string) =>
  name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** Why this record is no speaker, or null when it may be one. */
export function junkReason(speaker: Pick<SpeakerRecord, 'name' | 'type'>): string | null {
  const name = speaker.name.trim()
  const all = words(name)
  if (all.length === 0) return 'no name'
  if (all.length === 1 && PRONOUNS.has(all[0])) return 'a pronoun'
  if (all.every((w) => DATE_WORDS.has(w) || /^\d{1,4}$/.test(w) || JOINERS.has(w))) return 'a date word'
  const capital = CAPITAL_PLACE.exec(name)?.[1]
  if (WIRE_OR_STOP.test(name) || (capital && isPlace(capital) && all.length > 1)) return 'a dateline'
  if (all.some((w) => VENUES.has(w))) return 'a venue'
  // A description ("a senior official", "U.S. officials") is lowercase by nature; a name is not, nor is it long.
  if (speaker.type === 'person' || speaker.type === 'organization' || speaker.type === 'country') {
    if (all.length > 8) return 'a fragment'
    const lower = name.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !JOINERS.has(w.toLowerCase()))
    if (lower.length > 0 && speaker.type === 'person') return 'a fragment'
    // "Trump Wants To Do": a verb is no part of a name ("De" of "De Blasio" is a joiner, not a determiner).
    const terms = compromise()(name).json({ terms: { tags: true } }) as Array<{ terms: Array<{ normal: string; tags: string[] }> }>
    // A given name may be a word as well ("Hope Hicks", "Will Hurd"): the first of several is not asked.
    const tagged = terms.flatMap((t) => t.terms).filter((t, i, all) => !JOINERS.has(t.normal) && !(i === 0 && all.length > 1))
    if (speaker.type === 'person' && all.some((w) => OPENERS.has(w))) return 'a fragment'
    if (speaker.type === 'person' && tagged.some((t) => t.tags.some((tag) => FRAGMENT_TAGS.has(tag)) && !t.tags.includes('Person')))
      return 'a fragment'
  }
  return null
}
