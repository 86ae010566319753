// Stage 4, cues: takes the Doc and the learned cue model; gives the cues, reporting words and phrases outside
// quotation marks ("said", "denied", "according to"), each with its sentence's tokens and its rule: from the
// lexicons (rules/cues/) where they know the word, from the learned model where they do not. Only sentences
// that hold a cue word outside quotation marks are tagged by compromise, all in one pass: parse only what needs
// parsing.

import { type CueModel, probability } from '../learned/cue-model.js'
import { cueFeatures } from '../learned/features.js'
import type { Token } from '../nlp.js'
import { leadInBefore, OPENS_QUOTE, subjectBefore, verbTakenForNoun } from '../phrases.js'
import { insideQuote } from '../quoted.js'
import { CUE_RULES, type CueRule } from '../rules/cues/index.js'
import { CALLING } from '../rules/quote-patterns.js'
import { sentenceTokens } from '../sentence-tokens.js'
import type { Span } from '../types.js'
import type { Doc, Sentence } from './03-segment.js'

export interface Cue {
  sentence: Sentence
  tokens: Token[]
  /** Index of the cue's first token, and how many tokens it takes. */
  at: number
  length: number
  span: Span
  rule: CueRule
  /** How sure the learned model is, for a cue it found; 1 for a lexicon cue. */
  probability: number
}

const FORMS = new Map<string, CueRule>()
for (const r of CUE_RULES) for (const f of r.forms) FORMS.set(f, r)
export const isLexiconForm = (word: string) => FORMS.has(word)
/** The lexicon's rule for a cue as written ("said", "according to"), if it has one. */
export const lexiconRule = (words: string): CueRule | undefined => FORMS.get(words.toLowerCase())
/**
 * The plain forms of the lexicon's verbs that it leaves out, as after a modal they report nothing ("may warn"):
 * cues after a plural subject only, "Prosecutors allege that …", "Critics warn that …". Not those whose plain form
 * is as often something else: "Shares decline", "Rebels attack", "Companies plan".
 */
const PLAIN_FAMILIES = new Set(['speech', 'deny', 'belief', 'evidence'])
const PLAIN = new Map<string, CueRule>()
for (const r of CUE_RULES) if (PLAIN_FAMILIES.has(r.family) && /^[a-z]+$/.test(r.lemma) && !FORMS.has(r.lemma)) PLAIN.set(r.lemma, r)
const FIRST_WORDS = [...new Set([...FORMS.keys(), ...PLAIN.keys()].map((f) => f.split(' ')[0]))]

/** Whether what follows token `i` says something: "that …", a quote, or a verb before the clause's first mark. */
function clauseAfter(tokens: Token[], i: number): boolean {
  if (/^(that|whether|if)$/.test(tokens[i + 1]?.lower ?? '') || /[:,]/.test(tokens[i].post)) return true
  for (let k = i + 1; k < tokens.length; k++) {
    // "post record profits as prices rise": a verb after a subordinator is another clause's.
    if (/^(as|when|while|because|after|before|since|until|though|although)$/.test(tokens[k].lower)) return false
    if (tokens[k].tags.has('Verb') || OPENS_QUOTE.test(tokens[k].pre)) return true
    if (/[,;:.!?]/.test(tokens[k].post)) return false
  }
  return false
}

/** Whether a plural subject stands right before token `i`, an adverb aside: "Critics (also) warn". */
function pluralBefore(tokens: Token[], i: number): boolean {
  let k = i - 1
  if (k > 0 && tokens[k].tags.has('Adverb') && !tokens[k].post.trim() && tokens[k].lower !== 'not') k--
  const t = tokens[k]
  if (!t || t.post.trim()) return false
  return /^(they|we|i|you)$/.test(t.lower) || (t.tags.has('Plural') && t.tags.has('Noun') && !t.tags.has('Possessive'))
}

/** Auxiliaries and adverbs that may stand between a subject and its cue, or mark a cue as not reporting. */
const NOT_A_CUE_BEFORE = new Set(['to', 'will', 'would', 'could', 'might', 'may', 'should', 'must', 'can', 'not', "n't", 'never'])

export { insideQuote }

/**
 * A cue verb the tagger took for something else: 'He said candidates are…' read as 'the said candidates',
 * 'Clinton is more conservative, saying she…' read as 'a saying'. After a noun or pronoun "said" is a verb;
 * an -ing form is one after a comma or an "and", where it goes on the sentence's first verb.
 */
