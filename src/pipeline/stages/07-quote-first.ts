// Stage 7, quote-first: takes the Doc and the drafts; gives them with a draft added for every quotation in prose
// that no cue claimed but the words around it attribute: '"We will win," the mayor predicted.', 'She told
// them: "Go home."', '"Never again." — Ana Ruiz'. A quote interrupted by its own attribution ('"Q1," she said,
// "Q2"') joins that draft as its second fragment: one statement in two fragments.

import { type Draft, nextDraftId, type SourceMention } from '../drafts.js'
import { isRoleWord } from '../names.js'
import { type Token, tag } from '../nlp.js'
import { type Phrase, phraseAfter, subjectBefore } from '../phrases.js'
import { heldAsTitle } from '../quote-edges.js'
import type { Quote } from '../quotes.js'
import { CALLING, NOT_A_NAME_BEFORE_COLON, NOT_SAYING } from '../rules/quote-patterns.js'
import { sentenceTokens } from '../sentence-tokens.js'
import { overlaps, spanOf, trimClause } from '../spans.js'
import type { Span } from '../types.js'
import type { Doc, Sentence } from './03-segment.js'
import type { Cue } from './04-cues.js'
import { mention } from './06-sources.js'

interface Found {
  rule: string
  sentence: Sentence
  cue: Cue | null
  source: SourceMention
  /** When the statement is more than the quote: the clause that holds it. */
  content?: Span
}

interface Around {
  doc: Doc
  quote: Quote
  tokensOf: (s: Sentence) => Token[]
}

interface QuotePattern {
  rule: string
  example: string
  match: (a: Around) => Found | null
}

const sentenceAt = (doc: Doc, at: number) => doc.sentences.find((s) => at >= s.start && at < s.end)
const isCapital = (t: Token) => /^[\p{Lu}]/u.test(t.text)
const isSaying = (t: Token) =>
  t.tags.has('Verb') && (t.tags.has('PastTense') || t.tags.has('PresentTense')) && !t.tags.has('Auxiliary') && !NOT_SAYING.has(t.lower)

/** A cue for a verb no lexicon lists: "predicted", "quipped", "blared". */
function cueOf(doc: Doc, sentence: Sentence, tokens: Token[], at: number, rule: string): Cue {
  const t = tokens[at]
  return {
    sentence,
    tokens,
    at,
    length: 1,
    probability: 1,
    span: spanOf(doc.text, t.start, t.end),
    rule: { forms: [t.lower], lemma: t.lower, stance: 'assert', family: 'speech', rule, example: '"We will win," the mayor predicted.' },
  }
}

/** A mention made of tokens with nothing around them: a name after a dash or before a colon. */
function bareMention(doc: Doc, tokens: Token[]): SourceMention {
  return {
    span: spanOf(doc.text, tokens[0].start, tokens[tokens.length - 1].end),
    tokens,
    apposition: null,
    appositionTokens: [],
    antecedent: null,
  }
}

function withCue(doc: Doc, sentence: Sentence, tokens: Token[], verb: number, phrase: Phrase, rule: string): Found {
  const cue = cueOf(doc, sentence, tokens, verb, rule)
  return { rule, sentence, cue, source: mention(doc, cue, phrase) }
}

/** A run of capitalised words (with joiners) from token i on, at most `max` long. */
function nameRun(tokens: Token[], from: number, to: number): Token[] | null {
  const run = tokens.slice(from, to)
  if (!run.length || run.length > 5 || !isCapital(run[0]) || !isCapital(run[run.length - 1])) return null
  return run.every((t) => isCapital(t) || /^(of|de|van|von|al|bin|la|le)$/.test(t.lower)) ? run : null
}

