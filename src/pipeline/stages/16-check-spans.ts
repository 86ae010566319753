// Stage 16, check spans: takes the article's text and the statements of all its parts; gives them unchanged, or
// throws. Every span the pipeline emits must be the article's text at its offsets; a span that is not is a bug
// in a stage, and is stopped here rather than shown to a fact-checker.
import type { Span, Statement } from '../types.js'

export function checkSpans(text: string, statements: Statement[]): Statement[] {
  for (const s of statements) {
    const spans: Array<Span | null | undefined> = [...s.content, s.cue, s.speaker?.mention]
    for (const span of spans) {
      if (span && text.slice(span.start, span.end) !== span.text) {
        throw new Error(`pipeline bug: rule ${s.rule} emitted span ${span.start}-${span.end} "${span.text}" that is not the text there`)
      }
    }
  }
  return statements
}
