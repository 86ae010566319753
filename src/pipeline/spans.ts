// Small helpers over half-open character spans.
import type { Token } from './nlp.js'
import type { Span } from './types.js'

export const spanOf = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) })

export const tokenSpan = (text: string, tokens: Token[], from: number, to: number): Span =>
  spanOf(text, tokens[from].start, tokens[to - 1].end)

/** Trims space and the punctuation that closes a clause, but keeps closing quote marks. */
export function trimClause(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++
  while (end > start && /[\s,;:.—–-]/.test(text[end - 1])) end--
  return end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? spanOf(text, start, end) : null
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end
