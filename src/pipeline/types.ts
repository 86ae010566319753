// The statement format (docs/design.md, Statement format) as types. Every span is a half-open UTF-16 range of
// the article text as given.

export interface Span {
  start: number
  end: number
  text: string
}

export const KINDS = ['direct', 'mixed', 'indirect'] as const
export type Kind = (typeof KINDS)[number]
/** assert and deny, plus confirm ("confirmed the report") and decline ("declined to comment"). The order is the stance model's. */
export const STANCES = ['assert', 'deny', 'confirm', 'decline'] as const
export type Stance = (typeof STANCES)[number]
/** How much of a statement's date the text vouches for: "on Monday" a day, "in March" a month. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year'
export const SPEAKER_TYPES = ['person', 'organization', 'country', 'anonymous', 'group', 'document'] as const
export type SpeakerType = (typeof SPEAKER_TYPES)[number]

export interface Article {
  text: string
  /** ISO date (yyyy-MM-dd) the article was published, when known. */
  published?: string | null
  title?: string | null
  outlet?: string | null
  url?: string | null
}

export interface Speaker {
  /** Resolved name: "Sullivan" and "he" become "Jake Sullivan". */
  name: string
  type: SpeakerType
  role: string | null
  /** Where the speaker is written for this statement, as written. */
  mention: Span | null
}

export interface Statement {
  kind: Kind
  stance: Stance
  content: Span[]
  cue: Span | null
  speaker: Speaker | null
  /** Whom it was said to: "told CNN" gives "CNN". */
  via: string | null
  /** ISO date the statement was made, when the text says; a week, month or year is given by its first day. */
  date: string | null
  /** How much of `date` the text vouches for ("in March" is a month); null exactly when `date` is. */
  datePrecision: DatePrecision | null
  /** The phrase the date came from ("on Sunday"), kept even when it cannot be resolved. */
  dateText: string | null
  claim: string
  /** How the statement found its claim, and how sure that link is. */
  link: ClaimLink
  confidence: number
  rule: string
}

/**
 * `new`: the statement states a claim of its own; `same-words`: it says what an earlier statement said;
 * `refers-back`: a denial or confirmation points at it ("denied the report"); `accuses`: "accused X of …" is
 * filed under what X asserted; `answers`: a denial, confirmation or decline filed under the earlier claim its
 * sentence shares the rarest words with, or, when it only points ("It is a made-up story"), the one just before; `across-articles` (set by the store): it repeats, asserts or denies a claim an
 * earlier article carried.
 */
export interface ClaimLink {
  how: 'new' | 'same-words' | 'refers-back' | 'accuses' | 'answers' | 'across-articles'
  confidence: number
}

export interface ClaimDraft {
  id: string
  text: string
}

export interface Extraction {
  statements: Statement[]
  claims: ClaimDraft[]
}
