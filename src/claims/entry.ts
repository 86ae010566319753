// One statement as the claim index keeps it: not its text, only the features a lookup compares.
import type { SpeakerType, Stance, Statement } from '../pipeline/types.js'
import { contentWords, dayOf, entities, NEGATION, numbersOf, speakerKey, wordRuns } from './terms.js'

/** What the index needs to know of a statement. */
export interface ClaimStatement {
  /** The store's statement id, so that a reviewer's decision can move or remove it later. */
  id: string
  /** The content's words, fragments joined. */
  content: string
  speaker: { name: string; type: SpeakerType } | null
  /** The store's speaker record, when filed: its aliases are one speaker ("Trump" in one article, "Donald J. Trump" in the next). */
  speakerId?: string | null
  /** Carried for callers; a denial and an assertion of one proposition are one claim, so it is not compared. */
  stance: Stance
  /** ISO date the statement was made, else the article's published date, else null. */
  date: string | null
  /** The article it came from, when known: a restatement inside one article reads differently from a report in another. */
  article?: string
  /** Where its content starts in the article: two statements of one story a sentence apart, or one in the lead. */
  at?: number
}

export interface Entry {
  claimId: string
  terms: Map<string, number>
  entities: ReadonlySet<string>
  day: number | null
  /**
   * What the pair model compares beyond the words: runs of words (their hashes, sorted: an index holds one for
   * every stored statement, and a typed array weighs less than a Set), numbers, negation, speaker, article, subject.
   */
  runs: Uint32Array
  numbers: ReadonlySet<string>
  negated: boolean
  speaker: string | null
  article: string | null
  /** The first content word: most often what the claim is about ("Russia sought …"). */
  subject: string | null
  stance: Stance
  at: number | null
}

// Most statements name no number and many no entity: one empty set stands for all of theirs, never added to.
const NONE: ReadonlySet<string> = new Set()
const orNone = (found: Set<string>): ReadonlySet<string> => (found.size ? found : NONE)

export function entryOf(claimId: string, s: ClaimStatement): Entry {
  const words = contentWords(s.content)
  const terms = new Map<string, number>()
  for (const w of words) terms.set(w, (terms.get(w) ?? 0) + 1)
  return {
    claimId,
    terms,
    entities: orNone(entities(s.content, s.speaker)),
    day: dayOf(s.date),
    runs: Uint32Array.from(wordRuns(words)).sort(),
    numbers: orNone(numbersOf(s.content)),
    negated: NEGATION.test(s.content),
    speaker: speakerKey(s.speaker, s.speakerId),
    article: s.article ?? null,
    subject: words[0] ?? null,
    stance: s.stance,
    at: s.at ?? null,
  }
}

/** A pipeline statement as the index takes it; `published` stands in when the text gives no date. */
export function claimStatement(
  id: string,
  s: Statement & { speakerId?: string | null },
  published: string | null,
  article?: string,
): ClaimStatement {
  return {
    id,
    content: s.content.map((c) => c.text).join(' … '),
    speaker: s.speaker && { name: s.speaker.name, type: s.speaker.type },
    stance: s.stance,
    date: s.date ?? published,
    ...(article ? { article } : {}),
    ...(s.speakerId ? { speakerId: s.speakerId } : {}),
    at: s.content[0]?.start ?? 0,
  }
}
