// Stage 2, clean: takes a part's text, gives the regions to skip, in text order: a headline repeated at the top
// and scraping debris that is not the article. Offsets never shift: we mark, we never rewrite.

import { BOILERPLATE } from '../rules/boilerplate.js'
import type { Span } from '../types.js'

export interface Line {
  start: number
  end: number
}

/** Non-blank lines, trimmed. */
export function lines(text: string): Line[] {
  const found: Line[] = []
  const re = /[^\n]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index
    let end = m.index + m[0].length
    while (start < end && /\s/.test(text[start])) start++
    while (end > start && /\s/.test(text[end - 1])) end--
    if (end > start) found.push({ start, end })
  }
  return found
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) })

/** A line that repeats an earlier line (a headline scraped twice), wholly or as its prefix. */
function repeatedHeadline(text: string, line: Line, earlier: Line[]): number {
  let at = line.start
  for (const e of earlier) {
    const head = text.slice(e.start, e.end)
    if (head.length < 20) continue
    while (text.startsWith(head, at)) at += head.length
  }
  return at - line.start
}

/** Short lines after the story's last full sentence: share buttons, taglines, copyright. */
function isDebris(text: string, line: Line): boolean {
  const s = text.slice(line.start, line.end)
  if (BOILERPLATE.some((b) => b.match.test(s))) return true
  return false
}

// "WASHINGTON (AP) — ", "KYIV, Ukraine — ", "New York (AFP) – ": where the story was filed, not what anyone said.
// A place in capitals, or any place before a wire's name in brackets, then a dash.
const WIRES =
  'AP|AFP|Reuters|Bloomberg|CNN|dpa|DPA|Xinhua|UPI|PA|ANI|IANS|EFE|Kyodo|TASS|Yonhap|Anadolu|ANSA|AAP|CP|Sputnik|BBC|RFE/RL|NYT|WWD'
const DATELINE = new RegExp(
  `^(?:(?!(?:SEN|REP|GOV|MR|MRS|MS|DR|GEN|COL|LT|SGT|AND|BUT|THEN|UPDATE|BREAKING)\\b)\\p{Lu}[\\p{Lu}.'’ -]{2,40}(?:,\\s+[\\p{L}.' ]{2,30})?\\s*(?:\\((?:${WIRES})\\))?|\\p{Lu}[\\p{L}.' ]{2,30}(?:,\\s+[\\p{L}.' ]{2,30})?\\s*\\((?:${WIRES})\\))\\s*[-—–]+\\s+(?=\\S)`,
  'u',
)

/**
 * A dateline at the start of one of the first lines, before a sentence of six words or more. A short capitalised
 * name needs a wire or a region with it: "U.S. - China talks resumed" and "NATO - Russia council" are not datelines,
 * "ROME (Reuters) - " and "FAIRVIEW, W.Va. - " are.
 */
function datelineOf(line: string): RegExpExecArray | null {
  const m = DATELINE.exec(line)
  if (!m || line.slice(m[0].length).split(/\s+/).length < 6) return null
  const place = m[0].replace(/[-—–\s]+$/, '')
  return /[(,]/.test(place) || (place.match(/\p{L}/gu)?.length ?? 0) >= 5 ? m : null
}

export function clean(text: string): Span[] {
  const skips: Span[] = []
  const all = lines(text)
  all.forEach((line, i) => {
    const repeated = repeatedHeadline(text, line, all.slice(0, Math.min(i, 2)))
    const dateline = i < 6 ? datelineOf(text.slice(line.start, line.end)) : null
    if (repeated > 0) skips.push(span(text, line.start, line.start + repeated))
    else if (isDebris(text, line)) skips.push(span(text, line.start, line.end))
    else if (dateline) skips.push(span(text, line.start, line.start + dateline[0].length))
  })
  // Past the last line that ends like a sentence, short lines without sentence punctuation are page debris.
  const lastProse = findLastIndex(all, (l) => /[.!?"”’')]$/.test(text.slice(l.start, l.end)) && !isDebris(text, l))
  const skipped = new Set(skips.map((k) => k.start))
  for (const l of all.slice(lastProse + 1)) {
    const s = text.slice(l.start, l.end)
    if (s.split(/\s+/).length <= 8 && !skipped.has(l.start)) skips.push(span(text, l.start, l.end))
  }
  return skips.sort((a, b) => a.start - b.start)
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i
  return -1
}
