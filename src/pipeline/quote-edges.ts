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

/** Words before a quote that name it: 'a book called "…"', 'CBS's "Face the Nation"'. */
const NAMING = /(\b(called|titled|dubbed|named)|['’]s)\s*$/
/** A preposition before a quote holds a title only when the quote is written as one: 'on "Face the Nation"'. */
const PREPOSITION = /\b(on|in|of|at|by|for|from|with|about)\s*$/
const SMALL = /^(a|an|the|of|in|on|and|to|for|at|by|with|from)$/

/** Whether the words of its sentence before the quote hold it as a title, not as what somebody said. */
export function heldAsTitle(doc: Doc, quote: Quote, sentenceStart: number): boolean {
  if (quote.open <= sentenceStart) return false
  const before = doc.text.slice(sentenceStart, quote.open)
  if (NAMING.test(before)) return true
  const words = quote.inner.text.replace(/[,.!?;:]+$/, '').split(/\s+/)
  return PREPOSITION.test(before) && words.length <= 8 && words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && SMALL.test(w)))
}
