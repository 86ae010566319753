// Stage 11, continuations: takes the Doc and the drafts; gives them in text order, with each quote that has no
// attribution of its own carried on the statement before it: '"Q1," Zhao said. "Q2."' is one statement in two
// fragments; a paragraph that opens with a quote after a quoted paragraph continues it, as a draft of its own
// (rule "continuation-quote") that points at the draft it continues.
import type { Draft } from '../drafts.js'
import type { Quote } from '../quotes.js'
import { overlaps } from '../spans.js'
import type { Doc } from './03-segment.js'

const isQuoted = (doc: Doc, d: Draft) => d.content.some((c) => doc.quotes.some((q) => overlaps(q.inner, c)))

/** Where a draft's last fragment ends (a reduce: a spread of a long list overflows the call stack). */
const lastEnd = (d: Draft) => d.content.reduce((end, c) => Math.max(end, c.end), -Infinity)

function paragraphOf(doc: Doc, at: number): number {
  return doc.paragraphs.findIndex((p) => at >= p.start && at <= p.end)
}

/** The draft whose quote this one carries on, if any: the last quoted draft before it, nearby. */
function carriedBy(doc: Doc, quote: Quote, drafts: Draft[]): Draft | undefined {
  const para = paragraphOf(doc, quote.open)
  const before = drafts.filter((d) => d.sentence.end <= quote.open + 1 && d.source)
  const last = before[before.length - 1]
  if (!last || !isQuoted(doc, last)) return undefined
  const lastPara = paragraphOf(doc, lastEnd(last))
  if (lastPara === para) {
    // Only a quote right after the attribution's sentence, with no other words between.
    const between = doc.text.slice(last.sentence.end, quote.open)
    const earlierQuotes = doc.quotes.filter((q) => q.open > last.sentence.end && q.open < quote.open)
    return /^[\s]*$/.test(between) || earlierQuotes.length > 0 ? last : undefined
  }
  // A paragraph that opens with a quote, right after the paragraph of the quoted statement.
  const opensParagraph = doc.paragraphs[para]?.start === quote.open
  return opensParagraph && lastPara === para - 1 ? last : undefined
}

export function addContinuations(doc: Doc, drafts: Draft[]): Draft[] {
  const used = (q: Quote, all: Draft[]) => all.some((d) => d.content.some((c) => overlaps(c, q.inner)))
  let nextId = drafts.length
  let out = [...drafts].sort((a, b) => a.sentence.start - b.sentence.start)
  for (const quote of doc.quotes) {
    if (used(quote, out) || doc.skips.some((s) => overlaps(s, quote.inner))) continue
    if (drafts.some((d) => d.sentence.start <= quote.open && quote.open < d.sentence.end)) continue
    const last = carriedBy(doc, quote, out)
    if (!last) continue
    const samePara = paragraphOf(doc, quote.open) === paragraphOf(doc, lastEnd(last))
    const extended: Draft = samePara
      ? { ...last, content: [...last.content, quote.inner] }
      : {
          ...last,
          content: [quote.inner],
          id: nextId++,
          rule: 'continuation-quote',
          continues: last.continues ?? last.id,
          sentence: { ...last.sentence, start: quote.open, end: quote.close },
        }
    out = samePara ? out.map((d) => (d === last ? extended : d)) : [...out, extended].sort((a, b) => a.sentence.start - b.sentence.start)
  }
  return out
}
