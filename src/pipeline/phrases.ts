// Noun phrases around a cue, read off compromise's tags: the subject before it ("Kremlin spokesperson
// Dmitry Peskov said"), the name after it ("said Kremlin spokesperson Dmitry Peskov"), whom it was told to.
import type { Token } from './nlp.js'
import { ROLE_WORDS } from './rules/roles.js'

export interface Phrase {
  /** Token range [from, to). */
  from: number
  to: number
  /** An appositive or relative clause that describes it: "who served as a special assistant". */
  apposition: [number, number] | null
  /** For a relative pronoun ("who said"), the phrase it stands for. */
  antecedent: [number, number] | null
}

// Words that may sit between a subject and its verb: "has denied", "also said", "had long insisted".
const BETWEEN = new Set([
  'not',
  "n't",
  'never',
  'has',
  'have',
  'had',
  'was',
  'is',
  'were',
  'are',
  'been',
  'also',
  'reportedly',
  'later',
  'then',
  'previously',
  'repeatedly',
  'again',
  'publicly',
  'allegedly',
  'long',
  'once',
  'first',
  'recently',
  'flatly',
  'firmly',
  'privately',
  'initially',
  'quickly',
  'immediately',
  'strongly',
  'both',
  'all',
  'often',
  'still',
  'did',
  'does',
  'do',
  // Connectives between a subject and its verb: "Carter however said", "The ministry meanwhile denied".
  'however',
  'meanwhile',
  'nonetheless',
  'nevertheless',
  'instead',
  'too',
  'separately',
  'subsequently',
  'eventually',
  'ultimately',
  'likewise',
  'similarly',
  // "voters overall said", "Democrats alike say", "the officials themselves said".
  'overall',
  'alike',
  'themselves',
  'himself',
  'herself',
  'itself',
  'together',
  'jointly',
])
/** Connectives set off by commas between a subject and its verb: "Carter, however, said", "for example". */
const ASIDE_CONNECTIVES =
  /^(however|meanwhile|though|too|nonetheless|nevertheless|instead|moreover|furthermore|separately|likewise|similarly|for example|for instance|in turn|in fact|of course|in particular|in response|in addition|at least|at the time)$/

/** Where the subject ends before a connective aside that closes at `end`, or -1: "Carter, however, said". */
function connectiveAside(tokens: Token[], end: number, floor: number): number {
  for (let n = 1; n <= 3 && end - n - 1 >= floor; n++) {
    const words = tokens.slice(end - n, end)
    if (words.slice(0, -1).some(breaksAfter)) return -1
    if (ASIDE_CONNECTIVES.test(words.map((t) => t.lower).join(' ')) && /,/.test(tokens[end - n - 1].post)) return end - n
  }
  return -1
}
/** "has vigorously denied", "adamantly insisted": an -ly adverb between the subject and its verb. */
const isMannerAdverb = (t: Token) => t.tags.has('Adverb') && /ly$/.test(t.lower)
const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/
const MONTHS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/
const TIME_NOUNS =
  /^(week|month|year|night|morning|afternoon|evening|weekend|day|spring|summer|fall|autumn|winter|today|yesterday|tonight)$/
const TIME_LEADS = /^(on|in|last|this|next|early|earlier|late|later|on|during|the|that|each|every|overnight)$/

/**
 * "The ministry on Wednesday said", "Wells Fargo last month said", "Trump in March said": a time phrase
 * between the subject and its verb is no subject. Returns where the subject ends, before the phrase.
 */
function beforeTimePhrase(tokens: Token[], end: number, floor: number): number {
  let i = end
  const time = (t: Token) =>
    WEEKDAYS.test(t.lower) || MONTHS.test(t.lower) || TIME_NOUNS.test(t.lower) || /^\d{1,2}(st|nd|rd|th)?$|^(19|20)\d\d$/.test(t.lower)
  if (i - 1 < floor || !time(tokens[i - 1]) || breaksAfter(tokens[i - 1])) return end
  // A month alone is too often a name ("May", "June"); it counts after a lead word or with a day number.
  while (i - 1 >= floor && time(tokens[i - 1]) && !breaksAfter(tokens[i - 1])) i--
  let lead = false
  while (i - 1 >= floor && TIME_LEADS.test(tokens[i - 1].lower) && !breaksAfter(tokens[i - 1])) {
    i--
    lead = true
  }
  const weekdayOrNoun = tokens.slice(i, end).some((t) => WEEKDAYS.test(t.lower) || TIME_NOUNS.test(t.lower))
  if (!lead && !weekdayOrNoun) return end
  // Something must stand before the phrase to be the subject.
  return i > floor ? i : end
}

