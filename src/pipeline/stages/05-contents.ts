// Stage 5, contents: takes the Doc and the cues; gives, for each cue a pattern fits, what it governs (the quote
// next to it, the clause after it, or the clause before it) and on which side of the cue its source stands.
// The patterns are tried in order; the first that fits wins; a cue no pattern fits is dropped.

import { contentStart } from '../content-start.js'
import type { Token } from '../nlp.js'
import { objectEnd } from '../object-end.js'
import { breaksAfter, claimRejecter, isPassive, OPENS_QUOTE, type Phrase, phraseAfter, subjectBefore } from '../phrases.js'
import { heldAsTitle, quoteEndingAt, quoteStartingAt } from '../quote-edges.js'
import type { Quote } from '../quotes.js'
import { FRAME_PHRASE, OBJECT_FRAME, TRAILING_FRAME } from '../rules/frames.js'
import { spanOf, trimClause } from '../spans.js'
import type { Span } from '../types.js'
import type { Doc } from './03-segment.js'
import type { Cue } from './04-cues.js'

export interface Governed {
  cue: Cue
  content: Span[]
  /** Where the source is: the subject before the cue, or the phrase after it. */
  source: Phrase | null
  rule: string
}

interface Pattern {
  rule: string
  example: string
  /** `others`: the cues of the cue's sentence by their first token (the cue itself among them). */
  match: (doc: Doc, cue: Cue, subject: Phrase | null, others: ReadonlyMap<number, Cue>) => Governed | null
}

const AFTERTHOUGHT = /^(which|although|though|while|whereas)$/
const OCCASION = /^(during|when|while|after|before|since|because|though|although)$/
const CLAUSE_FAMILIES = new Set(['belief', 'evidence'])
const OBJECT_FAMILIES = new Set(['evaluation', 'intention', 'evidence'])

const afterCue = (cue: Cue) => cue.at + cue.length

/** Index past the frames ("on Monday", "in a statement", "to reporters") that start at token i. */
function pastFrames(doc: Doc, cue: Cue, i: number): number {
  const { tokens } = cue
  for (
    let at = tokens[i - 1].end, m = FRAME_PHRASE.exec(doc.text.slice(at, cue.sentence.end));
    m;
    m = FRAME_PHRASE.exec(doc.text.slice(at, cue.sentence.end))
  ) {
    at += m[0].length
    while (i < tokens.length && tokens[i].start < at) i++
  }
  return i
}

/** Index past the words that follow a cue before what it governs: "told CNN on Sunday that", "said Monday". */
function skipFrame(doc: Doc, cue: Cue): number {
  const { tokens } = cue
  let i = afterCue(cue)
  if (cue.rule.recipient) i = phraseAfter(tokens, i)?.to ?? i
  i = pastFrames(doc, cue, i)
  // "said at a campaign stop in Toledo that …": a "that" soon after, with no verb before it, opens the content.
  for (let k = i; k < Math.min(tokens.length, i + 12); k++) {
    // 'told MSNBC's "Morning Joe" that …': a programme's title is passed over.
    const title = OPENS_QUOTE.test(tokens[k].pre) ? titleAt(doc, cue, tokens[k].start) : undefined
    if (title) {
      while (k + 1 < tokens.length && tokens[k + 1].start < title.close) k++
      continue
    }
    if (tokens[k].lower === 'that' && k > i && !OPENS_QUOTE.test(tokens[k].pre)) return k
    if (
      (tokens[k].tags.has('Verb') && !tokens[k].tags.has('Participle')) ||
      /[;:]/.test(tokens[k].pre + tokens[k].post) ||
      OPENS_QUOTE.test(tokens[k].pre)
    )
      break
  }
  return i
}

/**
 * A quote that opens mid-sentence carries the words before it: 'But the gain is "ten times the loss," he said.'
 * reports the whole clause, not only the quoted words.
 */
