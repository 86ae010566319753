// Stage 3, segment: takes the text, its published date and the regions clean() marked; gives the Doc every later
// stage reads: paragraphs (skips cut out), sentences (an overlong one cut into windows) and quotation-mark
// regions (quotes.ts).

import { findQuotes, type Quote } from '../quotes.js'
import { ABBREVIATIONS } from '../rules/abbreviations.js'
import type { Span } from '../types.js'
import { lines } from './02-clean.js'

export interface Sentence extends Span {
  paragraph: number
}

export interface Doc {
  text: string
  published: string | null
  skips: Span[]
  paragraphs: Span[]
  sentences: Sentence[]
  quotes: Quote[]
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) })

/** What is left of a line once the skipped regions are cut out of it. */
function keptParts(line: { start: number; end: number }, skips: Span[]): Array<[number, number]> {
  let parts: Array<[number, number]> = [[line.start, line.end]]
  for (const s of skips) {
    parts = parts.flatMap(
      ([a, b]): Array<[number, number]> =>
        s.end <= a || s.start >= b
          ? [[a, b]]
          : ([
              [a, Math.max(a, s.start)],
              [Math.min(b, s.end), b],
            ].filter(([x, y]) => y > x) as Array<[number, number]>),
    )
  }
  return parts
}

function trim(text: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(text[a])) a++
  while (b > a && /\s/.test(text[b - 1])) b--
  return [a, b]
}

// A full stop, ? or ! (with closing quotes or brackets after it) followed by space and a capital, digit or quote.
const BOUNDARY = /[.!?]+(?:''|["”’')\]])*(?=\s+(?:''|``|["“‘'([])?[\p{Lu}\p{N}])/gu

/** Sentences of one paragraph: split at boundaries that are not abbreviations or initials. */
export function splitSentences(text: string, start: number, end: number): Array<[number, number]> {
  const found: Array<[number, number]> = []
  const chunk = text.slice(start, end)
  let from = 0
  BOUNDARY.lastIndex = 0
  for (let m = BOUNDARY.exec(chunk); m; m = BOUNDARY.exec(chunk)) {
    const stop = m.index + m[0].length
    if (m[0][0] === '.' && isAbbreviation(chunk, m.index)) continue
    found.push(trim(text, start + from, start + stop))
    from = stop
  }
  if (from < chunk.length) found.push(trim(text, start + from, end))
  return found.filter(([a, b]) => b > a)
}

/**
 * The news sentences seen run to ~1,100 characters; a "sentence" past MOST_SENTENCE_CHARS is a page without
 * full stops, and the tagger and the clause stages take time with the square of a sentence's length. Such a
 * run is read in windows of WINDOW_CHARS, short since no story has them: each is cut after a comma or
 * semicolon in its last quarter where there is one, else at a space.
 */
export const MOST_SENTENCE_CHARS = 2_000
const WINDOW_CHARS = 300

function windows(text: string, start: number, end: number): Array<[number, number]> {
  if (end - start <= MOST_SENTENCE_CHARS) return [[start, end]]
  const found: Array<[number, number]> = []
  let from = start
  while (end - from > WINDOW_CHARS) {
    const limit = from + WINDOW_CHARS
    let cut = -1
    let space = -1
    for (let i = limit; i > from + WINDOW_CHARS * 0.75; i--) {
      if (!/\s/.test(text[i])) continue
      if (/[,;]/.test(text[i - 1])) {
        cut = i
        break
      }
      if (space < 0) space = i
    }
    if (cut < 0) cut = space > 0 ? space : /[\uDC00-\uDFFF]/.test(text[limit]) ? limit - 1 : limit
    const [a, b] = trim(text, from, cut)
    if (b > a) found.push([a, b])
    from = cut
  }
  const [a, b] = trim(text, from, end)
  if (b > a) found.push([a, b])
  return found
}

function isAbbreviation(chunk: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(chunk.slice(Math.max(0, dot - 12), dot))?.[1] ?? ''
  if (/^\p{Lu}$/u.test(word)) return true // an initial: "Donald J. Trump"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true // "U.S", "D.C"
  return ABBREVIATIONS.has(word.toLowerCase())
}

export function segment(text: string, published: string | null, skips: Span[]): Doc {
  const paragraphs: Span[] = []
  // Lines and skips both run in text order: each line is cut by the skips that reach it, not by all of them.
  let first = 0
  for (const line of lines(text)) {
    while (first < skips.length && skips[first].end <= line.start) first++
    let last = first
    while (last < skips.length && skips[last].start < line.end) last++
    for (const [a, b] of keptParts(line, skips.slice(first, last))) {
      const [s, e] = trim(text, a, b)
      if (e > s) paragraphs.push(span(text, s, e))
    }
  }
  const sentences: Sentence[] = paragraphs.flatMap((p, i) =>
    splitSentences(text, p.start, p.end)
      .flatMap(([a, b]) => windows(text, a, b))
      .map(([a, b]) => ({ ...span(text, a, b), paragraph: i })),
  )
  return { text, published, skips, paragraphs, sentences, quotes: findQuotes(text, paragraphs) }
}