function verbTakenForOther(tokens: Token[], i: number): boolean {
  const t = tokens[i]
  const before = tokens[i - 1]
  // "was quoted as saying": the tagger reads "saying" as a noun, "telling" as an adjective.
  if (before?.lower === 'as' && leadInBefore(tokens, i) >= 0) return true
  // 'He said: “It’s over.”': before a colon or comma and a quote, the tagger may take the verb for an exclamation.
  const quoted = /^[:,]\s*$/.test(t.post) && OPENS_QUOTE.test(tokens[i + 1]?.pre ?? '')
  if (quoted && before && !before.post.trim() && (before.tags.has('Noun') || before.tags.has('Pronoun'))) return true
  if (t.tags.has('Adjective')) {
    if (before === undefined) return false
    if (!before.post.trim())
      return (
        before.tags.has('Pronoun') || before.tags.has('ProperNoun') || before.tags.has('Noun') || /^(who|which|that)$/.test(before.lower)
      )
    // '"… a little," said Reince Priebus': after a quote's closing mark, the word is its verb.
    if (/[”"]|''/.test(before.post)) return true
    // "…on Tuesday, telling CNN that …": a participle after a comma.
    if (/ing$/.test(t.lower) && /[,—–]/.test(before.post)) return true
    // "Debbie Walsh, a director, said Clinton …": after an aside that follows a subject, the word is its verb.
    return /[,—–)]/.test(before.post) && subjectBefore(tokens, i)?.apposition != null
  }
  if (!t.tags.has('Noun') || before === undefined) return false
  if (/ing$/.test(t.lower)) return /[,—–]/.test(before.post) || before.lower === 'and'
  // "says", "asks" are no nouns: "A person familiar with the planning for Thursday’s meeting says …".
  if (/^(says|asks|tells|adds|insists|argues|explains|writes|recalls|concedes|admits|acknowledges)$/.test(t.lower))
    return (!/[.;:]/.test(before.post) && subjectBefore(tokens, i) !== null) || /[”"’']/.test(before.post) // '"…," says Scott'
  // "observers around the country say Scott deserves …": after a noun, with no determiner of its own, a verb;
  // unless a verb follows it, which makes it the noun of a subject: "voter fraud claims have been debunked".
  const next = tokens[i + 1]
  return (
    next !== undefined &&
    !next.tags.has('Verb') &&
    !before.post.trim() &&
    // "Another slide shows that …": the noun before may be one the tagger read as a verb.
    (before.tags.has('Noun') || verbTakenForNoun(tokens, i - 1, 0)) &&
    !before.tags.has('Possessive') &&
    !/^(a|an|the|their|his|her|its|our|my|your|final|last|no|any|some|more|little|equal)$/.test(before.lower) &&
    next !== undefined &&
    !/^(in|on|of|over|about|so)$/.test(next.lower) &&
    subjectBefore(tokens, i) !== null
  )
}

/**
 * "organizer of a group called Citizens for Trump", "is sponsoring a competition called the House to Home Prize": after
 * a noun phrase that is a preposition's or a verb's object, "called" names it; it is no verb of that phrase.
 */
function namesAThing(tokens: Token[], i: number): boolean {
  if (tokens[i].lower !== 'called') return false
  let k = i - 1
  while (
    k >= 0 &&
    !tokens[k].post.trim() &&
    (tokens[k].tags.has('Noun') || tokens[k].tags.has('Adjective')) &&
    !tokens[k].tags.has('Pronoun')
  )
    k--
  if (k === i - 1 || k < 1 || !/^(a|an|the)$/.test(tokens[k].lower) || tokens[k].post.trim()) return false
  const before = tokens[k - 1]
  // "what the minister called …": a relative word makes the phrase its subject; so does a subordinator ("after
  // the president called for new elections").
  if (
    /^(what|which|that|who|whom|as|after|since|before|until|till|when|while|because|if|though|although|once|unless|than)$/.test(
      before.lower,
    )
  )
    return false
  return !before.post.trim() && (before.tags.has('Preposition') || (before.tags.has('Verb') && !before.tags.has('Auxiliary')))
}

/**
 * What a court, a border or an office grants: denying it refuses it ("denied bail"), it denies no claim. Not "the
 * request": "China denied the request" after a report that one was made denies that it was.
 */
const GRANTED =
  /^(bail|entry|access|visas?|permission|permits?|asylum|parole|licen[cs]es?|citizenship|passage|admission|clearance|the right|rights|motions?|petitions?|applications?|appeals?)$/

/**
 * "The court denied bail", "denied him a visa", "has denied aid groups access to the north": a refusal. The thing
 * refused is the object itself, after at most a determiner and who was refused; not "denied making the appeal",
 * "denied the existence of such a motion", nor a clause's subject ("denied any appeal was filed").
 */
function refusesAThing(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k <= i + 4 && k < tokens.length; k++) {
    const t = tokens[k]
    const two = k + 1 < tokens.length ? `${t.lower} ${tokens[k + 1].lower}` : ''
    if (GRANTED.test(t.lower) || GRANTED.test(two)) {
      const next = tokens[k + (GRANTED.test(two) ? 2 : 1)]
      return !next || !(next.tags.has('Verb') || next.tags.has('Auxiliary') || next.tags.has('Modal'))
    }
    if (t.tags.has('Verb') || t.tags.has('Preposition') || t.tags.has('Conjunction') || /^(that|whether|if)$/.test(t.lower)) return false
    if (t.post.trim()) return false
  }
  return false
}

function cueAt(_doc: Doc, tokens: Token[], i: number): { rule: CueRule; length: number } | null {
  const t = tokens[i]
  const two = i + 1 < tokens.length ? `${t.lower} ${tokens[i + 1].lower}` : ''
  if (FORMS.has(two)) return { rule: FORMS.get(two)!, length: 2 }
  const plain = PLAIN.get(t.lower)
  if (plain) return pluralBefore(tokens, i) && clauseAfter(tokens, i) ? { rule: plain, length: 1 } : null
  const rule = FORMS.get(t.lower)
  if (!rule) return null
  // "Warren appeared with Maddow", "first appeared on the site", "making cash appear as needed": to appear somewhere
  // is to show up, not to seem.
  if (rule.lemma === 'seem' && /^appear/.test(t.lower) && showsUp(tokens, i)) return null
  if (rule.lemma === 'deny' && refusesAThing(tokens, i)) return null
  if (rule.lemma === 'call' && ((!t.post.trim() && /^(into|back|up|off)$/.test(tokens[i + 1]?.lower ?? '')) || namesAThing(tokens, i)))
    return null
  // "reportedly" is an adverb that attributes: it needs no verb's tag; before a cue ("Trump reportedly said") it
  // only hedges that cue.
  if (rule.lemma === 'reportedly' && FORMS.has(tokens[i + 1]?.lower ?? '')) return null
  if (!t.tags.has('Verb') && !verbTakenForOther(tokens, i) && rule.lemma !== 'reportedly') return null
  // "Theresa May said", "Will Hurd said": a name is no modal.
  if (
    i > 0 &&
    NOT_A_CUE_BEFORE.has(tokens[i - 1].lower) &&
    !tokens[i - 1].tags.has('ProperNoun') &&
    rule.family !== 'belief' &&
    !(rule.lemma === 'expect' && /^(not|n't|never)$/.test(tokens[i - 1].lower)) && // "is not expected to
    leadInBefore(tokens, i) < 0 // "went on to say", "took to Twitter to say" report what was said
  )
    return null
  return { rule, length: 1 }
}

/** A word outside the lexicons that the model takes for a cue: its family from what follows it. */
function learnedRule(tokens: Token[], i: number): CueRule {
  const next = tokens[i + 1]?.lower ?? ''
  const family = next === 'to' ? 'intention' : /^(that|whether|if)$/.test(next) || /[,:]/.test(tokens[i].post) ? 'speech' : 'evaluation'
  return {
    forms: [tokens[i].lower],
    lemma: tokens[i].lower,
    stance: 'assert',
    family,
    rule: 'learned-cue',
    example: 'The governor signaled that she would run.',
  }
}

/** "appeared with Maddow", "appeared on the show", "appeared before the committee": showing up, not seeming. */
function showsUp(tokens: Token[], i: number): boolean {
  const [next, after] = [tokens[i + 1], tokens[i + 2]]
  if (!next || tokens[i].post.trim()) return false
  if (/^(with|alongside|onstage|together)$/.test(next.lower)) return true
  // "on the show", "at a rally", "in court filings", "before the committee"; not "on track", "at risk", "in danger".
  return /^(on|at|in|before)$/.test(next.lower) && after !== undefined && (after.tags.has('Determiner') || isCapitalized(after))
}
const isCapitalized = (t: Token) => /^\p{Lu}/u.test(t.text)
const AUXILIARY = ['Auxiliary', 'Copula', 'Modal', 'Negative']
const DURATION = /^(hours|days|weeks|months|years|minutes|decades|ages)$/
/** Whether a quote opens in what follows the verb, before the clause's first comma or semicolon. */
function quoteInObject(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length; k++) {
    if (OPENS_QUOTE.test(tokens[k].pre)) return true
    if (/[,;:]/.test(tokens[k].post)) return false
  }
  return false
}

function learnedCueAt(
  doc: Doc,
  model: CueModel,
  candidates: Set<string>,
  tokens: Token[],
  i: number,
): { rule: CueRule; probability: number } | null {
  const t = tokens[i]
  if (!candidates.has(t.lower) || !t.tags.has('Verb') || FORMS.has(t.lower)) return null
  // "are expected", "doesn't seem": an auxiliary only carries the cue after it.
  if (AUXILIARY.some((g) => t.tags.has(g))) return null
  // "branded the plan "a giveaway"": what is called in quotes is the quote-first stage's (called-quote).
  if (CALLING.test(t.lower) && quoteInObject(tokens, i)) return null
  // "lined up for hours", "waited for days": a verb whose object is a stretch of time reports nothing.
  let o = i + 1
  while (o < tokens.length && o <= i + 3 && (tokens[o].tags.has('Particle') || tokens[o].tags.has('Preposition'))) o++
  // …unless what was said follows: "has cautioned for years that the fund would run dry".
  const said = tokens[o + 1] && (tokens[o + 1].lower === 'that' || /[:“"]/.test(tokens[o].post + tokens[o + 1].pre))
  if (o > i + 1 && DURATION.test(tokens[o]?.lower ?? '') && !said) return null
  const p = probability(model, cueFeatures(doc, tokens, i))
  return p >= model.threshold ? { rule: learnedRule(tokens, i), probability: p } : null
}

const prefilters = new WeakMap<CueModel, { words: Set<string>; test: RegExp }>()
function prefilterFor(model: CueModel) {
  let p = prefilters.get(model)
  if (!p) {
    const words = new Set(model.candidates)
    const all = [...new Set([...FIRST_WORDS, ...words])].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    p = { words, test: new RegExp(`\\b(${all.join('|')})\\b`, 'gi') }
    prefilters.set(model, p)
  }
  return p
}

/**
 * Whether a cue word starts somewhere outside the quotes: a word inside them is never taken for a cue, and
 * nearly every sentence holds one of the model's candidates, often only in what it quotes.
 */
function mayHoldCue(doc: Doc, words: RegExp, sentence: Sentence): boolean {
  words.lastIndex = 0
  for (let m = words.exec(sentence.text); m; m = words.exec(sentence.text)) {
    if (!insideQuote(doc, sentence.start + m.index)) return true
    words.lastIndex = m.index + 1 // a shorter form may start inside a longer one: "sponsored" in "co-sponsored"
  }
  return false
}

export function findCues(doc: Doc, model: CueModel): Cue[] {
  const cues: Cue[] = []
  const prefilter = prefilterFor(model)
  const sentences = doc.sentences.filter((s) => mayHoldCue(doc, prefilter.test, s))
  const tagged = sentenceTokens(doc, sentences)
  for (const [k, sentence] of sentences.entries()) {
    const tokens = tagged[k]
    for (let i = 0; i < tokens.length; i++) {
      if (insideQuote(doc, tokens[i].start)) continue
      const found = cueAt(doc, tokens, i) ?? learnedCueAt(doc, model, prefilter.words, tokens, i)
      if (!found) continue
      const length = 'length' in found ? found.length : 1
      const last = tokens[i + length - 1]
      const span = { start: tokens[i].start, end: last.end, text: doc.text.slice(tokens[i].start, last.end) }
      cues.push({ sentence, tokens, at: i, length, span, rule: found.rule, probability: 'probability' in found ? found.probability : 1 })
      i += length - 1
    }
  }
  return cues
}
