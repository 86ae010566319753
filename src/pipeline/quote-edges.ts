// Quotes that touch a position: the one closing right before it, the one opening right after it.
import type { Quote } from './quotes.js'
import type { Doc } from './stages/03-segment.js'

/** A quote whose closing mark stands right before `pos`, with only space, commas or a dash between. */
export function quoteEndingAt(doc: Doc, pos: number): Quote | undefined {
  return doc.quotes.find((q) => q.close < pos && pos - q.close < 6 && /^[ \t”"’'»,—–-]*$/.test(doc.text.slice(q.close, pos)))
}

/** A quote opening right after `pos`, past a colon, comma or dash. */
export function quoteStartingAt(doc: Doc, pos: number): Quote | undefined {
  return doc.quotes.find((q) => q.open >= pos && q.open - pos < 6 && /^[ \t,:—–-]*$/.test(doc.text.slice(pos, q.open)))
}

/** Words before a quote that hold it as a title or a name: 'on CBS's "Face the Nation,"', 'a book called "…"'. */
const TITLE_HOLDER = /(\b(on|in|of|at|by|for|from|with|about|called|titled|dubbed|named)|['’]s)\s*$/

/** Whether the words of its sentence before the quote hold it as a title, not as what somebody said. */
export const heldAsTitle = (doc: Doc, quote: Quote, sentenceStart: number): boolean =>
  quote.open > sentenceStart && TITLE_HOLDER.test(doc.text.slice(sentenceStart, quote.open))
