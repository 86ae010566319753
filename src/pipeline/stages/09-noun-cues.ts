// Stage 9, noun cues: takes the Doc and the drafts; gives them with a draft added for each attribution written
// with a noun instead of a speech verb: "his claim that …", "Trump's criticism of …", "the senator's promise
// to …". The possessive before the noun is the source, the words its complement opens are the content. A pass
// of its own, like 08-speaker-lines.ts: no verb cue sees these.

import { type Draft, nextDraftId, type SourceMention } from '../drafts.js'
import type { Token } from '../nlp.js'
import { NOUN_CUES, type NounCue } from '../rules/noun-cues.js'
import { sentencesHolding } from '../sentence-tokens.js'
import { overlaps, spanOf, trimClause } from '../spans.js'
import type { Span } from '../types.js'
import type { Doc } from './03-segment.js'
import type { Cue } from './04-cues.js'
import { insideQuote } from './04-cues.js'

const BY_FORM = new Map<string, NounCue>()
for (const n of NOUN_CUES) for (const f of n.forms) BY_FORM.set(f, n)
const MAY_HOLD = new RegExp(`\\b(${[...BY_FORM.keys()].join('|')})\\b`, 'i')

const POSSESSIVE_PRONOUNS = /^(his|her|their|its)$/
const BREAK = /[,;:—–()]|--/
/** Words after which a verb opens a clause inside the content, not the sentence's own verb. */
const SUBORDINATE =
  /^(that|who|whom|whose|which|and|or|but|if|because|when|while|as|since|after|before|until|where|whether|what|how|why|to)$/

/** "repeated", "recent", "own": a word between the owner and the noun. The tagger reads "repeated" as a verb. */
const isModifier = (t: Token) => !t.tags.has('Possessive') && (t.tags.has('Adjective') || (t.tags.has('PastTense') && /ed$/.test(t.lower)))

