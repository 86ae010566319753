// Names as the claims list's speaker filter matches them in SQL (claim_voices.name_key, and speakers.names, set by
// search-words.ts namesLine): the JSON store's rule (claim-filter.ts answersTo) is a run of whole normalised words,
// which LIKE '% words %' finds in a name set in spaces.
import { normaliseName } from '../speakers.js'

export const nameKey = (name: string | null): string => ` ${normaliseName(name ?? '')} `

/** The LIKE pattern that finds these words in a row, in a name key or a speaker's names. */
export const wordsPattern = (name: string): string => `% ${normaliseName(name).replace(/[\\%_]/g, '\\$&')} %`
