// The pipeline as a recipe: each line runs one stage and says what it gets.

import { type ConfidenceModel, confidenceFeatures, probabilityOf, type StatementFacts } from './learned/confidence-model.js'
import type { CueModel } from './learned/cue-model.js'
import { CUE_MODEL } from './learned/cue-weights.js'
import { type Proposal, respanAll, type SpanModel } from './learned/span-model.js'
import { confidenceModel, spanModel } from './learned/span-weights.js'
import type { StanceModel } from './learned/stance-model.js'
import { type Part, partsOf } from './stages/01-parts.js'
import { clean } from './stages/02-clean.js'
import { type Doc, segment } from './stages/03-segment.js'
import { findCues } from './stages/04-cues.js'
import { findContents } from './stages/05-contents.js'
import { findSources } from './stages/06-sources.js'
import { attributeQuotes } from './stages/07-quote-first.js'
import { attributeSpeakerLines } from './stages/08-speaker-lines.js'
import { attributeNounCues } from './stages/09-noun-cues.js'
import { attributeNoReplies } from './stages/10-no-replies.js'
import { addContinuations } from './stages/11-continuations.js'
import { type Attributed, resolveSpeakers } from './stages/12-speakers.js'
import { kindOf, toStatement } from './stages/13-statements.js'
import { preferOuter } from './stages/14-nested.js'
import { stanceOf } from './stages/15-stance.js'
import { checkSpans } from './stages/16-check-spans.js'
import { fileClaims } from './stages/17-claims.js'
import type { Article, Extraction, Span, Statement } from './types.js'

export interface ExtractOptions {
  /** The learned cue model; the one trained on PolNeAR ships with claimtrail. */
  cueModel?: CueModel
  /** The learned stance model; the one trained on claimtrail's stance gold set ships with it. */
  stanceModel?: StanceModel
  /** The learned content span model; null keeps the rules' spans (what `npm run train:spans` learns from). */
  spanModel?: SpanModel | null
  /** The learned confidence model; null keeps the rules' confidence. */
  confidenceModel?: ConfidenceModel | null
  /** Told of the rules' content spans of each part, with the part's offset, before the span model moves any (for training). */
  explainSpans?: (text: string, offset: number, proposals: Proposal[]) => void
  /** Told of every statement made, with what its confidence is judged on and its part's offset (for training). */
  explain?: (statement: Statement, facts: StatementFacts, offset: number) => void
}

export function extract(article: Article, options: ExtractOptions = {}): Extraction {
  const parts = partsOf(article.text) // one, unless no newsroom wrote it
  const statements = parts.flatMap((part) => partStatements(article, part, options))
  return fileClaims(checkSpans(article.text, statements), article.text) // claims, denials linked back
}

