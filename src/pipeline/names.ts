// Names as the article writes them, found without parsing: capitalised runs, with roles and courtesy titles
// split off. "White House national security adviser Jake Sullivan" gives the name Jake Sullivan and the role
// White House national security adviser.
import { compromise, once } from './compromise.js'
import { HONORIFICS, OFFICE_WORDS, ROLE_WORDS } from './rules/roles.js'
import { ORGANIZATION_WORDS, VENUE_WORDS } from './rules/sources.js'
import type { Doc } from './stages/03-segment.js'

export interface NameSeen {
  name: string
  start: number
}

// A capitalised word, an initial ("J.") or a dotted abbreviation ("U.S."); never a full stop that ends a sentence.
// A word of three letters or more before a full stop ends a run ("… professor Paul Beck."): the stop is not
// taken. Up to seven of them: a role and a name run together ("Wells Fargo CEO John Stumpf").
// A comma or a colon after a word ends the name there: "Donald Trump, the nominee,".
const RUN =
  /(?:\b(?:[\p{Lu}][\p{L}’'-]*(?!\.)|\p{Lu}\.|(?:\p{Lu}\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Gen\.|[\p{Lu}][\p{L}’'-]{2,}(?=\.(?:\s|$)))(?:\s+|$|(?=[,;:!?)"”.]))){1,7}/gu
const SENTENCE_OPENERS = new Set([
  'the',
  'in',
  'but',
  'and',
  'as',
  'on',
  'at',
  'after',
  'before',
  'when',
  'while',
  'if',
  'for',
  'a',
  'an',
  'this',
  'that',
  'meanwhile',
  'however',
  'over',
  'both',
  'some',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
])

const bare = (w: string) => w.toLowerCase().replace(/[.,]$/, '')
export const isRoleWord = (w: string) => ROLE_WORDS.has(bare(w)) || ROLE_WORDS.has(w.toLowerCase())
export const isHonorific = (w: string) => HONORIFICS.has(w.toLowerCase())

/** Drops role words, titles and sentence openers from the front of a capitalised run. */
export function nameWords(words: string[]): string[] {
  let last = -1
  words.forEach((w, i) => {
    if (isRoleWord(w) || isHonorific(w) || SENTENCE_OPENERS.has(bare(w))) last = i
  })
  return words.slice(last + 1)
}

const lexicon = once((nlp) => (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon)
const PLACE_TAGS = new Set(['Place', 'Region', 'City', 'Country'])

/** A word no person's name is made of: a place, an institution, a possessive ("Fox News’ Sean Hannity"). */
export function notOfAName(word: string): boolean {
  if (/[’']s?$/.test(word)) return true
  const w = word.toLowerCase().replace(/[.,]$/, '')
  if (ORGANIZATION_WORDS.has(w) || VENUE_WORDS.has(w)) return true
  return isPlace(w) || [lexicon()[w] ?? []].flat().some((t) => FUNCTION_TAGS.has(t))
}

// A headline's capitalised small words: "Jews Against Trump", "Is Sanders Done?", "So Donald Trump".
const FUNCTION_TAGS = new Set(['Preposition', 'Conjunction', 'Copula', 'Determiner', 'QuestionWord', 'Adverb', 'Pronoun'])

/** "Washington", "Beijing", "Ukraine": a word the tagger knows as a place. */
export function isPlace(word: string): boolean {
  return [lexicon()[word.toLowerCase()] ?? []].flat().some((t) => PLACE_TAGS.has(t))
}

/** "Hillary Clinton" is a woman's name, "Donald Trump" a man's; null when the first name does not say. */
export function nameGender(name: string): 'male' | 'female' | null {
  const tags = [lexicon()[name.split(' ')[0].toLowerCase()] ?? []].flat()
  return tags.includes('MaleName') ? 'male' : tags.includes('FemaleName') ? 'female' : null
}

/**
 * The person's name at the end of a run: what a place, an institution or a possessive before it belongs to is
 * set aside. "the editorial board of the Washington Post Trump said" names Trump, not "Washington Post Trump";
 * "former Speaker of the House Newt Gingrich" names Newt Gingrich.
 */
function personTail(words: string[]): string[] {
  let from = 0
  for (let i = 0; i < words.length - 1; i++) if (notOfAName(words[i])) from = i + 1
  return words.slice(from)
}

/**
 * A headline in title case capitalises every word: its runs are no names. A headline is short; a sentence that
 * names many people and offices ("Former U.N. Ambassador John Bolton and Breitbart News National Security
 * Strategist Sebastian Gorka …") is no headline, however many capitals it holds.
 */
function titleCase(line: string): boolean {
  if (line.split(/\s+/).length > 20) return false
  const words = line.split(/\s+/).filter((w) => w.length > 3)
  return words.length >= 4 && words.filter((w) => /^[\p{Lu}]/u.test(w)).length / words.length > 0.7
}

/** Every capitalised name of two words or more, in order of appearance. */
export function namesIn(doc: Doc): NameSeen[] {
  const seen: NameSeen[] = []
  for (const p of doc.paragraphs) {
    if (titleCase(p.text)) continue
    RUN.lastIndex = 0
    for (let m = RUN.exec(p.text); m; m = RUN.exec(p.text)) {
      const raw = m[0].trim().replace(/[’']s$/, '')
      // "Wells Fargo CEO John Stumpf": the run is read whole, then the role before the name set aside; a name
      // is at most its last three words ("Wells Fargo Chief Executive" is no more a name for being long).
      let words = nameWords(raw.split(/\s+/))
      // "Secretary of State John Kerry": the run starts after "of", at the office; the name is after it.
      if (/\bof\s+$/.test(p.text.slice(Math.max(0, m.index - 4), m.index))) {
        let k = 0
        while (k < words.length - 2 && OFFICE_WORDS.has(words[k].toLowerCase())) k++
        words = words.slice(k)
      }
      words = personTail(words).slice(-3)
      if (words.length < 2) continue
      const name = words.join(' ').replace(/[.,]$/, '')
      seen.push({ name, start: p.start + m.index + raw.lastIndexOf(words[0]) })
    }
  }
  return seen
}

const answered = new WeakMap<NameSeen[], Map<string, string | null>>()

/** The fullest name containing the word, earliest first: "Sullivan" → "Jake Sullivan". */
export function fullName(names: NameSeen[], short: string, before = Infinity): string | null {
  // Asked once per name and place: a page naming the same people thousands of times would scan all names each time.
  let known = answered.get(names)
  if (!known) answered.set(names, (known = new Map()))
  const key = `${before}|${short}`
  if (!known.has(key)) known.set(key, fullestName(names, short, before))
  return known.get(key)!
}

function fullestName(names: NameSeen[], short: string, before: number): string | null {
  const words = short.split(/\s+/)
  const key = words[words.length - 1]
  // A surname ends a name ("Hillary Clinton" over a headline's "Clinton Cash Debunks Hillary"); then the longest;
  // then the first written. The most often written lost two names on the gold set ("Trump" in a story on Ivanka).
  const rank = (parts: string[]) => (parts.at(-1) === key ? 100 : 0) + parts.length
  let best: NameSeen | null = null
  let bestRank = -1
  for (const n of names) {
    if (n.start >= before) break
    const parts = n.name.split(' ')
    if (!parts.includes(key) || !words.every((w) => parts.includes(w))) continue
    // "Clinton White House", "Trump Tower": what follows the surname is an institution or a place.
    if (parts.slice(parts.indexOf(key) + 1).some(notOfAName)) continue
    if (parts.indexOf(key) > 0 && !opensAName(n.name)) continue
    if (rank(parts) > bestRank) [best, bestRank] = [n, rank(parts)]
  }
  return best?.name ?? null
}

const GIVEN_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person'])
const OPENER_TAGS = [
  'Adverb',
  'Value',
  'Adjective',
  'Gerund',
  'Uncountable',
  'Plural',
  'Preposition',
  'Conjunction',
  'Determiner',
  'QuestionWord',
  'Copula',
  'Date',
]
const opens = new Map<string, boolean>()

/**
 * Whether the run's first word can open a person's name, read by the tagger on the run alone: "Certainly Donald
 * Trump", "First Trump", "Young Sanders", "Debating Clinton", "Jews Against Trump" are a headline's or a
 * sentence's words before a surname; "Bill Clinton", "Will Hurd", "Hope Hicks", "Reince Priebus" are names.
 */
export function opensAName(name: string): boolean {
  // The lexicon answers most without the tagger: a given name opens a name; a word it does not know, and that
  // does not read as an adverb, a gerund or a plural, is most likely a name it has not met ("Reince", "Mahamat").
  const first = name.split(' ')[0].toLowerCase()
  const tags = [lexicon()[first] ?? []].flat()
  if (tags.some((t) => GIVEN_TAGS.has(t))) return true
  if (tags.length === 0 && !/(?:ly|ing|ed|s)$/.test(first)) return true
  let known = opens.get(name)
  if (known === undefined) {
    const first =
      (compromise()(name).json({ terms: { tags: true } }) as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms[0]?.tags ?? []
    const says = first.includes('Verb') && first.includes('PresentTense') && !first.includes('Infinitive')
    known = first.includes('Person') || (!says && !OPENER_TAGS.some((t) => first.includes(t)))
    if (opens.size > 50_000) opens.clear()
    opens.set(name, known)
  }
  return known
}

const ROLE_STOP = /^(the|a|an|by|before|after|and|or|with|from|to|said|says|told|as|at|on|in|that|when|while|for|his|her|their|its|of)$/i

/** The role written right before a name: "Kremlin spokesperson" before "Dmitry Peskov". */
export function roleBefore(text: string, at: number): string | null {
  const head = text.slice(Math.max(0, at - 120), at)
  const clause = head.split(/[,;:.()"“”](?=\s)|\n/).pop() ?? ''
  const words = clause.trim().split(/\s+/).filter(Boolean)
  if (!words.length || !isRoleWord(words[words.length - 1])) return null
  let from = words.length - 1
  while (from > 0) {
    const w = words[from - 1]
    if (w.toLowerCase() === 'of' && from - 2 >= 0 && /^\p{Lu}/u.test(words[from]) && /^\p{Lu}/u.test(words[from - 2])) {
      from -= 2 // "Secretary of State"
      continue
    }
    if (ROLE_STOP.test(w) || (/[’']s$/.test(w) === false && /^[a-z]+ly$/.test(w))) break
    from--
  }
  return words.slice(from).join(' ')
}