export const QUOTE_PATTERNS: QuotePattern[] = [
  {
    rule: 'quote-then-verb',
    example: '"We will rebuild every home," the governor promised. / "It is over," conceded the challenger.',
    match({ doc, quote, tokensOf }) {
      if (!/[,!?—–-]$/.test(quote.inner.text) && !/^[”"’'»]*,/.test(doc.text.slice(quote.close, quote.close + 3))) return null
      const sentence = sentenceAt(doc, quote.close)
      if (!sentence || heldAsTitle(doc, quote, sentence.start)) return null
      const tokens = tokensOf(sentence)
      const k = tokens.findIndex((t) => t.start > quote.close)
      if (k < 0 || !/^[”"’'»\s,]*$/.test(doc.text.slice(quote.close, tokens[k].start))) return null
      // '"Q," said the mayor' / '"Q," the mayor said'
      if (isSaying(tokens[k])) {
        const p = phraseAfter(tokens, k + 1)
        return p ? withCue(doc, sentence, tokens, k, p, this.rule) : null
      }
      for (let v = k + 1; v < Math.min(tokens.length, k + 9); v++) {
        if (!isSaying(tokens[v])) continue
        const p = subjectBefore(tokens, v, k)
        return p && p.from === k ? withCue(doc, sentence, tokens, v, p, this.rule) : null
      }
      return null
    },
  },
  {
    rule: 'quote-dash-name',
    example: '"Nobody will be left behind." — Mayor Ana Ruiz',
    match({ doc, quote }) {
      const m = /^[”"’'»]*[ \t]*(?:—|–|―|--|-)[ \t]*/.exec(doc.text.slice(quote.close, quote.close + 8))
      if (!m) return null
      const from = quote.close + m[0].length
      const line = /^[^\n]*/.exec(doc.text.slice(from, from + 80))![0]
      const tokens = tag(doc.text, from, from + line.length)
      let end = 0
      while (
        end < tokens.length &&
        end < 6 &&
        !/[,.;]/.test(tokens[end].pre) &&
        (isCapital(tokens[end]) || /^(of|de|van|von|al|bin)$/.test(tokens[end].lower))
      ) {
        end++
        if (/[,.;(]/.test(tokens[end - 1].post)) break
      }
      const run = nameRun(tokens, 0, end)
      const sentence = sentenceAt(doc, quote.close) ?? sentenceAt(doc, quote.inner.start)
      return run && sentence ? { rule: this.rule, sentence, cue: null, source: bareMention(doc, run) } : null
    },
  },
  {
    rule: 'name-colon-quote',
    example: 'Mayor Ana Ruiz: "Nobody will be left behind."',
    match({ doc, quote, tokensOf }) {
      const sentence = sentenceAt(doc, quote.open)
      if (!sentence || !/:\s*$/.test(doc.text.slice(sentence.start, quote.open))) return null
      const tokens = tokensOf(sentence).filter((t) => t.end <= quote.open)
      if (!tokens.length || NOT_A_NAME_BEFORE_COLON.has(tokens[tokens.length - 1].lower)) return null
      let from = tokens.length - 1
      while (from > 0 && from > tokens.length - 5 && isCapital(tokens[from - 1]) && !/[,;:—–-]/.test(tokens[from - 1].post)) from--
      const lead = tokens[from - 1]
      // "From the report:", "From Merkel's Facebook post:": a source, or its owner, after a leading "from".
      const owned = fromSource(tokens)
      if (owned) return { rule: this.rule, sentence, cue: null, source: bareMention(doc, owned) }
      // The name stands alone before the colon, or after "from" / a dash: "More from Jones:".
      if (lead && !(lead.lower === 'from' || /[—–-]\s*$/.test(lead.post))) return null
      const run = nameRun(tokens, from, tokens.length)
      if (!run || run.some((t) => NOT_A_NAME_BEFORE_COLON.has(t.lower))) return null
      return { rule: this.rule, sentence, cue: null, source: bareMention(doc, run) }
    },
  },
  {
    rule: 'verb-then-quote',
    example: 'The governor told the crowd: "We will rebuild." / Trump jokingly said, "I am becoming mainstream."',
    match({ doc, quote, tokensOf }) {
      const sentence = sentenceAt(doc, quote.open)
      if (!sentence) return null
      const tokens = tokensOf(sentence)
      let j = -1
      for (let i = 0; i < tokens.length && tokens[i].end <= quote.open; i++) j = i
      if (j < 1) return null
      const gap = doc.text.slice(tokens[j].end, quote.open)
      const colon = /^\s*:\s*$/.test(gap)
      if (!colon && !/^\s*,\s*$/.test(gap)) return null
      // After a colon the verb may stand a few words back ("addressed the crowd again:"); after a comma it ends the clause.
      const reach = colon ? 8 : 2
      for (let v = j; v >= Math.max(0, j - reach); v--) {
        if (v < j && /[,;:"“”]/.test(tokens[v].post)) break
        // "She followed that by saying, "…"": the subject of the sentence's verb says it.
        if (
          SAYING_AFTER.test(tokens[v - 1]?.lower ?? '') &&
          /^(saying|adding|telling|writing|asking|declaring|insisting)$/.test(tokens[v].lower)
        ) {
          const verb = tokens.findIndex((t, k) => k < v - 1 && t.tags.has('Verb') && !t.tags.has('Auxiliary'))
          const p = verb > 0 ? subjectBefore(tokens, verb) : null
          return p ? withCue(doc, sentence, tokens, v, p, this.rule) : null
        }
        if (!isSaying(tokens[v]) && !(tokens[v].tags.has('Verb') && /^(put|puts)$/.test(tokens[v].lower))) continue
        // "Trump jokingly said": the subject stands before the adverbs.
        let a = v
        while (a > 0 && tokens[a - 1].tags.has('Adverb') && /ly$/.test(tokens[a - 1].lower)) a--
        const p = subjectBefore(tokens, v) ?? (a < v ? subjectBefore(tokens, a) : null)
        return p ? withCue(doc, sentence, tokens, v, p, this.rule) : null
      }
      return null
    },
  },
  {
    rule: 'clause-quote',
    example: 'The mayor described the budget as "a road map to ruin" on Monday. / She called it "a disgrace."',
    match({ doc, quote, tokensOf }) {
      const sentence = sentenceAt(doc, quote.open)
      if (!sentence || quote.inner.text.split(/\s+/).length < 2 || quote.inner.end > sentence.end) return null
      // "starred in "The Long Road Home"": a title in quotes is nobody's words.
      if (quote.inner.text.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w) || /^(a|an|the|of|in|on|and|to|for|at|by)$/.test(w)))
        return null
      const tokens = tokensOf(sentence)
      const before = tokens.filter((t) => t.end <= quote.open)
      if (!before.length || /:\s*$/.test(doc.text.slice(before[before.length - 1].end, quote.open))) return null
      for (let v = 1; v < before.length; v++) {
        if (!isSaying(tokens[v]) || /[;]/.test(doc.text.slice(tokens[v].end, quote.open))) continue
        const p = subjectBefore(tokens, v)
        if (!p || (p.from > 0 && !/,/.test(tokens[p.from - 1].post))) return null
        const found = withCue(doc, sentence, tokens, v, p, CALLING.test(tokens[v].lower) ? 'called-quote' : this.rule)
        return { ...found, content: clauseAround(doc, tokens[v].end, quote, sentence) }
      }
      return null
    },
  },
  {
    rule: 'verb-sentence-quote',
    example: 'Professor Anna Berg agreed. "The ministers are running out of time."',
    match({ doc, quote, tokensOf }) {
      // A quote that opens its sentence, after a sentence that is only a subject and a verb of speaking.
      const k = doc.sentences.findIndex((s) => quote.open >= s.start && quote.open < s.end)
      const sentence = doc.sentences[k]
      const before = doc.sentences[k - 1]
      if (!sentence || !before || quote.open - sentence.start > 1 || sentence.paragraph - before.paragraph > 1) return null
      if (!/\.\s*$/.test(before.text) || doc.quotes.some((q) => q.open >= before.start && q.open < before.end)) return null
      const tokens = tokensOf(before)
      const v = tokens.length - 1
      if (v < 1 || v > 10 || !SPOKE.test(tokens[v].lower) || !tokens[v].tags.has('Verb')) return null
      const p = subjectBefore(tokens, v)
      // "Berg agreed.", "The minister disagreed.", "She added.": a person, not "Talks" or "The protests".
      const words = p ? tokens.slice(p.from, p.to) : []
      const person =
        words.some((t) => t.tags.has('Person') || t.tags.has('ProperNoun')) ||
        (words.length === 1 && /^(he|she|they|we|i)$/.test(words[0].lower)) ||
        isRoleWord(words[words.length - 1]?.text ?? '')
      return p && p.from === 0 && person ? { ...withCue(doc, before, tokens, v, p, this.rule), sentence } : null
    },
  },
]

/** Verbs that end a sentence announcing the quote after it: "Berg agreed.", "The minister disagreed." */
const SPOKE =
  /^(agreed|agrees|disagreed|disagrees|added|adds|explained|explains|concluded|elaborated|recalled|recalls|replied|responded|countered|objected|warned|concurred|wrote|writes)$/

/**
 * The source of "From the report:" or "(More) from Merkel's Facebook post:" standing before a colon: the owner
 * when the phrase has one, else the phrase.
 */
function fromSource(tokens: Token[]): Token[] | null {
  const at = tokens[0]?.lower === 'from' ? 1 : tokens[0]?.lower === 'more' && tokens[1]?.lower === 'from' ? 2 : -1
  const phrase = tokens.slice(at)
  if (at < 0 || !phrase.length || phrase.length > 6 || phrase.slice(0, -1).some((t) => /[,;:—–]/.test(t.post))) return null
  if (phrase.some((t) => t.tags.has('Verb') && !t.tags.has('Noun'))) return null
  const owner = phrase.findIndex((t) => /['’]s?$/.test(t.text) && t.tags.has('Possessive'))
  if (owner >= 0) return phrase.slice(/^(the|a|an)$/.test(phrase[0].lower) ? 1 : 0, owner + 1)
  // "From the report:", not "From the outset:": the phrase must name something written or said.
  const head = phrase[phrase.length - 1].lower
  return /^(the|a|an|this|that|his|her|their|its)$/.test(phrase[0].lower) && phrase.length >= 2 && UTTERANCE.test(head) ? phrase : null
}
const UTTERANCE =
  /^(report|statement|post|letter|memo|email|e-mail|release|transcript|filing|complaint|ruling|speech|interview|tweet|study|survey|poll|editorial|column|article|book|lawsuit|indictment|affidavit|analysis|document|decision|opinion|order|testimony|remarks|message|announcement)$/

const SAYING_AFTER = /^(by|before|after|while|when)$/

/** From after the verb to the end of the clause that holds the quote. */
function clauseAround(doc: Doc, from: number, quote: Quote, sentence: Sentence): Span {
  const semi = doc.text.slice(quote.close, sentence.end).search(/;/)
  const end = semi >= 0 ? quote.close + semi : sentence.end
  return trimClause(doc.text, from, end) ?? quote.inner
}

/** The draft whose quote this one resumes after an interruption: '"Q1," she said, "Q2"' or '"Q1," she said. "Q2"'. */
function interrupted(doc: Doc, quote: Quote, drafts: Draft[]): Draft | undefined {
  const before = doc.quotes.filter((q) => q.close < quote.open && q.close > quote.open - 200).pop()
  if (!before || before.unclosed || sentenceAt(doc, before.close)?.paragraph !== sentenceAt(doc, quote.open)?.paragraph) return undefined
  const between = doc.text.slice(before.close, quote.open)
  if (/[“"„«]/.test(between.slice(1))) return undefined
  return drafts.find(
    (d) =>
      d.cue &&
      d.content.some((c) => overlaps(c, before.inner)) &&
      d.cue.span.start > before.close &&
      d.cue.span.end < quote.open &&
      /[,.]\s*$/.test(between),
  )
}

export function attributeQuotes(doc: Doc, drafts: Draft[]): Draft[] {
  const tokensOf = (s: Sentence) => sentenceTokens(doc, [s])[0]
  let out = [...drafts]
  let nextId = nextDraftId(drafts)
  const claimed = (span: Span) => out.some((d) => d.content.some((c) => overlaps(c, span)))
  for (const quote of doc.quotes) {
    if (claimed(quote.inner) || doc.skips.some((s) => overlaps(s, quote.inner))) continue
    const resumes = interrupted(doc, quote, out)
    if (resumes) {
      out = out.map((d) => (d === resumes ? { ...d, content: [...d.content, quote.inner] } : d))
      continue
    }
    for (const p of QUOTE_PATTERNS) {
      const f = p.match({ doc, quote, tokensOf })
      if (!f) continue
      out.push({
        id: nextId++,
        cue: f.cue,
        content: [f.content ?? quote.inner],
        source: f.source,
        recipient: null,
        stance: 'assert',
        rule: f.rule,
        sentence: f.sentence,
      })
      break
    }
  }
  return out
}