const QUANTIFIERS = new Set(['one', 'two', 'three', 'some', 'many', 'several', 'most', 'none', 'each', 'any', 'all', 'few', 'both'])
const NAME_JOINERS = new Set(['of', 'for', 'and', '&', 'de', 'van', 'von', 'al', 'bin'])
// Adjectives that take a phrase after them inside a source: "people familiar with the talks".
// Participles that stand after the people a poll asked: "those surveyed said".
const SURVEYED = new Set(['polled', 'surveyed', 'interviewed', 'questioned', 'sampled', 'contacted'])
const POSTMODIFIED = new Set(['familiar', 'close', 'knowledgeable', 'briefed', 'loyal'])
// Prepositions that tie a phrase to the noun before it inside a source: "a spokesman for the campaign".
const POSTNOMINAL = new Set(['for', 'at', 'from', 'with', 'in', 'on', 'across', 'around', 'throughout', 'inside', 'outside', 'within'])
const BREAK = /[,;:—–()]|--/

const isCapital = (t: Token) => /^[\p{Lu}\d]/u.test(t.text)
export const breaksAfter = (t: Token) => BREAK.test(t.post)
const breaksBefore = (t: Token) => BREAK.test(t.pre)
// compromise tags a name before a comma and a possessive ("Japan, Tokyo's …") possessive too: trust the 's.
// compromise misses some: "Pyongyang's" is a noun with no possessive tag.
const isPossessive = (t: Token) =>
  (t.tags.has('Possessive') && (t.tags.has('Pronoun') || /['’]s?$/.test(t.text))) ||
  (t.tags.has('ProperNoun') && !t.tags.has('Pronoun') && /\p{L}['’]s$/u.test(t.text))
const quoteBetween = (a: Token, b: Token) => /["“”„«»]/.test(a.post + b.pre)

// Capitalised at a sentence's start, yet no name: "After", "When", "This".
const NOT_NOUNS = ['Preposition', 'Conjunction', 'Adverb', 'QuestionWord']
const SUBORDINATORS =
  /^(when|if|as|because|while|although|though|since|after|before|until|once|where|whether|but|and|so|yet|meanwhile|however|this|that)$/

function nounish(t: Token): boolean {
  if (NOT_NOUNS.some((g) => t.tags.has(g)) && !t.tags.has('Noun')) return false
  if (t.tags.has('Pronoun') && !t.tags.has('Possessive')) return true
  if (t.tags.has('Verb') && !t.tags.has('Noun') && !isCapital(t)) return false
  return (
    ['Noun', 'ProperNoun', 'Adjective', 'Determiner', 'Value', 'Acronym', 'Possessive', 'Honorific', 'Abbreviation'].some((g) =>
      t.tags.has(g),
    ) || isCapital(t)
  )
}

/** Extends a phrase ending at token `end` (exclusive) back over its words. */
/** "The Clinton campaign says": before a cue, a bare verb after a determiner or a name is a noun. */
export function verbTakenForNoun(tokens: Token[], i: number, floor: number): boolean {
  const t = tokens[i]
  const prev = tokens[i - 1]
  return (
    i - 1 >= floor &&
    // "Another ranking says", "Thursday's meeting": a gerund after a determiner or a possessive names a thing;
    // so does a bare verb after a name or a number: "Cologne police say", "one slide says".
    (t.tags.has('Infinitive') ||
      (t.tags.has('PresentTense') && !/s$/.test(t.lower) && !t.tags.has('Auxiliary') && !t.tags.has('Modal')) ||
      (/ing$/.test(t.lower) && !t.tags.has('Noun') && !prev.tags.has('ProperNoun'))) &&
    !breaksAfter(prev) &&
    // …and after a year: "that 2013 report", "the 2020 vote".
    (['Determiner', 'ProperNoun', 'Possessive'].some((g) => prev.tags.has(g)) ||
      /['’]s$|^(one|each|every|another|(19|20)\d\d)$/.test(prev.lower)) &&
    (!prev.tags.has('Pronoun') || prev.tags.has('Possessive'))
  )
}

/** "Exit polls from the primary, …, showed": an adjective after "the" that ends a phrase is its noun. */
function adjectiveAsNoun(tokens: Token[], i: number, floor: number): boolean {
  if (!tokens[i].tags.has('Adjective')) return false
  // "the primary", "the Ohio primary"
  let k = i - 1
  while (k > floor && tokens[k].tags.has('ProperNoun') && !breaksAfter(tokens[k])) k--
  return k >= floor && tokens[k].lower === 'the' && !breaksAfter(tokens[k])
}

function phraseEndingAt(tokens: Token[], end: number, floor: number): number {
  let i = end - 1
  if (i < floor || !(nounish(tokens[i]) || verbTakenForNoun(tokens, i, floor) || adjectiveAsNoun(tokens, i, floor))) return end
  if (tokens[i].tags.has('Pronoun')) {
    // "a source close to him": the pronoun ends a phrase that a word like "close" ties to its noun.
    if (
      !(i - 2 >= floor && POSTMODIFIED.has(tokens[i - 2].lower) && /^(to|with)$/.test(tokens[i - 1].lower) && !breaksAfter(tokens[i - 2]))
    )
      return i
  }
  while (i - 1 >= floor) {
    const prev = tokens[i - 1]
    if (breaksAfter(prev) || quoteBetween(prev, tokens[i])) break
    if (prev.tags.has('Pronoun') && !prev.tags.has('Possessive')) break
    if (POSTMODIFIED.has(tokens[i - 2]?.lower) && /^(with|to|about|on)$/.test(prev.lower)) {
      i -= 2 // "a person familiar with the matter"
      // "people close to the campaign": the noun before is the head, however the tagger read it.
      const head = tokens[i - 1]
      if (
        i - 1 >= floor &&
        !breaksAfter(head) &&
        /^[\p{Ll}]+$/u.test(head.text) &&
        !head.tags.has('Preposition') &&
        !head.tags.has('Conjunction')
      )
        i--
      continue
    }
    if (NAME_JOINERS.has(prev.lower) || POSTNOMINAL.has(prev.lower)) {
      // "one of the officials", "Organization for Migration", "China and Russia", "a lawyer for the outlets"
      const before = tokens[i - 2]
      const nounBefore = before?.tags.has('Noun') && !before.tags.has('Pronoun') && !before.tags.has('Verb')
      const joins =
        before &&
        !breaksAfter(before) &&
        (POSTNOMINAL.has(prev.lower)
          ? nounBefore
          : prev.lower === 'of'
            ? QUANTIFIERS.has(before.lower) || nounBefore || (isCapital(before) && isCapital(tokens[i]))
            : isCapital(before) && isCapital(tokens[i]))
      if (!joins) break
      i -= 2
      continue
    }
    if (!nounish(prev) && !modifierTakenForVerb(tokens, i - 1, floor)) break
    i--
  }
  return i
}

/** "campaign officials said", "state lawmakers say": a bare verb that opens a noun phrase before its noun is a noun. */
function modifierTakenForVerb(tokens: Token[], i: number, floor: number): boolean {
  const before = tokens[i - 1]
  return (
    bareModifier(tokens, i) &&
    (i - 1 < floor || breaksAfter(before) || before.tags.has('Determiner') || (before.tags.has('Possessive') && isPossessive(before)))
  )
}

/** A bare verb form standing before a noun, with nothing between: "campaign officials", "party chairman". */
function bareModifier(tokens: Token[], i: number): boolean {
  const t = tokens[i]
  const next = tokens[i + 1]
  return (
    (t.tags.has('Infinitive') || (t.tags.has('PresentTense') && !/s$/.test(t.lower))) &&
    !t.tags.has('Auxiliary') &&
    !t.tags.has('Modal') &&
    next !== undefined &&
    !breaksAfter(t) &&
    next.tags.has('Noun') &&
    !next.tags.has('Pronoun')
  )
}

const OPENS_APPOSITION = new Set([
  'who',
  'whose',
  'a',
  'an',
  'the',
  'which',
  'formerly',
  'now',
  'including',
  'himself',
  'herself',
  'both',
  'one',
  'then',
])
const RELATIVES = new Set(['who', 'which'])
const CONJUNCTIONS = new Set(['and', 'but', 'then', 'yet'])
const CLOSES_QUOTE = /[”"]|''/
const QUOTE_COMMA = /[,?!]\s*([”"]|'')\s*$/
/** A token's leading marks that open a double quote, typewriter pairs included: “, ", ``, ''. */
export const OPENS_QUOTE = /[“"]|``|''/

/** An apposition fits between a subject and its verb: "who served as …", "a lawyer", "David Schulz", "69". */
function appositionFits(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 30 || to <= from) return false
  const first = tokens[from]
  // "…, the cuts would outstrip the gains, said X": a modal or an auxiliary before any relative pronoun makes a
  // clause, not a description.
  // So does one in a clause of its own: "speaking on condition of anonymity because they were not authorized …".
  const relative = tokens
    .slice(from, to)
    .findIndex(
      (t, k) =>
        /^(who|which|that|whose|who['’]s)$/.test(t.lower) ||
        (k > 0 && /^(because|since|as|although|though|while|when|if|until)$/.test(t.text)),
    )
  const own = tokens.slice(from, relative < 0 ? to : from + relative)
  if (own.some((t) => t.tags.has('Modal') || /^(is|are|was|were|has|have|had|will|would)$/.test(t.lower))) return false
  // "China, Pyongyang's only ally, said": a possessive opens a description as a determiner does.
  if (OPENS_APPOSITION.has(first.lower) || first.tags.has('Adjective') || first.tags.has('Value') || isPossessive(first)) return true
  if (/^(at|in|on|during|speaking|after|before|with|from|like)$/.test(first.lower) || first.tags.has('Gerund')) return true
  // "Democrats — and some Republicans — say": a second subject set off by dashes.
  if (/^(and|or)$/.test(first.lower) && to - from <= 5 && /—|–|--/.test(tokens[to - 1].post)) return true
  // "who’s running to be an alternate", "clad in a red cape", "flanked by aides".
  if (/^(who|which)['’](s|d|ve|re|ll)$/.test(first.lower)) return true
  const prep = /ly$/.test(tokens[from + 1]?.lower ?? '') ? tokens[from + 2] : tokens[from + 1]
  if (/ed$|^clad$/.test(first.lower) && /^(in|by|with|at|on|for|from)$/.test(prep?.lower ?? '')) return true
  if (tokens.slice(from, to).some((t) => ROLE_WORDS.has(t.lower))) return true
  // "co-author of …", "head of …": a noun that a phrase ties to what it is part of.
  if (first.tags.has('Noun') && !first.tags.has('Pronoun') && /^(of|at|for)$/.test(tokens[from + 1]?.lower ?? '')) return true
  return tokens.slice(from, to).every((t) => isCapital(t) || NAME_JOINERS.has(t.lower))
}

/** Where a parenthesis closing right before `end` opens: "(D-N.Y.)", "(pictured)". */
function parenthesisStart(tokens: Token[], end: number, floor: number): number {
  for (let open = end - 1; open >= floor && open >= end - 16; open--) if (/\(/.test(tokens[open].pre)) return open
  return -1
}

/** Where a comma or dash apposition that ends right before `end` opens, or -1. */
function appositionStart(tokens: Token[], end: number, floor: number): number {
  const mark = /—|–|--/.test(tokens[end - 1].post) ? /—|–|--/ : /,/
  let open = end - 2
  while (open >= floor && !mark.test(tokens[open].post)) open--
  return open >= floor && appositionFits(tokens, open + 1, end) ? open + 1 : -1
}

/**
 * A name, then one aside with commas of its own, before the verb: "John Smith, 45, a lawyer from Ohio, said",
 * "China, Pyongyang's only ally and its lifeline to the world, said". The name opens the clause (or follows a
 * comma, as after "Meanwhile,"); the leftmost such name wins, so the aside keeps its inner commas.
 */
function nameBeforeLongAside(tokens: Token[], end: number, floor: number): [number, number] | null {
  for (let k = Math.max(floor, end - 31); k < end - 1; k++) {
    if (!/,/.test(tokens[k].post)) continue
    const from = phraseEndingAt(tokens, k + 1, floor)
    if (from > k || !(from === floor || breaksAfter(tokens[from - 1]))) continue
    if (tokens.slice(from, k + 1).some((t) => t.tags.has('Pronoun') && !t.tags.has('Possessive'))) continue
    // "Earlier, …", "Together, …": a capitalised adverb opens the sentence; it names no one.
    const head = tokens[k]
    if (!head.tags.has('Noun') || head.tags.has('Date') || head.tags.has('Adverb')) continue
    // '"…, it will be close," said one Democrat': a quote that closes in the run was said, not a description.
    const run = tokens
      .slice(from, end)
      .map((t) => t.pre + t.text + t.post)
      .join('')
    if ((run.match(/[“”"]|''/g) ?? []).length % 2) return null
    if (appositionFits(tokens, k + 1, end)) return [from, k + 1]
  }
  return null
}

/** The subject of a cue at token `cue`: the noun phrase before it, over auxiliaries and an apposition. */
/** "it was reported that …", "was told by aides": the subject is not the source. */
export function isPassive(tokens: Token[], cue: number): boolean {
  // "is widely expected", "is not expected": adverbs stand between the auxiliary and the participle.
  let before = cue - 1
  while (
    before > 0 &&
    (/^(not|n't|never|also|still|now|widely|generally|largely|broadly|long)$/.test(tokens[before].lower) ||
      isMannerAdverb(tokens[before])) &&
    !breaksAfter(tokens[before - 1])
  )
    before--
  const prev = tokens[before]?.lower ?? ''
  return (
    /^(was|were|is|are|be|been|being|'s)$/.test(prev) &&
    /(ed|told|said|known|thought|seen)$/.test(tokens[cue].lower) &&
    !(prev === 'been' && /^(has|have|had)$/.test(tokens[before - 1]?.lower ?? '') && /ing$/.test(tokens[cue].lower))
  )
}

/** What opens a phrase before a sentence's subject: "After the vote, …", "In response to the plan, …". */
const OPENING = /^(after|before|in|on|at|during|following|amid|despite|since|when|while|as|although|though|if|with|without|by|for|from|to)$/

/** Verbs after whose object a participle is still the subject's: "left the chamber saying", "issued a statement saying". */
const DOING =
  /^(left|leaves|leave|ended|ends|end|wrapped|spent|spends|spend|closed|closes|opened|opens|began|begins|started|starts|finished|finishes|walked|stormed|emerged|returned|arrived|addressed|addresses|greeted|greets|rallied|rallies|visited|visits|toured|tours|issued|issues|released|releases|posted|posts|tweeted|tweets|sent|sends|wrote|writes|published|publishes)$/

/**
 * Where a lead-in before an infinitive cue starts, or -1: "went on to say", "continued to insist", "took to
 * Twitter to say", "was quick to add". The subject stands before it.
 */
export function leadInBefore(tokens: Token[], cue: number): number {
  // "The minister was quoted by state news agency Tass as saying …": the one quoted said it.
  if (tokens[cue - 1]?.lower === 'as' && /^(saying|telling)$/.test(tokens[cue]?.lower ?? ''))
    for (let k = cue - 2; k >= Math.max(1, cue - 10) && !breaksAfter(tokens[k]); k--)
      if (tokens[k].lower === 'quoted' && /^(was|were|is|are|been|being)$/.test(tokens[k - 1].lower)) return k - 1
  if (tokens[cue - 1]?.lower !== 'to') return -1
  for (let n = 1; n <= 3 && cue - 1 - n >= 0; n++) {
    const words = tokens.slice(cue - 1 - n, cue - 1)
    if (words.slice(0, -1).some(breaksAfter)) return -1
    if (LEAD_IN.test(words.map((t) => t.lower).join(' '))) return cue - 1 - n
  }
  return -1
}
const LEAD_IN =
  /^(went on|goes on|go on|going on|continued|continues|proceeded|proceeds|(was|were|is|are) quick|took to (twitter|facebook|instagram|social media|the airwaves)|takes to (twitter|facebook|instagram|social media))$/

/** Whether the quote closing at token `last` opened the sentence, or before it: no title or phrase inside a subject. */
function quoteLeads(tokens: Token[], last: number, floor: number): boolean {
  for (let k = last; k >= floor; k--) if (OPENS_QUOTE.test(tokens[k].pre)) return k === floor
  return true
}

/** Nouns that name what somebody said, in "…, a claim Ukraine denied", "…, an account the police disputed". */
const CLAIM_NOUNS = /^(claims?|allegations?|accusations?|charges?|assertions?|account|version|characterization|suggestion)$/

/** In "…, a claim (that) Ukraine denied", where the one who denied begins: the subject past "a claim (that)", or -1. */
export function claimRejecter(tokens: Token[], subject: Phrase): number {
  const { from, to } = subject
  if (from === 0 || !/,/.test(tokens[from - 1].post)) return -1
  if (!/^(a|an|the)$/.test(tokens[from].lower) || !CLAIM_NOUNS.test(tokens[from + 1]?.lower ?? '')) return -1
  const rejecter = from + 2 + (/^(that|which)$/.test(tokens[from + 2]?.lower ?? '') ? 1 : 0)
  return rejecter < to ? rejecter : -1
}

export function subjectBefore(tokens: Token[], cue: number, floor = 0, depth = 0): Phrase | null {
  if (depth === 0 && isPassive(tokens, cue)) return null
  const leadIn = leadInBefore(tokens, cue)
  if (leadIn > floor) return subjectBefore(tokens, leadIn, floor, depth)
  let end = cue
  while (end - 1 >= floor && (BETWEEN.has(tokens[end - 1].lower) || isMannerAdverb(tokens[end - 1])) && !breaksAfter(tokens[end - 1])) end--
  // '"… out of the park," said Robert Antonacci': a quote that closes right before the verb is what was said, and
  // its last comma opens no aside: the subject, if any, comes after the verb.
  if (end - 1 >= floor && QUOTE_COMMA.test(tokens[end - 1].post) && !/ing$/.test(tokens[cue].lower) && quoteLeads(tokens, end - 1, floor))
    return null
  const untimed = beforeTimePhrase(tokens, end, floor)
  // "A poll released on Tuesday showed": the participle before the time phrase goes with it.
  if (
    untimed < end &&
    untimed - 2 >= floor &&
    /(ed|taken|out)$/.test(tokens[untimed - 1].lower) &&
    tokens[untimed - 1].tags.has('Verb') &&
    tokens[untimed - 2].tags.has('Noun') &&
    !breaksAfter(tokens[untimed - 2])
  )
    end = untimed - 1
  else end = untimed
  while (end - 1 >= floor && (BETWEEN.has(tokens[end - 1].lower) || isMannerAdverb(tokens[end - 1])) && !breaksAfter(tokens[end - 1])) end--
  // "all the experts I interviewed said": a relative clause of a pronoun and its verb closes the subject.
  if (
    end - 3 >= floor &&
    tokens[end - 1].tags.has('PastTense') &&
    /^(i|we|he|she|they|you)$/.test(tokens[end - 2].lower) &&
    tokens[end - 3].tags.has('Noun') &&
    !tokens[end - 3].tags.has('Pronoun') &&
    !breaksAfter(tokens[end - 3])
  )
    end -= 2
  // "Some 56 percent of voters polled said": the participle belongs to the subject, which ends before it.
  if (end - 2 >= floor && SURVEYED.has(tokens[end - 1].lower) && !breaksAfter(tokens[end - 2])) end--
  if (end - 1 < floor) return null
  // "Carter, however, said", "Rogers, for example, said": a connective and its commas stand between subject and verb.
  const connective = depth === 0 && /,/.test(tokens[end - 1].post) ? connectiveAside(tokens, end, floor) : -1
  if (connective >= 0) {
    let start = phraseEndingAt(tokens, connective, floor)
    while (start < connective && SUBORDINATORS.test(tokens[start].lower)) start++
    return start < connective && !isPossessive(tokens[start]) ? { from: start, to: connective, apposition: null, antecedent: null } : null
  }
  const before = tokens[end - 1]
  // "an architect who said …": the relative pronoun is the source; its antecedent says who it is.
  if (RELATIVES.has(before.lower) && !breaksAfter(before)) {
    const from = phraseEndingAt(tokens, end - 1, floor)
    return { from: end - 1, to: end, apposition: null, antecedent: from < end - 1 ? [from, end - 1] : null }
  }
  // "Rubio thanked Miami and said …", "Trump spoke, saying …": the subject of the first verb says it.
  const ing = /ing$/.test(tokens[cue].lower)
  const participle = ing && /,|—|–/.test(before.post)
  // '"…," Ackman said, adding that …': the first verb after what was quoted, not one inside it.
  const verbAt = () => {
    let from = floor
    if (OPENS_QUOTE.test(tokens[floor].pre))
      for (let k = floor; k < end - 1; k++)
        if (CLOSES_QUOTE.test(tokens[k].post)) {
          from = k + 1
          break
        }
    // "After the vote on the plan to bar entry, the senator rallied supporters, saying …": not a verb of the opening
    // phrase, nor an infinitive ("to bar").
    if (from === floor && OPENING.test(tokens[from].lower)) {
      const comma = tokens.slice(from, end - 1).findIndex((t) => /,/.test(t.post))
      if (comma >= 0) from += comma + 1
    }
    for (let k = from; k < end; k++) {
      const t = tokens[k]
      if (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Auxiliary') && tokens[k - 1]?.lower !== 'to') return k - floor
    }
    return -1
  }
  // "…, committing gaffes after telling his aides …": a participle after a preposition of time is the subject's.
  const timed = ing && /^(after|before|while|when|by|without|since|upon)$/.test(before.lower)
  if ((CONJUNCTIONS.has(before.lower) || participle || timed) && depth === 0) {
    // "…, his aides said, adding that …", "Trump spoke, saying …": the verb right before the comma says it.
    const said = participle && before.tags.has('Verb') && !/Gerund|Auxiliary/.test([...before.tags].join(' '))
    const verb = said ? end - 1 - floor : verbAt()
    if (verb <= 0) return null
    // '"It was chaos," said Ana Ruiz, recalling …': after a quote, the verb's subject stands after it.
    const v = floor + verb
    const inverted = v > floor && QUOTE_COMMA.test(tokens[v - 1].post)
    const subject = subjectBefore(tokens, v, floor, 1)
    // "…, a charge the leaders denied, noting …": the leaders note it, not the charge.
    const rejecter = subject ? claimRejecter(tokens, subject) : -1
    if (subject && rejecter >= 0) return { ...subject, from: rejecter }
    return subject ?? (inverted ? phraseAfter(tokens, v + 1, cue) : null)
  }
  // "The senator left the chamber saying …", "issued a statement saying …": with no comma too, after the object of
  // a verb of leaving, ending or issuing, the subject of that verb says it. Not after others: "rejected a report
  // saying …" is the report's, "arrested a man claiming …" the man's.
  if (ing && depth === 0 && !before.tags.has('Verb') && !breaksAfter(before)) {
    const verb = verbAt()
    const v = tokens[floor + verb]
    if (
      verb > 0 &&
      cue - (floor + verb) <= 6 &&
      DOING.test(v.lower) &&
      !tokens.slice(floor + verb + 1, cue).some((t) => t.tags.has('Verb') || /,|—|–/.test(t.post))
    ) {
      const subject = subjectBefore(tokens, floor + verb, floor, 1)
      if (subject) return subject
    }
    // "was heard on a microphone telling …": the noun before is a preposition's, the participle the subject's.
    const np = phraseEndingAt(tokens, end, floor)
    const prep = tokens[np - 1]
    if (verb > 0 && np < end && prep && /^(on|at|in|into|during|from|through|over|across|inside|outside)$/.test(prep.lower)) {
      const subject = subjectBefore(tokens, floor + verb, floor, 1)
      if (subject) return subject
    }
  }
  let apposition: [number, number] | null = null
  // "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said": step back over each aside.
  // After the first aside, the word before it carries the mark that opened it: only a parenthesis goes on.
  for (let asides = 0; end - 1 >= floor && (asides === 0 ? breaksAfter(tokens[end - 1]) : /\)/.test(tokens[end - 1].post)); asides++) {
    const last = tokens[end - 1]
    const open =
      asides > 2
        ? -1
        : /\)/.test(last.post)
          ? parenthesisStart(tokens, end, floor)
          : /,|—|–|--/.test(last.post)
            ? appositionStart(tokens, end, floor)
            : -1
    if (open < 0) {
      const long = asides === 0 ? nameBeforeLongAside(tokens, end, floor) : null
      return long ? { from: long[0], to: long[1], apposition: [long[1], end], antecedent: null } : null
    }
    if (!/\)/.test(last.post)) apposition = apposition ?? [open, end]
    end = open
  }
  // "John Smith, 45, a lawyer, said": one aside read off leaves a number or a fragment, not the name.
  if (apposition && end - 1 >= floor && breaksAfter(tokens[end - 1])) {
    const long = nameBeforeLongAside(tokens, apposition[1], floor)
    if (long && long[1] < apposition[0]) return { from: long[0], to: long[1], apposition: [long[1], apposition[1]], antecedent: null }
  }
  const from = phraseEndingAt(tokens, end, floor)
  if (from >= end) return null
  let start = from
  while (start < end && SUBORDINATORS.test(tokens[start].lower)) start++
  // "his recently revealed strategies": a possessive is no speaker; nor is "worth" in "it is worth noting".
  if (start === end - 1 && isPossessive(tokens[start])) return null
  if (
    tokens[end - 1].tags.has('Adjective') &&
    !tokens[end - 1].tags.has('Noun') &&
    !isCapital(tokens[end - 1]) &&
    !QUANTIFIERS.has(tokens[end - 1].lower) &&
    !(end - 1 > start && adjectiveAsNoun(tokens, end - 1, floor))
  )
    return null
  // "the target it pledged to reach", "what he believed was": the object stands before the subject.
  const lead = tokens[start - 1]
  // A date or a name before the pronoun is no object: "Although in September she said …".
  const objectLead = lead?.tags.has('Noun') && !lead.tags.has('Pronoun') && !lead.tags.has('Date') && !isCapital(lead)
  if (
    lead &&
    depth === 0 &&
    !breaksAfter(lead) &&
    !quoteBetween(lead, tokens[start]) &&
    (lead.lower === 'what' || (objectLead && tokens[start].tags.has('Pronoun')))
  )
    return null
  return start < end ? { from: start, to: end, apposition, antecedent: null } : null
}

/** A noun phrase starting at token `from`: an inverted subject or a recipient. Stops at prepositions and verbs. */
export function phraseAfter(tokens: Token[], from: number, ceiling = tokens.length): Phrase | null {
  let i = from
  // '"…," said party chairman Reince Priebus': a bare verb before a noun opens the name's title.
  const opens = i < ceiling && (nounish(tokens[i]) || (i + 1 < ceiling && bareModifier(tokens, i)))
  if (!opens || breaksBefore(tokens[i])) return null
  if (tokens[i].tags.has('Pronoun') && !tokens[i].tags.has('Possessive')) return { from: i, to: i + 1, apposition: null, antecedent: null }
  while (i < ceiling) {
    const t = tokens[i]
    if (i > from && (breaksBefore(t) || quoteBetween(tokens[i - 1], t))) break
    // "Al From", "Van Jones": a joiner only joins inside a name.
    if (NAME_JOINERS.has(t.lower) && i > from) {
      const next = tokens[i + 1]
      if (!next || !isCapital(next) || !isCapital(tokens[i - 1]) || t.lower === 'and') break
      i++
      continue
    }
    if ((!nounish(t) && !(i === from && opens)) || t.tags.has('Date') || t.lower === 'that') break
    i++
    if (breaksAfter(t)) break
  }
  return i > from ? { from, to: i, apposition: null, antecedent: null } : null
}
