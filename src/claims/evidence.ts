// Two measures of how much two statements look like reports of one claim, features of the pair model: their
// content words and the names they share. Weights come from the index (idf), so a word every report uses counts little.
import type { Entry } from './entry.js'

export type Idf = (term: string) => number

/** tf-idf cosine of two statements' content stems. */
export function contentSimilarity(a: Entry, b: Entry, idf: Idf): number {
  let dot = 0
  for (const [term, tf] of a.terms) {
    const other = b.terms.get(term)
    if (other) dot += tf * other * idf(term) ** 2
  }
  if (dot === 0) return 0
  return dot / (norm(a, idf) * norm(b, idf))
}

// A statement's norm under one lookup's idf, remembered for that lookup: the query meets dozens of candidates.
const norms = new WeakMap<Entry, { idf: Idf; norm: number }>()
function norm(e: Entry, idf: Idf): number {
  const known = norms.get(e)
  if (known?.idf === idf) return known.norm
  let sum = 0
  for (const [term, tf] of e.terms) sum += (tf * idf(term)) ** 2
  const value = Math.sqrt(sum)
  norms.set(e, { idf, norm: value })
  return value
}

/** How many content stems the two share: one rare word in common is not yet a claim in common. */
export function sharedTerms(a: Entry, b: Entry): number {
  let shared = 0
  for (const term of a.terms.keys()) if (b.terms.has(term)) shared++
  return shared
}

/** idf-weighted dice of the two statements' entities; 0 when either names none. */
export function entityOverlap(a: Entry, b: Entry, idf: Idf): number {
  let shared = 0
  let total = 0
  for (const e of a.entities) {
    const w = idf(e)
    total += w
    if (b.entities.has(e)) shared += 2 * w
  }
  for (const e of b.entities) total += idf(e)
  return total === 0 ? 0 : shared / total
}
