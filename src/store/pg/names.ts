// Names as the claims list's speaker filter matches them in SQL (claim_voices.name_key, speakers.names): the
// JSON store's rule (claim-filter.ts answersTo) is a run of whole normalised words, which LIKE '% words %' finds
// in a name padded with spaces. A speaker's names are joined by '|', which no normalised name holds.
import type { SpeakerRecord } from '../schema.js'
import { normaliseName } from '../speakers.js'

export const nameKey = (name: string | null): string => ` ${normaliseName(name ?? '')} `

/** Every name a speaker record answers to, in one string. */
export const namesOf = (speaker: SpeakerRecord): string => [speaker.name, ...speaker.aliases].map(nameKey).join('|')

/** The LIKE pattern that finds these words in a row, in a name key or a speaker's names. */
export const wordsPattern = (name: string): string => `% ${normaliseName(name).replace(/[\\%_]/g, '\\$&')} %`
