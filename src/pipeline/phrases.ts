// Noun phrases around a cue, read off compromise's tags: the subject before it ("Kremlin spokesperson
// Dmitry Peskov said"), the name after it ("said Kremlin spokesperson Dmitry Peskov"), whom it was told to.
import type { Token } from './nlp.js'

export interface Phrase {
  /** Token range [from, to). */
  from: number
  to: number
  /** An appositive or relative clause that describes it: "who served as a special assistant". */
  apposition: [number, number] | null
}

// Words that may sit between a subject and its verb: "has denied", "also said", "had long insisted".
const BETWEEN = new Set([
  'has', 'have', 'had', 'was', 'is', 'were', 'are', 'been', 'also', 'reportedly', 'later', 'then', 'previously',
  'repeatedly', 'again', 'publicly', 'allegedly', 'long', 'once', 'first', 'recently', 'flatly', 'firmly',
  'privately', 'initially', 'quickly', 'immediately', 'strongly', 'both', 'all', 'often', 'still', 'did', 'does', 'do',
])
const QUANTIFIERS = new Set(['one', 'two', 'three', 'some', 'many', 'several', 'most', 'none', 'each', 'any', 'all', 'few', 'both'])
const NAME_JOINERS = new Set(['of', 'for', 'and', '&', 'de', 'van', 'von', 'al', 'bin'])
// Adjectives that take a phrase after them inside a source: "people familiar with the talks".
const POSTMODIFIED = new Set(['familiar', 'close', 'knowledgeable', 'briefed', 'loyal'])
const BREAK = /[,;:—–()]|--/

const isCapital = (t: Token) => /^[\p{Lu}\d]/u.test(t.text)
const breaksAfter = (t: Token) => BREAK.test(t.post)
const breaksBefore = (t: Token) => BREAK.test(t.pre)
const quoteBetween = (a: Token, b: Token) => /["“”„«»]/.test(a.post + b.pre)

function nounish(t: Token): boolean {
  if (t.tags.has('Pronoun') && !t.tags.has('Possessive')) return true
  if (t.tags.has('Verb') && !t.tags.has('Noun') && !isCapital(t)) return false
  return ['Noun', 'ProperNoun', 'Adjective', 'Determiner', 'Value', 'Acronym', 'Possessive', 'Honorific', 'Abbreviation']
    .some((g) => t.tags.has(g)) || isCapital(t)
}

/** Extends a phrase ending at token `end` (exclusive) back over its words. */
function phraseEndingAt(tokens: Token[], end: number, floor: number): number {
  let i = end - 1
  if (i < floor || !nounish(tokens[i])) return end
  if (tokens[i].tags.has('Pronoun')) return i
  while (i - 1 >= floor) {
    const prev = tokens[i - 1]
    if (breaksAfter(prev) || quoteBetween(prev, tokens[i])) break
    if (prev.tags.has('Pronoun') && !prev.tags.has('Possessive')) break
    if (POSTMODIFIED.has(tokens[i - 2]?.lower) && /^(with|to|about|on)$/.test(prev.lower)) {
      i -= 2 // "a person familiar with the matter"
      continue
    }
    if (NAME_JOINERS.has(prev.lower)) {
      // "one of the officials", "Organization for Migration", "China and Russia"
      const before = tokens[i - 2]
      const joins = before && !breaksAfter(before) &&
        (prev.lower === 'of' ? QUANTIFIERS.has(before.lower) || (isCapital(before) && isCapital(tokens[i])) : isCapital(before) && isCapital(tokens[i]))
      if (!joins) break
      i -= 2
      continue
    }
    if (!nounish(prev)) break
    i--
  }
  return i
}

/** The subject of a cue at token `cue`: the noun phrase before it, over auxiliaries and an apposition. */
export function subjectBefore(tokens: Token[], cue: number, floor = 0): Phrase | null {
  let end = cue
  while (end - 1 >= floor && BETWEEN.has(tokens[end - 1].lower) && !breaksAfter(tokens[end - 1])) end--
  let apposition: [number, number] | null = null
  if (end - 1 >= floor && breaksAfter(tokens[end - 1]) && /,/.test(tokens[end - 1].post)) {
    // "Eric Sayers, who served as a former special assistant ..., told": skip back to the comma that opens it.
    let open = end - 2
    while (open >= floor && !/,/.test(tokens[open].post)) open--
    if (open < floor) return null
    const first = tokens[open + 1]
    if (!['who', 'whose', 'a', 'an', 'the', 'which', 'formerly', 'now'].includes(first.lower) && !first.tags.has('Adjective')) return null
    apposition = [open + 1, end]
    end = open + 1
  } else if (end - 1 >= floor && breaksAfter(tokens[end - 1])) return null
  const from = phraseEndingAt(tokens, end, floor)
  if (from >= end) return null
  let start = from
  while (start < end && /^(but|and|so|yet|meanwhile|however)$/.test(tokens[start].lower)) start++
  return start < end ? { from: start, to: end, apposition } : null
}

/** A noun phrase starting at token `from`: an inverted subject or a recipient. Stops at prepositions and verbs. */
export function phraseAfter(tokens: Token[], from: number, ceiling = tokens.length): Phrase | null {
  let i = from
  if (i >= ceiling || !nounish(tokens[i]) || breaksBefore(tokens[i])) return null
  if (tokens[i].tags.has('Pronoun') && !tokens[i].tags.has('Possessive')) return { from: i, to: i + 1, apposition: null }
  while (i < ceiling) {
    const t = tokens[i]
    if (i > from && (breaksBefore(t) || quoteBetween(tokens[i - 1], t))) break
    if (NAME_JOINERS.has(t.lower)) {
      const next = tokens[i + 1]
      if (!next || !isCapital(next) || !isCapital(tokens[i - 1]) || t.lower === 'and') break
      i++
      continue
    }
    if (!nounish(t) || t.tags.has('Date') || t.lower === 'that') break
    i++
    if (breaksAfter(t)) break
  }
  return i > from ? { from, to: i, apposition: null } : null
}