function withLead(doc: Doc, cue: Cue, quote: Quote): Span {
  const s = cue.sentence
  if (quote.open <= s.start) return quote.inner
  const lead = doc.text.slice(s.start, quote.open)
  // After a colon, a dash or a parenthesis the quote stands alone: 'Trump asserted it: "…," he claimed.'
  if (/[“”"«»]|''|``/.test(lead) || /[:(—–-]\s*$/.test(lead)) return quote.inner
  // "While it is unclear how …, and the group is less likely to be "overrun …," he said": the last clause.
  const joined = [...lead.matchAll(/[,;]\s+(?:and|but)\s+/g)].at(-1)
  const from = joined ? s.start + joined.index + joined[0].length : s.start
  return trimClause(doc.text, from, quote.inner.end) ?? quote.inner
}

/**
 * What a cue governs, without a time or place frame at its end ("… the story on Facebook Monday") or, for an
 * object, from a frame on: "denounced the deal in a speech to donors".
 */
function withoutTrailingFrame(doc: Doc, span: Span | null): Span | null {
  if (!span) return null
  const m = OBJECT_FRAME.exec(span.text) ?? TRAILING_FRAME.exec(span.text)
  return m && m.index > 0 ? trimClause(doc.text, span.start, span.start + m.index) : span
}

/** A word that opens a description of the name before it: "a", "the", "his", "who". */
const isAppositionStart = (t: Token) =>
  t.tags.has('Determiner') || (t.tags.has('Possessive') && t.tags.has('Pronoun')) || /^(who|whose)$/.test(t.lower)

/** Past a "that" at token i: where a quote after "said that" opens. */
/** Whether a clause with a verb of its own follows the cue: "said the recent spate … demands". */
function clauseFollows(doc: Doc, cue: Cue): boolean {
  const rest = cue.tokens.slice(skipFrame(doc, cue))
  // A subject, then its verb: "said the recent spate … demands", not "said in a speech that was praised".
  const verb = rest.findIndex((t) => t.tags.has('Verb'))
  return (
    rest.length >= 3 && verb >= 1 && !rest[0].tags.has('Preposition') && !PLACE_LEAD.test(rest[0].lower) && !OPENS_QUOTE.test(rest[0].pre)
  )
}

const pastThat = (cue: Cue, i: number) => (cue.tokens[i]?.lower === 'that' ? i + 1 : i)

/** Nothing but a short frame (a date, a venue, whom it was told to) follows the cue to the sentence's end. */
function cueEndsSentence(cue: Cue, after: number): boolean {
  const rest = cue.tokens.slice(after)
  // "he said he’s not worried": a subject pronoun opens a clause, even when the tagger reads no verb in it.
  if (rest.length > 1 && SUBJECT_PRONOUN.test(rest[0].lower)) return false
  return rest.length <= 8 && !rest.some((t) => t.tags.has('Verb') || t.lower === 'that' || /["“”]/.test(t.pre))
}
const SUBJECT_PRONOUN = /^((he|she|they|we|i)(['’](s|re|ll|d|ve|m))?|(it|there|that)['’](s|ll|d))$/

/** A lone connective before "according to": "But, according to the poll, …". */
const CONNECTIVE = /^(but|and|however|still|so|yet|also|now|meanwhile|instead|indeed|then|again)$/i

/** Records, polls and studies show things without a clause: "Polls show him with a big lead", "records show no gifts". */
const DOCUMENT =
  /^(polls?|surveys?|records?|data|study|studies|reports?|analys[ie]s|results?|figures?|numbers?|files?|documents?|estimates?|statistics|census|tally|projections?|averages?|research|findings|filings?|emails?|memos?|transcripts?|audits?|reviews?|footage|videos?|images?|photos?|returns?)$/

function documentSubject(cue: Cue, subject: Phrase | null): boolean {
  const head = subject ? cue.tokens[subject.to - 1] : cue.tokens[afterCue(cue)]
  if (!head) return false
  // "The average of polls taken over …", "A poll of voters in Ohio": the document before "of".
  const of = subject ? cue.tokens.slice(subject.from, subject.to).findIndex((t) => t.lower === 'of') : -1
  return DOCUMENT.test(head.lower) || (of > 0 && DOCUMENT.test(cue.tokens[subject!.from + of - 1].lower))
}

/** Two verbs in one form: "calling … and accusing", "denounced … and demanded". */
const sameForm = (cue: Token, t: Token | undefined) =>
  t?.tags.has('Verb') === true && ((/ing$/.test(cue.lower) && /ing$/.test(t.lower)) || (/ed$/.test(cue.lower) && /ed$/.test(t.lower)))

const RELATIVE = /^(which|who|that)$/

const PLACE_LEAD = /^(in|at|on|during|from|after|before|outside|inside)$/

/**
 * 'In a 1963 speech, he declared:' with the quote in the next paragraph: a sentence that ends in a colon soon
 * after its cue announces the quote that opens the next paragraph.
 */
function quoteAfterColon(doc: Doc, cue: Cue): Quote | undefined {
  const rest = doc.text.slice(cue.span.end, cue.sentence.end)
  if (!/^[^“”"«»\n]{0,60}:\s*$/.test(rest)) return undefined
  const colon = cue.span.end + rest.lastIndexOf(':') + 1
  return doc.quotes.find((q) => q.open >= colon && q.open - colon < 6 && /^\s*$/.test(doc.text.slice(colon, q.open)))
}

/** A quote opening right before `at` that the words before it hold as a title: 'on CBS's "Face the Nation"'. */
const titleAt = (doc: Doc, cue: Cue, at: number) =>
  doc.quotes.find((q) => q.open < at && at - q.open <= 2 && heldAsTitle(doc, q, cue.sentence.start))

/** "…, said analysts at the bank, would …": an inverted source runs on over its prepositional phrase to a comma. */
function sourceThroughComma(tokens: Token[], source: Phrase | null): Phrase | null {
  if (!source || breaksAfter(tokens[source.to - 1]) || !/^(at|for|from|with|in|of|on)$/.test(tokens[source.to]?.lower ?? '')) return source
  for (let k = source.to; k < Math.min(tokens.length - 1, source.to + 8); k++) {
    if (tokens[k].tags.has('Verb') || OPENS_QUOTE.test(tokens[k].pre)) return source
    if (/[,;]/.test(tokens[k].post)) return { ...source, to: k + 1 }
  }
  return source
}

/** "said Tuesday in Paris, noting …": only a frame stands between the cue and a participle's comma. */
function frameThenParticiple(tokens: Token[], after: number): boolean {
  for (let k = after; k < Math.min(tokens.length - 1, after + 8); k++) {
    if (tokens[k].tags.has('Verb') || tokens[k].lower === 'that' || OPENS_QUOTE.test(tokens[k].pre)) return false
    if (/,/.test(tokens[k].post)) return /ing$/.test(tokens[k + 1].lower)
  }
  return false
}

/** "C1, he said, C2": the clause after a parenthetical attribution, when a comma closes it. */
function resumed(doc: Doc, cue: Cue, after: number): Span | null {
  const last = cue.tokens[after - 1]
  if (!last || !/,/.test(last.post) || after >= cue.tokens.length) return null
  // "Sales were great, he said, wiping sweat off his face": what he did then is no part of what he said.
  if (/ing$/.test(cue.tokens[after].lower) && !cue.tokens[after].tags.has('Noun')) return null
  return trimClause(doc.text, cue.tokens[after].start, cue.sentence.end)
}

/** A cue that reports only a quote, unless the words after it ask a question: "asked whether …". */
const quoteOnly = (doc: Doc, cue: Cue) =>
  cue.rule.quoteOnly && !(cue.rule.unlessFollowedBy?.test(doc.text.slice(cue.span.end, cue.sentence.end)) ?? false)

const PATTERNS: Pattern[] = [
  {
    rule: 'asked-question',
    example: 'Asked by a reporter whether she would run again, the senator laughed.',
    match(doc, cue) {
      // "(When) asked (by S) whether …, …": the question is the content, its asker (if named) the source.
      const { tokens } = cue
      if (cue.rule.lemma !== 'ask' || !/^asked$/i.test(cue.span.text)) return null
      // …or "The senator was asked (by the moderator) whether …": the one asked is no source.
      const passive = isPassive(tokens, cue.at)
      // '"You bet I would," Christie said when asked whether …': "when asked" may follow what was answered.
      const when = cue.at > 0 && /^(when|after|if|once)$/.test(tokens[cue.at - 1].lower)
      const trailing = when && cue.at > 1
      if (!(cue.at === 0 || passive || when)) return null
      let i = afterCue(cue)
      const asker = tokens[i]?.lower === 'by' ? phraseAfter(tokens, i + 1) : null
      if (asker) i = asker.to
      i = pastFrames(doc, cue, i)
      // "Asked at a briefing Monday in Washington about …": the question word may stand a few words on, and
      // "Asked a direct question about this, …" asks a question of its own.
      const question = tokens.slice(i, i + 7).findIndex(
        (t, k) =>
          /^(whether|if|why|how|what|when|where|who|whom|which|about)$/.test(t.lower) ||
          /^questions?$/.test(t.lower) ||
          // "Asked to describe the device, …": what was asked for is the question.
          (k === 0 && t.lower === 'to' && tokens[i + 1]?.tags.has('Verb')),
      )
      if (question < 0 || tokens.slice(i, i + question).some((t) => /[,;:—–]/.test(t.post))) return null
      if (!/^questions?$/.test(tokens[i + question].lower)) i += question
      else if (!/^(a|an|the|one|another|several|two|three)$/.test(tokens[i].lower)) return null
      let end = i
      while (end < tokens.length - 1 && !/[,;:—–]/.test(tokens[end].post)) end++
      // "Asked whether …, she said …": the question ends at a comma, unless it was put to the sentence's subject.
      if (end >= tokens.length - 1 && !passive && !trailing) return null
      const content = trimClause(doc.text, tokens[i].start, tokens[end].end)
      return content ? { cue, content: [content], source: asker, rule: this.rule } : null
    },
  },
  {
    rule: 'no-source',
    example: 'The central bank is expected to act at its final meeting of the year.',
    match(doc, cue, _subject, others) {
      const passive = isPassive(cue.tokens, cue.at)
      if (cue.rule.family !== 'impersonal' || (cue.rule.lemma === 'expect' && !passive)) return null
      const subject = subjectBefore(cue.tokens, passive ? cue.at - 1 : cue.at)
      const after = afterCue(cue)
      if (after >= cue.tokens.length) return null
      // "The move, which is widely expected to come in December, presents …": a relative clause ends at its comma.
      let end = clauseEnd(doc, cue, after, others)
      if (subject && RELATIVE.test(cue.tokens[subject.from].lower) && subject.from > 0 && /,/.test(cue.tokens[subject.from - 1].post)) {
        const comma = cue.tokens.slice(after).find((t) => /[,;]/.test(t.post))
        if (comma) end = Math.min(end, comma.end)
      }
      const rest = trimClause(doc.text, cue.tokens[after].start, end)
      const head = subject ? trimClause(doc.text, cue.tokens[subject.from].start, cue.tokens[subject.to - 1].end) : null
      const content = [head, rest].filter((x): x is Span => x !== null)
      return rest ? { cue, content, source: null, rule: this.rule } : null
    },
  },
  {
    rule: 'according-to',
    example: 'Over 2.8 million people have fled Ukraine, according to the International Organization for Migration.',
    match(doc, cue) {
      if (cue.rule.family !== 'according-to') return null
      const { tokens } = cue
      // The source runs on to a comma: "according to exit polls conducted for the networks by Edison Research, …".
      let close = afterCue(cue)
      while (close < tokens.length - 1 && close - afterCue(cue) < 25 && !/[,;:—–]/.test(tokens[close].post)) close++
      const run = close < tokens.length ? { from: afterCue(cue), to: close + 1, apposition: null, antecedent: null } : null
      // "according to exit polls conducted for the networks, …": a source opened by a word read as a verb runs to the
      // comma.
      const np = tokens[afterCue(cue)]?.tags.has('Verb') ? null : phraseAfter(tokens, afterCue(cue))
      const source = np ?? run
      if (!source) return null
      const s = cue.sentence
      const before = trimClause(doc.text, s.start, cue.span.start)
      let quoted = quoteEndingAt(doc, cue.span.start)
      if (quoted && quoted.close < s.start && /\.$/.test(quoted.inner.text)) quoted = undefined
      const closed = close < tokens.length - 1 && /,/.test(tokens[close].post)
      // "… since June, according to CrowdTangle, a social analytics tool that …": after a clause, what opens with an
      // article says who the source is; "But, according to the poll, 46 percent …": a connective before is none.
      const clause = tokens.slice(0, cue.at).some((t) => t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive'))
      const apposed = clause && /^(a|an|the)$/.test(tokens[close + 1]?.lower ?? '')
      const after = closed && !apposed ? trimClause(doc.text, tokens[close].end, s.end) : null
      const connective = before !== null && CONNECTIVE.test(before.text)
      const first = quoted ? quoted.inner : connective && after ? null : before
      const content = [first, after].filter((x): x is Span => x !== null)
      return content.length ? { cue, content, source, rule: this.rule } : null
    },
  },
  {
    rule: 'what-clause',
    example: 'The delay came from what the minister called "a perception problem."',
    match(doc, cue) {
      // "what he called "a perception problem"", "what analysts said was a sign of …": "what" and what follows
      // the cue are the content, the words between them the source.
      const { tokens } = cue
      if (cue.rule.family === 'according-to' || cue.rule.family === 'impersonal' || cue.at < 2) return null
      let w = cue.at - 1
      while (w > cue.at - 6 && w > 0 && tokens[w].lower !== 'what' && !breaksAfter(tokens[w - 1])) w--
      if (tokens[w].lower !== 'what' || w === cue.at - 1 || breaksAfter(tokens[w])) return null
      const between = tokens.slice(w + 1, cue.at + 1)
      const found = subjectBefore(between, between.length - 1)
      if (found?.from !== 0) return null
      const source = { ...found, from: found.from + w + 1, to: found.to + w + 1, apposition: null, antecedent: null }
      const after = afterCue(cue) + (/^as$/.test(tokens[afterCue(cue)]?.lower ?? '') ? 1 : 0)
      if (after >= tokens.length) return null
      const quote = quoteStartingAt(doc, tokens[after - 1].end)
      let end = after
      while (end < tokens.length - 1 && !/[,;:()—–]/.test(tokens[end].post)) end++
      const rest = quote ? quote.inner : trimClause(doc.text, tokens[after].start, Math.min(tokens[end].end, cue.sentence.end))
      const what = spanOf(doc.text, tokens[w].start, tokens[w].end)
      return rest ? { cue, content: [what, rest], source, rule: this.rule } : null
    },
  },
  {
    rule: 'quote-then-source',
    example: '"It is a concern of ours," Sullivan told CNN on Sunday. / "It is going to plan," said Kremlin spokesperson Dmitry Peskov.',
    match(doc, cue, subject) {
      // '"…," Ackman said, adding that …': a participle whose subject is another verb's says what follows it.
      if (
        subject &&
        /ing$/.test(cue.span.text) &&
        cue.tokens.slice(subject.to, cue.at).some((t) => t.tags.has('Verb') && !t.tags.has('Gerund'))
      )
        return null
      const at = subject ? cue.tokens[subject.from].start : cue.span.start
      const quote = quoteEndingAt(doc, at)
      // A quote that closed the sentence before ('"…." Reid said both …') is not this cue's.
      if (!quote || (quote.close < cue.sentence.start && /\.$/.test(quote.inner.text))) return null
      // 'In an interview on CBS's "Face the Nation," Ryan said the …', 'Citing "obligations," she told POLITICO that
      // …': a quote that a phrase before it holds is a title or an object; the clause after the cue is what was said.
      const held =
        heldAsTitle(doc, quote, cue.sentence.start) || /^\s*\p{Lu}\p{Ll}+ing\s*$/u.test(doc.text.slice(cue.sentence.start, quote.open))
      if (subject && quote.open > cue.sentence.start && held && clauseFollows(doc, cue)) return null
      const source = subject ?? phraseAfter(cue.tokens, afterCue(cue))
      return source
        ? { cue, content: [withLead(doc, cue, quote)], source, rule: subject ? 'quote-comma-name-verb' : 'quote-comma-verb-name' }
        : null
    },
  },
  {
    rule: 'claim-rejected',
    example: 'The ministry said its forces had taken the village, a claim Ukraine denied.',
    match(doc, cue, subject, others) {
      // Whoever rejects the claim is the source; what it rejects is the earlier cue's content, not the sentence.
      const { tokens } = cue
      if (!subject) return null
      const from = claimRejecter(tokens, subject)
      // "…, a charge the leaders denied, noting that …": the participle after the comma says something else.
      if (from < 0 || (/ing$/.test(tokens[cue.at].lower) && /,/.test(tokens[cue.at - 1].post))) return null
      const earlier = [...others.values()].filter((c) => c.at < subject.from).at(-1)
      const start = earlier ? pastThat(earlier, skipFrame(doc, earlier)) : 0
      if (start >= subject.from) return null
      const content = trimClause(doc.text, tokens[start].start, tokens[subject.from - 1].end)
      return content ? { cue, content: [content], source: { ...subject, from }, rule: this.rule } : null
    },
  },
  {
    rule: 'clause-then-source',
    example: 'The request came just after Russia launched its invasion, one of the officials claimed.',
    match(doc, cue, subject) {
      // Praise, plans and findings come before what they are about, not after: only speech and belief invert.
      // …except what records and polls show: "More than 40 percent arrived in February, new fundraising reports show."
      const documented = cue.rule.family === 'evidence' && documentSubject(cue, subject)
      if (quoteOnly(doc, cue) || cue.rule.family === 'impersonal' || (OBJECT_FAMILIES.has(cue.rule.family) && !documented)) return null
      const first = subject ? subject.from : cue.at
      const s = cue.sentence
      if (first === 0 || !/,/.test(cue.tokens[first - 1].post) || quoteAfterColon(doc, cue)) return null
      // "Asked about the army, the spokesman said nothing": the question is not what was said.
      if (/^((when|if|after|once)\s+)?asked\b/i.test(s.text)) return null
      const source = subject ?? sourceThroughComma(cue.tokens, phraseAfter(cue.tokens, afterCue(cue)))
      if (!source) return null
      const after = subject ? skipFrame(doc, cue) : source.to
      // 'Asked about it, she said, "…"': the quote after the cue is what was said, not the clause before.
      if (subject && after < cue.tokens.length && quoteStartingAt(doc, cue.tokens[after - 1].end)) return null
      // "…, said Brian Baker, a longtime adviser to the family": what follows the name is about him.
      const aside = !subject && after < cue.tokens.length && isAppositionStart(cue.tokens[after])
      // "…, political analysts say; in 2012, …": a semicolon after the attribution closes it, as does a frame
      // and a comma before a participle: "…, Hollande said Tuesday in Paris, noting …".
      const ends =
        cueEndsSentence(cue, after) ||
        /;/.test(cue.tokens[after - 1]?.post ?? '') ||
        frameThenParticiple(cue.tokens, after) ||
        (/,/.test(cue.tokens[after - 1]?.post ?? '') &&
          /ing$/.test(cue.tokens[after]?.lower ?? '') &&
          !cue.tokens[after].tags.has('Noun')) ||
        // "…, the president told his advisers as he labored over the speech": the occasion, not a second part.
        (/^(as|during|when|after|before)$/.test(cue.tokens[after]?.lower ?? '') && !/,/.test(cue.tokens[after - 1]?.post ?? ''))
      const more = aside || ends ? null : resumed(doc, cue, after)
      if (!more && !aside && !ends) return null
      const opener = /^(but|and|so|yet)$/.test(cue.tokens[0].lower) && first > 1 ? cue.tokens[1].start : s.start
      // "In Virginia, 85% of Democrats said …": a frame with no verb is no clause of what was said (though "The
      // benefit, he said, would be $300" is, with its second part).
      const clause = cue.tokens.slice(0, first).filter((t) => t.start >= Math.max(s.start, opener))
      if (!more && clause.length <= 4 && !clause.some((t) => t.tags.has('Verb') || /["“”]/.test(t.pre + t.post))) return null
      const content = trimClause(doc.text, Math.max(s.start, opener), cue.tokens[first - 1].end)
      const parts = [content, more].filter((x): x is Span => x !== null)
      return content ? { cue, content: parts, source, rule: subject ? 'clause-comma-name-verb' : 'clause-comma-verb-name' } : null
    },
  },
  {
    rule: 'source-then-quote',
    example: 'The minister told reporters: "We will not back down."',
    match(doc, cue, subject) {
      if (!subject) return null
      const frame = skipFrame(doc, cue)
      const i = pastThat(cue, frame)
      const from = i < cue.tokens.length ? cue.tokens[i - 1].end : cue.sentence.end
      const quote = quoteStartingAt(doc, i > afterCue(cue) ? from : cue.span.end) ?? quoteAfterColon(doc, cue)
      // 'told France Inter's "Le Grand Entretien" that …': a title, then the clause.
      if (!quote || (heldAsTitle(doc, quote, cue.sentence.start) && /^[\s,”"’]*that\b/.test(doc.text.slice(quote.close + 1)))) return null
      // 'said that "…"' reports the "that" with the quote, as a mixed statement.
      const content = i > frame ? spanOf(doc.text, cue.tokens[frame].start, quote.inner.end) : quote.inner
      return { cue, content: [content], source: subject, rule: 'name-verb-quote' }
    },
  },
  {
    rule: 'source-then-clause',
    example: 'Meanwhile, Russia insisted that it has everything it needs.',
    match(doc, cue, subject, others) {
      if (!subject || quoteOnly(doc, cue) || cue.rule.family === 'impersonal') return null
      const framed = skipFrame(doc, cue)
      if (framed >= cue.tokens.length) return null
      let end = clauseEnd(doc, cue, framed, others)
      const i = contentStart(cue.tokens, framed, cue.tokens.findIndex((t) => t.end >= end) + 1 || cue.tokens.length)
      // What is praised, promised or shown ends at its first comma that closes no list item (object-end.ts).
      if (OBJECT_FAMILIES.has(cue.rule.family)) {
        const last = cue.tokens.filter((t) => t.end <= end).length - 1
        if (last >= i) end = cue.tokens[objectEnd(cue.tokens, i, last)].end
        // …and before the occasion: "endorsed Clinton during a call with reporters".
        const occasion = cue.tokens.slice(i + 1).find((t) => t.end <= end && OCCASION.test(t.lower))
        if (occasion) end = cue.tokens[cue.tokens.indexOf(occasion) - 1].end
      }
      const rest = cue.tokens.slice(i).filter((t) => t.end <= end)
      // A belief or a finding is a clause: "found a receptive audience" reports nothing; nor does a place after
      // speech: "said Tuesday in Paris".
      const verbless = !rest.some((t) => t.tags.has('Verb'))
      if (
        !rest.length ||
        (verbless &&
          ((CLAUSE_FAMILIES.has(cue.rule.family) && !documentSubject(cue, subject)) ||
            (cue.rule.family === 'speech' && PLACE_LEAD.test(rest[0].lower))))
      )
        return null
      // A quote that opens in the clause carries it on past the sentence's end.
      const runsOn = doc.quotes.find((q) => q.open >= rest[0].start && q.open < end && q.inner.end > end)
      if (runsOn) end = runsOn.inner.end
      // An object, not a clause, leaves its time and place to the cue: "endorsed Clinton on Thursday".
      const clause = rest.some((t) => t.tags.has('Verb') && !/Gerund|Participle|Infinitive/.test([...t.tags].join(' ')))
      const whole = trimClause(doc.text, rest[0].start, end)
      const content = clause ? whole : withoutTrailingFrame(doc, whole)
      if (!content || rest.length < 2) return null
      return { cue, content: [content], source: subject, rule: 'name-verb-clause' }
    },
  },
]

/**
 * Where the clause governed from token `from` ends: the sentence's end, a semicolon, or the start of another
 * attribution joined on by a comma or "and" ("…, the source added", "…, saying …", "… and said …").
 */
function clauseEnd(_doc: Doc, cue: Cue, from: number, others: ReadonlyMap<number, Cue>): number {
  const { tokens } = cue
  for (let k = from + 1; k < tokens.length; k++) {
    if (/;/.test(tokens[k - 1].post)) return tokens[k - 1].end
    // ", which …", ", although …": a new clause about the content, not part of it.
    if (/,/.test(tokens[k - 1].post) && AFTERTHOUGHT.test(tokens[k].lower)) return tokens[k - 1].end
    // "… turning their way — and the Senate is …": a dash and a conjunction start the writer's own clause.
    if (/\s(—|–|-|--)\s/.test(`${tokens[k - 1].post} `) && /^(and|but|with|while|as)$/.test(tokens[k].lower)) return tokens[k - 1].end
    if (/,/.test(tokens[k - 1].post) && tokens[k].lower === 'compared' && tokens[k + 1]?.lower === 'with') return tokens[k - 1].end
    // "calling him a "stiff" and accusing him of …", "called it a hoax and demanded …": a second verb in the cue's
    // own form, after an object with no verb, is the speaker's next act.
    if (
      /^(and|but)$/.test(tokens[k].lower) &&
      sameForm(cue.tokens[cue.at], tokens[k + 1]) &&
      !tokens.slice(from, k).some((t) => t.tags.has('Verb'))
    )
      return tokens[k - 1].end + (/^[”"’]*/.exec(tokens[k - 1].post)?.[0].length ?? 0)
    const next = others.get(k)
    if (!next || next === cue) continue
    // "… and said the record is clear": a second cue of the same subject.
    if (/^(and|but)$/.test(tokens[k - 1].lower) && k - 1 > from && next.rule.family === 'speech')
      return tokens[k - 2].end + (/^[”"’]*/.exec(tokens[k - 2].post)?.[0].length ?? 0)
    const subject = subjectBefore(tokens, k)
    const b = subject && subject.from > from ? subject.from : k
    if (/[,—–]/.test(tokens[b - 1].post)) return tokens[b - 1].end
    if (/^(and|but)$/.test(tokens[b - 1].lower) && b - 1 > from) return tokens[b - 2].end
  }
  return cue.sentence.end
}

export function findContents(doc: Doc, cues: Cue[]): Governed[] {
  const governed: Governed[] = []
  // Each sentence's cues by their first token, made once: clauseEnd looks one up at every token.
  const bySentence = new Map<Cue['sentence'], Map<number, Cue>>()
  for (const cue of cues) {
    const same = bySentence.get(cue.sentence)
    if (same) same.set(cue.at, cue)
    else bySentence.set(cue.sentence, new Map([[cue.at, cue]]))
  }
  for (const cue of cues) {
    const subject = cue.rule.family === 'according-to' ? null : subjectBefore(cue.tokens, cue.at)
    const others = bySentence.get(cue.sentence)!
    for (const p of PATTERNS) {
      const g = p.match(doc, cue, subject, others)
      if (g) {
        governed.push(g)
        break
      }
    }
  }
  return governed
}