/** The tagger reads "Rivera’s attacks" as "Rivera is attacks": a name with an 's before a noun cue owns it. */
const isPossessive = (t: Token) => t.tags.has('Possessive') || (/^\p{Lu}/u.test(t.text) && /['’]s$/.test(t.text))

/** The possessive that owns the noun at i, over at most two adjectives: "Trump's repeated claims". */
function ownerBefore(tokens: Token[], i: number): [number, number] | null {
  let j = i - 1
  while (j >= 0 && i - j <= 2 && isModifier(tokens[j]) && !BREAK.test(tokens[j].post)) j--
  const owner = tokens[j]
  if (!owner || !isPossessive(owner) || BREAK.test(owner.post) || /["“”]/.test(owner.post)) return null
  if (owner.tags.has('Pronoun')) return POSSESSIVE_PRONOUNS.test(owner.lower) ? [j, j + 1] : null
  if (!/['’]s?$/.test(owner.text)) return null
  // "Ohio Gov. John Kasich's", "the senator's": back over the words of the name or the description.
  let from = j
  while (from > 0 && j - from < 5) {
    const prev = tokens[from - 1]
    if (BREAK.test(prev.post) || /["“”]/.test(prev.post) || prev.tags.has('Possessive')) break
    if (!['ProperNoun', 'Noun', 'Adjective', 'Determiner', 'Honorific', 'Acronym'].some((g) => prev.tags.has(g))) break
    if (prev.tags.has('Pronoun') || prev.tags.has('Verb')) break
    from--
    if (prev.tags.has('Determiner')) break
  }
  return [from, j + 1]
}

/**
 * Where the complement opens: right after the noun, or after a short frame before a "that" — "his claim in
 * a recent interview that …", "her claim last week that …".
 */
function openerAfter(tokens: Token[], i: number): number {
  if (!/^(in|on|during|at|last|this|earlier)$/.test(tokens[i + 1].lower)) return i + 1
  for (let k = i + 2; k < Math.min(tokens.length - 1, i + 8); k++) {
    if (tokens[k].lower === 'that') return k
    if (tokens[k].tags.has('Verb') || BREAK.test(tokens[k].post)) break
  }
  return i + 1
}

/** A verb that starts a new verb group: not after another verb (over adverbs), nor after "that", "who", "to". */
const isAuxiliary = (t: Token) => t.tags.has('Auxiliary') || t.tags.has('Copula')

function opensVerbGroup(tokens: Token[], k: number): 'main' | 'subordinate' | null {
  const t = tokens[k]
  if (!t.tags.has('Verb') || t.tags.has('Gerund')) return null
  let p = k - 1
  while (p >= 0 && (tokens[p].tags.has('Adverb') || tokens[p].tags.has('Negative'))) p--
  const prev = tokens[p]
  if (!prev) return null
  // "that the election was stolen | has been rejected": an auxiliary after a group that had one of its own opens
  // the next group; "that the money he raised | was spent" is still the content's own.
  if (prev.tags.has('Verb')) {
    if (!isAuxiliary(t) || isAuxiliary(prev) || prev.tags.has('Modal')) return null
    let q = p - 1
    while (q >= 0 && (tokens[q].tags.has('Adverb') || tokens[q].tags.has('Negative'))) q--
    return q >= 0 && isAuxiliary(tokens[q]) ? 'main' : null
  }
  return SUBORDINATE.test(prev.lower) ? 'subordinate' : 'main'
}

/**
 * Where the content opened at token `from` ends: at a comma, a semicolon or a dash, or before the sentence's
 * own verb — "Trump's claim that Obama founded ISIS | is false", "his attacks on the judge | cost him".
 * A "that" clause has one verb of its own; an infinitive or a noun phrase none.
 */
function contentEnd(tokens: Token[], from: number, ownVerbs: number): number {
  let verbs = 0
  for (let k = from; k < tokens.length; k++) {
    if (k > from && opensVerbGroup(tokens, k) === 'main' && ++verbs > ownVerbs) return trimAdverbs(tokens, from, k)
    // "… on her server and Comey's testimony": a possessive after "and" is the writer's next item, not hers.
    if (k > from && /^(and|but)$/.test(tokens[k].lower) && tokens[k + 1]?.tags.has('Possessive')) return k
    if (BREAK.test(tokens[k].post)) return k + 1
  }
  return tokens.length
}

/** "his attacks on Clinton just as …": an adverb left at the end belongs to what follows. */
function trimAdverbs(tokens: Token[], from: number, end: number): number {
  while (end - 1 > from && tokens[end - 1].tags.has('Adverb') && !/["”]/.test(tokens[end - 1].post)) end--
  return end
}

/** The source as written, without the possessive ending: "the senator's" -> "the senator". */
function ownerMention(doc: Doc, tokens: Token[]): SourceMention {
  const last = tokens[tokens.length - 1]
  const cut = /['’]s$/.test(last.text) ? 2 : /['’]$/.test(last.text) ? 1 : 0
  const bare = cut ? { ...last, end: last.end - cut, text: last.text.slice(0, -cut), lower: last.lower.slice(0, -cut) } : last
  const own = [...tokens.slice(0, -1), bare]
  return { span: spanOf(doc.text, own[0].start, bare.end), tokens: own, apposition: null, appositionTokens: [], antecedent: null }
}

function nounCue(sentence: Cue['sentence'], tokens: Token[], i: number, noun: NounCue): Cue {
  const t = tokens[i]
  const rule = {
    forms: noun.forms,
    lemma: noun.forms[0],
    stance: noun.stance,
    family: noun.family,
    rule: 'noun-cue',
    example: noun.example,
  }
  return { sentence, tokens, at: i, length: 1, span: { start: t.start, end: t.end, text: t.text }, rule, probability: 1 }
}

/** Another draft already holds nearly the same words. */
const sameAs = (a: Span, b: Span) => {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return shared >= 0.8 * (a.end - a.start) && shared >= 0.8 * (b.end - b.start)
}

export function attributeNounCues(doc: Doc, drafts: Draft[]): Draft[] {
  const out = [...drafts]
  let nextId = nextDraftId(drafts)
  for (const [sentence, tokens] of sentencesHolding(doc, MAY_HOLD)) {
    for (let i = 1; i < tokens.length - 1; i++) {
      const t = tokens[i]
      const noun = BY_FORM.get(t.lower)
      if (!noun || insideQuote(doc, t.start) || BREAK.test(t.post)) continue
      const open = openerAfter(tokens, i)
      const opener = tokens[open].lower
      if (!noun.opens.includes(opener) || (opener === 'not' && tokens[open + 1]?.lower !== 'to')) continue
      // After a possessive the word is a noun, whatever the tagger made of it: "the mayor's promise to …".
      const owner = ownerBefore(tokens, i)
      if (!owner) continue
      const clause = opener === 'that' || opener === 'to' || opener === 'not'
      const from = clause ? open : open + 1
      if (from >= tokens.length) continue
      const end = contentEnd(tokens, from, opener === 'that' ? 1 : 0)
      if (end - from < (clause ? 3 : 1)) continue
      const content = trimClause(doc.text, tokens[from].start, tokens[end - 1].end)
      if (!content || out.some((d) => d.content.some((c) => overlaps(c, content) && sameAs(c, content)))) continue
      const cue = nounCue(sentence, tokens, i, noun)
      out.push({
        id: nextId++,
        cue,
        content: [content],
        recipient: null,
        stance: noun.stance,
        rule: 'noun-cue',
        sentence,
        source: ownerMention(doc, tokens.slice(...owner)),
      })
    }
  }
  return out
}
