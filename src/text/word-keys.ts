// Words as search keys them, one definition for the web's word index (src/web/search-index.ts) and the
// PostgreSQL store's word columns (src/store/pg/search-words.ts): a query finds the same statements in both.
// A key is a word's stem (the Porter stemmer, from the `stemmer` package): "emails", "email" and "e-mails" meet,
// as do "sanctioned" and "sanctions". Quoted words are matched as typed instead (phrases.ts).
import { stemmer } from 'stemmer'

/**
 * A word: letters and digits, joined inside by apostrophes, dots, hyphens and en dashes ("U.S.", "e-mails",
 * "China's", "Russia–Ukraine"). "COVID 19" written with a space is two words, and "COVID-19" does not find it.
 */
export const WORD = /[\p{L}\p{N}]+(?:['’.\-‐‑–][\p{L}\p{N}]+)*/gu
const HYPHENS = /[-‐‑–]/

// Stemming is most of a key's cost, and a search page marks the same few thousand words for every reader: keys
// are kept by the word as written, the oldest let go past KEPT.
const KEPT = 50_000
const keys = new Map<string, string>()

/** A word as the index keeps it: accents and case gone, a possessive 's and the inner joiners dropped, stemmed. */
export function wordKey(word: string): string {
  // A long "word" is a query's or a hostile text's, not the language's: worked out, never kept.
  if (word.length > 40) return keyOf(word)
  let key = keys.get(word)
  if (key === undefined) {
    if (keys.size >= KEPT) keys.delete(keys.keys().next().value!)
    keys.set(word, (key = keyOf(word)))
  }
  return key
}

function keyOf(word: string): string {
  const plain = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’.\-‐‑–]/g, '')
  return plain ? stemmer(plain) : ''
}

/** The keys a written word is found by: its own, and for a hyphenated word each part's ("Russia-Ukraine"). */
export function keysOfWord(word: string): string[] {
  const whole = wordKey(word)
  if (!HYPHENS.test(word)) return whole ? [whole] : []
  return [...new Set([whole, ...word.split(HYPHENS).map(wordKey)].filter(Boolean))]
}

/** The keys a text is found by (a statement's words, a speaker's names), each once. */
export function indexWords(text: string): string[] {
  const keys = new Set<string>()
  for (const [word] of text.matchAll(WORD)) for (const key of keysOfWord(word)) keys.add(key)
  return [...keys]
}

/** The keys a query asks for, each once: a hyphenated word is asked for whole ("e-mails" finds "emails"). */
export function queryWords(q: string): string[] {
  return [...new Set([...q.matchAll(WORD)].map((m) => wordKey(m[0])).filter(Boolean))]
}
