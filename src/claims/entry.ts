// One statement as the claim index keeps it: not its text, only the features a lookup compares.
import type { SpeakerType, Stance, Statement } from '../pipeline/types.js'
import { contentTerms, dayOf, entities } from './terms.js'

/** What the index needs to know of a statement. */
export interface ClaimStatement {
  /** The store's statement id, so that a reviewer's decision can move or remove it later. */
  id: string
  /** The content's words, fragments joined. */
  content: string
  speaker: { name: string; type: SpeakerType } | null
  /** Carried for callers; a denial and an assertion of one proposition are one claim, so it is not compared. */
  stance: Stance
  /** ISO date the statement was made, else the article's published date, else null. */
  date: string | null
}

export interface Entry {
  claimId: string
  terms: Map<string, number>
  entities: Set<string>
  day: number | null
}

export function entryOf(claimId: string, s: ClaimStatement): Entry {
  return { claimId, terms: contentTerms(s.content), entities: entities(s.content, s.speaker), day: dayOf(s.date) }
}

/** A pipeline statement as the index takes it; `published` stands in when the text gives no date. */
export function claimStatement(id: string, s: Statement, published: string | null): ClaimStatement {
  return {
    id,
    content: s.content.map((c) => c.text).join(' … '),
    speaker: s.speaker && { name: s.speaker.name, type: s.speaker.type },
    stance: s.stance,
    date: s.date ?? published,
  }
}
