// What kind of speaker a source phrase names: a person, an organisation, a country, an anonymous source,
// an unnamed group or a document.
import type { Token } from './nlp.js'
import { ANONYMITY_MARKS, ANONYMOUS_HEADS, DOCUMENT_HEADS, GROUP_HEADS, ORGANIZATION_WORDS } from './rules/sources.js'
import type { SpeakerType } from './types.js'

const bare = (t: Token) => t.lower.replace(/[.’']/g, '')

/** The type of a phrase with no proper name in it: "U.S. officials", "some reports", "observers". */
export function descriptorType(tokens: Token[]): SpeakerType | null {
  const head = tokens[tokens.length - 1]?.lower ?? ''
  if (tokens.some((t) => ANONYMITY_MARKS.has(t.lower))) return 'anonymous'
  if (DOCUMENT_HEADS.has(head)) return 'document'
  if (ANONYMOUS_HEADS.has(head) && head !== 'people') return 'anonymous'
  if (GROUP_HEADS.has(head) || head === 'people') return 'group'
  return null
}

/** The type of a proper name, from compromise's tags and the words that make an organisation. */
export function nameType(tokens: Token[]): SpeakerType {
  if (tokens.some((t) => ORGANIZATION_WORDS.has(bare(t)) || /\.(org|com|net|gov|edu)$/i.test(t.text))) return 'organization'
  if (tokens.some((t) => t.tags.has('Organization'))) return 'organization'
  if (tokens.length === 1 && (tokens[0].tags.has('Country') || tokens[0].tags.has('Place'))) return 'country'
  if (tokens.some((t) => t.tags.has('Person') || t.tags.has('FirstName'))) return 'person'
  if (tokens.length === 1 && tokens[0].tags.has('Acronym')) return 'organization'
  return 'person'
}

export function genderOf(tokens: Token[]): 'male' | 'female' | null {
  if (tokens.some((t) => t.tags.has('MaleName') || /^mr\.?$/.test(t.lower))) return 'male'
  if (tokens.some((t) => t.tags.has('FemaleName') || /^(mrs|ms|miss)\.?$/.test(t.lower))) return 'female'
  return null
}