/** The statements of one part of the article, at their offsets in the whole. */
function partStatements(whole: Article, part: Part, options: ExtractOptions): Statement[] {
  const article = part.start === 0 && part.end === whole.text.length ? whole : { ...whole, text: whole.text.slice(part.start, part.end) }
  const skips = clean(article.text) // headline repeats, page debris
  const doc = segment(article.text, article.published ?? null, skips) // paragraphs, sentences, quotes
  const cues = findCues(doc, options.cueModel ?? CUE_MODEL) // "said", "denied", "according to"
  const governed = findContents(doc, cues) // what each cue governs
  const sourced = attributeQuotes(doc, findSources(doc, governed)) // who, as written; quotes no cue claimed
  const lined = attributeSpeakerLines(doc, sourced) // "WALLACE: …", "Rubio: Trump can't …"
  const nouned = attributeNounCues(doc, lined) // "his claim that …", "Trump's criticism of …"
  const unanswered = attributeNoReplies(doc, nouned) // "did not respond to requests for comment"
  const drafts = addContinuations(doc, unanswered) // quotes carried on
  const resolved = resolveSpeakers(doc, drafts) // "Sullivan" -> Jake Sullivan
  const model = options.spanModel === undefined ? spanModel() : options.spanModel
  const chosen = new Map<number, Choice>()
  const one = resolved.filter((d) => d.content.length === 1)
  const proposals = one.map((d) => proposalOf(doc, d))
  options.explainSpans?.(doc.text, part.start, proposals)
  const attributed = model ? respanned(doc, resolved, one, proposals, model, chosen) : resolved // where each content starts and ends
  const judge = options.confidenceModel === undefined ? confidenceModel() : options.confidenceModel
  const dated = new Map<number, Statement>()
  let anchor: string | null = null
  const statements = attributed.map((a) => {
    const made = toStatement(doc, a, dated, anchor) // kind, date, venue, confidence
    if (!dated.has(a.id)) {
      dated.set(a.id, made)
      if (made.datePrecision === 'day') anchor = made.date
    }
    const facts = factsOf(a, made, chosen.get(a.id))
    options.explain?.(made, facts, part.start)
    return judge ? { ...made, confidence: Math.round(probabilityOf(judge, confidenceFeatures(facts)) * 100) / 100 } : made
  })
  const outer = preferOuter(dedupe(statements)) // "found that voters say …": the finding
    .map((s) => ({ ...s, stance: stanceOf(doc.text, s.cue, s.content, options.stanceModel) })) // deny, confirm, decline
  return part.start === 0 ? outer : outer.map((s) => shifted(s, part.start))
}

/** How the span model chose a draft's content: its margin over the runner-up, and whether it moved the rules' span. */
interface Choice {
  margin: number
  moved: boolean
}

/** Each draft with one content span, given the span the model prefers among those near the rules' own. */
function respanned<T extends Attributed>(
  doc: Doc,
  drafts: T[],
  one: T[],
  proposals: Proposal[],
  model: SpanModel,
  chosen: Map<number, Choice>,
): T[] {
  const better = respanAll(model, doc.text, proposals)
  const by = new Map(one.map((d, n) => [d, better[n]]))
  return drafts.map((d) => {
    const b = by.get(d)
    if (!b) return d
    chosen.set(d.id, { margin: b.margin, moved: !b.same })
    return b.same ? d : { ...d, content: [b.span] }
  })
}

/** What the rules propose for a draft with one content span. */
const proposalOf = (doc: Doc, d: Attributed): Proposal => ({
  content: d.content[0],
  cue: d.cue?.span ?? null,
  kind: kindOf(doc, d.content),
  rule: d.rule,
  tagged: d.cue?.tokens,
  sentence: d.sentence,
})

const WORDS = /[\p{L}\p{N}]+/gu

/** What a statement's confidence is judged on. */
function factsOf(a: Attributed, s: Statement, choice: Choice | undefined): StatementFacts {
  return {
    rule: s.rule,
    kind: s.kind,
    stance: s.stance,
    cue: a.cue && { words: a.cue.span.text.toLowerCase(), family: a.cue.rule.family, probability: a.cue.probability },
    speaker: s.speaker,
    words: s.content.reduce((n, c) => n + (c.text.match(WORDS)?.length ?? 0), 0),
    margin: choice?.margin ?? null,
    moved: choice?.moved ?? false,
    rules: s.confidence,
  }
}

function shifted(s: Statement, by: number): Statement {
  const move = (span: Span): Span => ({ ...span, start: span.start + by, end: span.end + by })
  return {
    ...s,
    content: s.content.map(move),
    cue: s.cue && move(s.cue),
    speaker: s.speaker && { ...s.speaker, mention: s.speaker.mention && move(s.speaker.mention) },
  }
}

/** One statement per content and speaker: two cues on one quote keep the first. */
function dedupe(statements: Statement[]): Statement[] {
  const seen = new Set<string>()
  return statements.filter((s) => {
    const key = `${s.content.map((c) => `${c.start}-${c.end}`).join(',')}|${s.speaker?.name ?? ''}|${s.stance}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
