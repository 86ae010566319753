// Quotation-mark regions, found on the raw text. compromise's .quotations() misses quotes of four or more
// sentences and never-closed quotes, so we scan ourselves: curly, straight, guillemets, „“ and the typewriter
// pairs `` and ''. News convention: a quote that runs into the next paragraph is not closed there; the next
// paragraph reopens it. An opening mark left unclosed at a paragraph's end runs to that end.
import type { Span } from './types.js'

export interface Quote {
  /** Offset of the opening mark. */
  open: number
  /** Offset of the closing mark, or the paragraph's end when the quote is left open there. */
  close: number
  /** The quoted words, without the marks. */
  inner: Span
  /** True when the paragraph ended before a closing mark. */
  unclosed: boolean
}

const OPENERS: Record<string, string[]> = {
  '“': ['”', '"'],
  '„': ['“', '”', '"'],
  '«': ['»'],
  '»': ['«'],
  '"': ['"', '”'],
  '``': ["''", '"', '”'],
  // The New York Times opens and closes with two apostrophes: ''It is over,'' she said.
  "''": ["''"],
}
/** Marks that open and close alike: which one it is depends on what stands around it. */
const AMBIGUOUS = new Set(['"', "''"])
const WORDCHAR = /[\p{L}\p{N}]/u

function markAt(text: string, i: number): string | null {
  if (text.startsWith('``', i) || text.startsWith("''", i)) return text.slice(i, i + 2)
  const c = text[i]
  return '“”„«»"'.includes(c) ? c : null
}

/** Double-quote regions of one paragraph [start, end). */
function paragraphQuotes(text: string, start: number, end: number): Quote[] {
  const found: Quote[] = []
  let open: { at: number; mark: string } | null = null
  for (let i = start; i < end; i++) {
    // ''' closes a single quote inside a double one, then the double: ''... 'Look, no.'''
    if (open?.mark === "''" && text.startsWith("'''", i)) i++
    const mark = markAt(text, i)
    if (!mark) continue
    const ambiguous = AMBIGUOUS.has(mark)
    if (open && (OPENERS[open.mark] ?? []).includes(mark) && !(ambiguous && opensHere(text, i, end, mark))) {
      found.push(region(text, open.at, open.mark.length, i, false))
      open = null
    } else if (!open && mark !== '”' && (mark !== "''" || opensHere(text, i, end, mark))) {
      open = { at: i, mark }
    } else if (open && ambiguous && opensHere(text, i, end, mark)) {
      // A stray straight mark that can only open: the earlier one was unbalanced; start again here.
      open = { at: i, mark }
    }
    i += mark.length - 1
  }
  if (open) {
    const inner = trimmedEnd(text, open.at + open.mark.length, end)
    if (inner > open.at + open.mark.length) found.push(region(text, open.at, open.mark.length, inner, true))
  }
  return found
}

/** A straight mark opens when a word follows it and none comes right before it. */
function opensHere(text: string, i: number, end: number, mark = '"'): boolean {
  const before = i > 0 ? text[i - 1] : ' '
  const after = i + mark.length < end ? text[i + mark.length] : ' '
  return !WORDCHAR.test(before) && !/[.,!?;:]/.test(before) && /\S/.test(after) && !/[\s.,;:!?]/.test(after)
}

function trimmedEnd(text: string, from: number, to: number): number {
  let e = to
  while (e > from && /\s/.test(text[e - 1])) e--
  return e
}

function region(text: string, open: number, markLength: number, close: number, unclosed: boolean): Quote {
  let s = open + markLength
  let e = close
  while (s < e && /\s/.test(text[s])) s++
  while (e > s && /\s/.test(text[e - 1])) e--
  return { open, close, inner: { start: s, end: e, text: text.slice(s, e) }, unclosed }
}

/**
 * Single-quote regions ('…' or ‘…’) outside double quotes: headlines quote with them, and British papers quote
 * everything with them. A quote that runs into the next paragraph is left open at this one's end when the next
 * opens with the same mark, as with double quotes. "the players’ union" is a possessive, not a closing mark.
 */
function singleQuotes(text: string, start: number, end: number, taken: Quote[], nextOpens: string | null): Quote[] {
  const found: Quote[] = []
  const re = /(^|[\s([—–-])(['‘])(?=[\p{L}\p{N}$])/gu
  re.lastIndex = Math.max(0, start - 1) // a mark that opens the paragraph follows the line break before it
  const slice = text.slice(0, end)
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const at = m.index + m[1].length
    if (at < start || taken.some((q) => at >= q.open && at <= q.close)) continue
    if (/^['‘]\d\ds\b/.test(text.slice(at, at + 5))) continue // '90s
    const longest = m[2] === '‘' ? 2000 : 300
    const closer = /(['’])(?![\p{L}\p{N}])/gu
    closer.lastIndex = at + 1
    let c = closer.exec(slice)
    // "the players’ union": a plural possessive is passed over, unless another quote opens before the next mark
    // ("called them ‘cynics’ and the bill ‘a triumph’").
    while (c && c.index - at < longest && possessive(text, c.index)) {
      const next = closer.exec(slice)
      if (!next || /(^|[\s([—–-])['‘](?=[\p{L}\p{N}])/u.test(text.slice(c.index + 1, next.index))) break
      c = next
    }
    if (!c || c.index - at > longest) {
      // Carried into the next paragraph: a quote that opens this one, or follows a colon or a comma, and the next
      // paragraph reopens with the same mark.
      const opensHere = at === start || /[:,]\s*$/.test(text.slice(start, at))
      if (opensHere && nextOpens === m[2] && !text.slice(at, end).includes(m[2] === '‘' ? '’ ' : "' ")) {
        found.push(region(text, at, 1, end, true))
        break
      }
      continue
    }
    if (c.index - at < 2) continue
    found.push(region(text, at, 1, c.index, false))
    re.lastIndex = c.index + 1
  }
  return found
}

/** A closing mark that may be a plural's possessive: "players’ union". */
const possessive = (text: string, i: number) => /s/.test(text[i - 1]) && /^ \p{Ll}/u.test(text.slice(i + 1, i + 3))

export function findQuotes(text: string, paragraphs: Span[]): Quote[] {
  const quotes: Quote[] = []
  for (const [i, p] of paragraphs.entries()) {
    const doubles = paragraphQuotes(text, p.start, p.end)
    // One at a time: a spread of a paragraph's quotes overflows the call stack past ~100k of them.
    for (const q of doubles) quotes.push(q)
    const next = paragraphs[i + 1] ? text[paragraphs[i + 1].start] : null
    for (const q of singleQuotes(text, p.start, p.end, doubles, next === '‘' || next === "'" ? next : null)) quotes.push(q)
  }
  return quotes.sort((a, b) => a.open - b.open)
}
