// Words as search keys them, one definition for the web's word index (src/web/search-index.ts) and the
// PostgreSQL store's word columns (src/store/pg/search-words.ts): a query finds the same statements in both.

export const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu

/** A word as the index keeps it: accents, case and inner apostrophes and dots gone ("U.S." is "us"). */
export function wordKey(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’.]/g, '')
}

/** The keys of every word in a text, each once. */
export function queryWords(q: string): string[] {
  return [...new Set([...q.matchAll(WORD)].map((m) => wordKey(m[0])).filter(Boolean))]
}
