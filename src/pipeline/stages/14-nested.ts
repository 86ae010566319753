// Stage 14, nested: takes the statements of a part; gives them without the ones nested in another. One
// attribution inside another: 'The poll found that most voters say the economy comes first.' The content
// of "found" holds the cue and source of "say". Annotators mark the outer statement about twice as often as
// the inner one, and the inner one (a pronoun, a figure of a poll, a clause that swallowed the wrong subject)
// is the likelier mistake, so the outer statement stands alone. A reporting noun keeps its statement: its owner
// is written beside it ("the senator's criticism of the deal grew sharper, aides said"), and so does a denial,
// a confirmation or a "declined to comment".
import type { Span, Statement } from '../types.js'

const within = (outer: Span[], span: Span) => outer.some((c) => c.start <= span.start && span.end <= c.end)

/** Characters of `content` that lie inside `outer`. */
function overlap(outer: Span[], content: Span[]): number {
  let n = 0
  for (const c of content) for (const o of outer) n += Math.max(0, Math.min(c.end, o.end) - Math.max(c.start, o.start))
  return n
}

const length = (content: Span[]) => content.reduce((n, c) => n + c.end - c.start, 0)

/** The statement whose cue and most of whose content lie in another statement's content. */
function isNested(inner: Statement, outer: Statement): boolean {
  if (!inner.cue || !outer.cue || outer === inner || outer.cue.start === inner.cue.start) return false
  if (inner.rule === 'noun-cue') return false
  // A denial, a confirmation or a refusal to comment is what a fact-checker looks for: it stays.
  if (inner.stance !== 'assert') return false
  // Two cues each inside the other's content govern one passage together; neither is nested.
  if (within(inner.content, outer.cue)) return false
  return within(outer.content, inner.cue) && overlap(outer.content, inner.content) * 2 >= length(inner.content)
}

export function preferOuter(statements: Statement[]): Statement[] {
  // Only a statement whose content reaches over the inner one's cue can hold it: those are looked up by where
  // their content starts, so a page of thousands of statements is not each compared with all.
  const hulls = statements
    .filter((o) => o.cue && o.content.length)
    .map((o) => ({
      o,
      start: o.content.reduce((n, c) => Math.min(n, c.start), Infinity),
      end: o.content.reduce((n, c) => Math.max(n, c.end), -Infinity),
    }))
    .sort((a, b) => a.start - b.start)
  const longest = hulls.reduce((n, h) => Math.max(n, h.end - h.start), 0)
  const holds = (s: Statement) => {
    if (!s.cue) return false
    // The last hull starting at or before the cue, then back while a hull that long could still reach it.
    let hi = hulls.length
    for (let lo = 0; lo < hi; ) {
      const mid = (lo + hi) >> 1
      if (hulls[mid].start <= s.cue.start) lo = mid + 1
      else hi = mid
    }
    for (let i = hi - 1; i >= 0 && hulls[i].start >= s.cue.start - longest; i--) {
      if (hulls[i].end >= s.cue.end && isNested(s, hulls[i].o)) return true
    }
    return false
  }
  return statements.filter((s) => !holds(s))
}
