// The pipeline as a recipe: each line runs one stage and says what it gets.

import type { CueModel } from './learned/cue-model.js'
import { CUE_MODEL } from './learned/cue-weights.js'
import type { StanceModel } from './learned/stance-model.js'
import { type Part, partsOf } from './stages/01-parts.js'
import { clean } from './stages/02-clean.js'
import { segment } from './stages/03-segment.js'
import { findCues } from './stages/04-cues.js'
import { findContents } from './stages/05-contents.js'
import { findSources } from './stages/06-sources.js'
import { attributeQuotes } from './stages/07-quote-first.js'
import { attributeSpeakerLines } from './stages/08-speaker-lines.js'
import { attributeNounCues } from './stages/09-noun-cues.js'
import { attributeNoReplies } from './stages/10-no-replies.js'
import { addContinuations } from './stages/11-continuations.js'
import { resolveSpeakers } from './stages/12-speakers.js'
import { toStatement } from './stages/13-statements.js'
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
  const attributed = resolveSpeakers(doc, drafts) // "Sullivan" -> Jake Sullivan
  const dated = new Map<number, Statement>()
  let anchor: string | null = null
  const statements = attributed.map((a) => {
    const s = toStatement(doc, a, dated, anchor) // kind, date, venue, confidence
    if (!dated.has(a.id)) {
      dated.set(a.id, s)
      if (s.datePrecision === 'day') anchor = s.date
    }
    return s
  })
  const outer = preferOuter(dedupe(statements)) // "found that voters say …": the finding
    .map((s) => ({ ...s, stance: stanceOf(doc.text, s.cue, s.content, options.stanceModel) })) // deny, confirm, decline
  return part.start === 0 ? outer : outer.map((s) => shifted(s, part.start))
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
