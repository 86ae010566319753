// One attribution inside another: 'The poll found that most voters say the economy comes first.' The content
// of "found" holds the cue and source of "say". Annotators mark the outer statement about twice as often as
// the inner one, and the inner one (a pronoun, a figure of a poll, a clause that swallowed the wrong subject)
// is the likelier mistake, so the outer statement stands alone. A reporting noun keeps its statement: its owner
// is written beside it ("the senator's criticism of the deal grew sharper, aides said"), and so does a denial,
// a confirmation or a "declined to comment".
import type { Span, Statement } from './types.js'

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
  return statements.filter((s) => !statements.some((o) => isNested(s, o)))
}
