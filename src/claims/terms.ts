// What a statement's words say about the claim it bears on, in cheap features a lookup can afford: content
// stems, and the entities (names, numbers, a named speaker) that two reports of one claim share.
import { lemma } from '../pipeline/nlp.js'
import type { SpeakerType } from '../pipeline/types.js'

// Function words, and the words of stance: "denied that Russia asked China for aid" and "Russia asked China
// for aid" are one claim, so negation and reporting words carry no weight.
const STOP = new Set(
  `a an the of to in on at for from by with about into over after before as than then and or but
  nor so if that this these those there here which who whom whose what when where why how it its it's he she they
  them his her hers their theirs we us our you your i me my is are was were be been being am has have had do does
  did will would shall should can could may might must not no never nor any some such also just very more most
  said says say saying told tell according claimed claims deny denied denies false untrue true reported report
  don't didn't doesn't isn't wasn't aren't won't can't wouldn't n't all other one s t`.split(/\s+/),
)

/** Capitalised words that open sentences or quotes without naming anyone. */
const NOT_NAMES = new Set('mr mrs ms dr but and the a an it he she they we i you this that there if when so yes no'.split(' '))

/** Speakers that name no one in particular ("officials", "a report") are no evidence of anything. */
const NAMELESS: ReadonlySet<SpeakerType> = new Set(['anonymous', 'group', 'document'])

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu

/** A light suffix strip, then the first seven letters: "asked"/"asking", "weapons"/"weapon" meet. */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[’'.]/g, '')
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3)
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2)
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1)
  return w.slice(0, 7)
}

/** The content words in order, each as the stem of its dictionary form ("sought" and "seeks" meet); stop words out. */
export function contentWords(text: string): string[] {
  const out: string[] = []
  for (const word of text.match(WORD) ?? []) {
    const lower = word.toLowerCase()
    if (STOP.has(lower) || lower.length < 2) continue
    // Names and numbers keep their form; only common words are put in their dictionary form.
    out.push(/\p{N}/u.test(word) || /^\p{Lu}/u.test(word) ? stem(word) : stem(lemma(lower.replace(/[’']s$/, ''))))
  }
  return out
}

/** Content stems with their counts; stop words and single letters out. */
export function contentTerms(text: string): Map<string, number> {
  const terms = new Map<string, number>()
  for (const s of contentWords(text)) terms.set(s, (terms.get(s) ?? 0) + 1)
  return terms
}

/** Runs of three content words, hashed: two reports quoting one remark share them, two paraphrases rarely. */
export function wordRuns(words: string[]): Set<number> {
  const runs = new Set<number>()
  for (let i = 0; i + 2 < words.length; i++) runs.add(hash(`${words[i]} ${words[i + 1]} ${words[i + 2]}`))
  return runs
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

/** The numbers a statement gives, written alike: "30,000" and "30000" are one. */
export function numbersOf(text: string): Set<string> {
  return new Set((text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, '')))
}

/** Whether the content says no: "did not ask", "never met", "nobody". */
export const NEGATION = /\b(not|never|no|nobody|nothing|neither|nor|none)\b|n[’']t\b/i

/**
 * The named speaker, for "the same person said both": the store's speaker record where there is one (every name
 * it was written with), else the name in lower case. Nameless speakers are none.
 */
export function speakerKey(speaker: { name: string; type: SpeakerType } | null, recordId?: string | null): string | null {
  if (!speaker || NAMELESS.has(speaker.type)) return null
  return recordId ? `#${recordId}` : speaker.name.toLowerCase()
}

/**
 * Names and numbers: capitalised words of the content ("Clinton", "Benghazi") and numbers ("$2.4", "30,000"),
 * plus the words of a named speaker's name. Each name word is its own entity, so "Clinton" meets "Hillary
 * Clinton". Prefixed "@" so that an entity never collides with a content stem in the index.
 */
export function entities(text: string, speaker: { name: string; type: SpeakerType } | null): Set<string> {
  const found = new Set<string>()
  for (const word of text.match(WORD) ?? []) {
    const lower = word.toLowerCase()
    if (/\p{N}/u.test(word)) found.add(`@${lower.replace(/[,’']/g, '')}`)
    else if (/^\p{Lu}/u.test(word) && !STOP.has(lower) && !NOT_NAMES.has(lower) && word.length > 1) found.add(`@${stem(word)}`)
  }
  if (speaker && !NAMELESS.has(speaker.type)) {
    for (const word of speaker.name.match(WORD) ?? []) {
      const lower = word.toLowerCase()
      if (!STOP.has(lower) && !NOT_NAMES.has(lower) && word.length > 1) found.add(`@${stem(word)}`)
    }
  }
  return found
}

/** Days since the epoch of an ISO date, or null. */
export function dayOf(date: string | null): number | null {
  if (!date) return null
  const t = Date.parse(date.slice(0, 10))
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000)
}
