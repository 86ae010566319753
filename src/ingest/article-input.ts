// What claimtrail takes as an article, checked alike at every way in (CLI files and lines, the API, the ingest
// form) so a refusal reads the same wherever it happens. Article text is untrusted but legitimate: markup,
// formulas and odd punctuation are stored as written and escaped on the way out. Refused is only what cannot be
// an article: too large to extract in one go, binary, broken characters, or no words at all.
import bytes from 'bytes'
import { InvalidInputError, TooLargeError } from '../errors.js'
import type { ArticleInput } from '../store/schema.js'

/** A long feature is ~100 kB of text; 2 MB is a book chapter, and takes the pipeline about a minute. */
const DEFAULT_LIMIT = '2MB'
/** Titles, outlets, urls and ids are one line each, shown in lists and links. */
const MOST_FIELD_CHARS = 2000

export interface ArticleLimit {
  bytes: number
  /** As people write it: "2MB". */
  label: string
}

/** The largest article text taken, in UTF-8 bytes: CLAIMTRAIL_MAX_ARTICLE (e.g. 4MB, 500kB), else 2 MB. */
export function articleLimit(env: NodeJS.ProcessEnv = process.env): ArticleLimit {
  const asked = env.CLAIMTRAIL_MAX_ARTICLE?.trim()
  if (!asked) return { bytes: bytes.parse(DEFAULT_LIMIT)!, label: DEFAULT_LIMIT }
  const parsed = bytes.parse(asked)
  if (parsed === null || !Number.isFinite(parsed) || parsed < 1) {
    throw new InvalidInputError(
      `CLAIMTRAIL_MAX_ARTICLE "${asked}" is not a size: write it like 4MB or 500kB, or unset it for ${DEFAULT_LIMIT}.`,
    )
  }
  return { bytes: Math.floor(parsed), label: bytes.format(parsed)! }
}

/** What to say when `what` holds `size` bytes (or, unread to its end, more than the limit). */
export function tooLarge(what: string, size: number | null, limit = articleLimit()): TooLargeError {
  return new TooLargeError(
    `${what} is ${size === null ? `over ${limit.label}` : bytes.format(size)}; claimtrail takes articles of up to ${limit.label}. Split it into parts and send them one by one, ` +
      `or raise the limit where claimtrail runs (CLAIMTRAIL_MAX_ARTICLE=8MB claimtrail ingest FILE).`,
  )
}

/** The article as given, or the reason it is not one. `where` names it in the message ("line 3", "the body"). */
export function checkArticle<T extends ArticleInput>(article: T, where: string, limit = articleLimit()): T {
  checkText(article.text, where, limit)
  for (const field of ['id', 'title', 'outlet', 'url'] as const) {
    const value = article[field]
    if (typeof value === 'string') checkField(value, field, where)
  }
  return article
}

function checkText(text: string, where: string, limit: ArticleLimit): void {
  // Counting bytes walks the text; a UTF-16 unit is at most 3 UTF-8 bytes, so a short string needs no count.
  if (text.length * 3 > limit.bytes) {
    const size = Buffer.byteLength(text)
    if (size > limit.bytes) throw tooLarge(`${where}: the text`, size, limit)
  }
  if (text.includes('\0'))
    throw new InvalidInputError(`${where}: the text holds NUL characters, so it looks binary: give the article as plain text.`)
  const broken = brokenCharacter(text)
  if (broken >= 0)
    throw new InvalidInputError(
      `${where}: the text has a broken character at position ${broken} (half of a UTF-16 pair): send it as UTF-8 text.`,
    )
  if (!/[\p{L}\p{N}]/u.test(text)) throw new InvalidInputError(`${where}: the text has no words in it: give the article's text.`)
}

function checkField(value: string, field: string, where: string): void {
  if (value.length > MOST_FIELD_CHARS) {
    throw new InvalidInputError(`${where}: "${field}" is ${value.length} characters long; it is one line, at most ${MOST_FIELD_CHARS}.`)
  }
  const control = value.search(/[\u0000-\u001f\u007f-\u009f]/u)
  if (control >= 0) {
    const code = value.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')
    throw new InvalidInputError(
      `${where}: "${field}" holds a control character (U+${code}) at position ${control}: give it as one line of plain text.`,
    )
  }
  if (brokenCharacter(value) >= 0)
    throw new InvalidInputError(`${where}: "${field}" has a broken character (half of a UTF-16 pair): send it as UTF-8 text.`)
}

/** Where a lone surrogate sits (JSON may spell one as "\ud800"; it has no UTF-8 form), or -1. */
function brokenCharacter(text: string): number {
  return text.search(/\p{Surrogate}/u)
}
