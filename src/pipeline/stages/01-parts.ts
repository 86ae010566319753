// Stage 1, parts: takes the article's text, gives the {start, end} parts that cover it, in order. extract.ts runs
// stages 2 to 15 on each part and shifts their statements back to offsets in the whole text. Why: several stages
// compare each quote, cue or statement with the others of its article, which is nothing for a story (the dev
// set's longest: 34k characters, 160 quotation marks, 375 sentences) and minutes for a hostile megabyte of
// 250,000 quotation marks. Cut into parts of bounded size and count, the work grows with the article's length,
// not its square. A story fits in one part, so its statements are exactly what the whole-text pipeline gives.

export interface Part {
  start: number
  end: number
}

/** Well past the longest story seen, so that only what no newsroom writes is ever cut. */
export const PART_LIMITS = {
  chars: 60_000,
  /** Double quotation marks of any style. */
  quoteMarks: 600,
  /** Full stops, question and exclamation marks. */
  stops: 2_000,
  lines: 2_000,
}

const QUOTE_MARK = new Set(['"', '“', '”', '„', '«', '»', '`'])
const STOP = new Set(['.', '!', '?'])

/** Parts of the text, in order, covering it; one part when the text is of news size. */
export function partsOf(text: string, limits = PART_LIMITS): Part[] {
  const parts: Part[] = []
  let start = 0
  let marks = 0
  let stops = 0
  let lines = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (QUOTE_MARK.has(c)) marks++
    else if (STOP.has(c)) stops++
    else if (c === '\n') lines++
    if (i + 1 - start < limits.chars && marks <= limits.quoteMarks && stops <= limits.stops && lines <= limits.lines) continue
    const end = cutBefore(text, start, i + 1)
    parts.push({ start, end })
    start = end
    i = end - 1
    marks = stops = lines = 0
  }
  if (start < text.length || parts.length === 0) parts.push({ start, end: text.length })
  return parts
}

/**
 * Where to end a part that must end by `to`: after its last line break, else after its last sentence stop,
 * else at its last space, else at `to` itself (never between the halves of a surrogate pair).
 */
function cutBefore(text: string, from: number, to: number): number {
  // Scanned back by hand: lastIndexOf would run on past `from` to the start of a text with no line break.
  let stop = -1
  let space = -1
  for (let i = to - 1; i > from; i--) {
    if (text[i] === '\n') return i + 1
    if (!/\s/.test(text[i])) continue
    if (stop < 0 && STOP.has(text[i - 1])) stop = i
    if (space < 0) space = i
  }
  if (stop > from) return stop
  if (space > from) return space
  const code = text.charCodeAt(to - 1)
  return code >= 0xd800 && code <= 0xdbff && to - 1 > from ? to - 1 : to
}
