// Which characters of an article stand inside quotation marks, marked once per article. Asked for every token
// (is this cue word quoted?) and every letter of a statement (direct or indirect?), a scan of all the quotes
// each time costs tokens × quotes: nothing for a story, minutes for a page of thousands of quotes.
import type { Doc } from './stages/03-segment.js'

const marked = new WeakMap<Doc, Uint8Array>()

function quotedChars(doc: Doc): Uint8Array {
  let chars = marked.get(doc)
  if (!chars) {
    chars = new Uint8Array(doc.text.length)
    // Double quotes never overlap one another, and a single quote spans at most 300 characters: linear.
    for (const q of doc.quotes) chars.fill(1, q.inner.start, q.inner.end)
    marked.set(doc, chars)
  }
  return chars
}

/** Whether the character at `at` lies inside a quote's words. */
export function insideQuote(doc: Doc, at: number): boolean {
  return quotedChars(doc)[at] === 1
}
