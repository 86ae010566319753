// What the pair model weighs when it asks whether two statements bear on one claim: how many words they share
// and how rare those are, runs of words quoted alike, the names and numbers they share or differ on, whether one
// says no where the other does not, who said each, how far apart in time, and whether they come from one
// article. Each is a named feature with a value, so the learned weights can be read beside the list.
import type { Entry } from './entry.js'
import { contentSimilarity, entityOverlap, type Idf, sharedTerms } from './evidence.js'

const count = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

/** Values two sorted lists of distinct values share. */
const countSorted = (a: Uint32Array, b: Uint32Array) => {
  let n = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) n++, i++, j++
    else if (a[i] < b[j]) i++
    else j++
  }
  return n
}

/**
 * Within one article the same words mean other things than across two (a story restates itself; two outlets
 * quote one remark), so each feature is learned apart: prefixed "in:" for two statements of one article.
 */
export function pairFeatures(a: Entry, b: Entry, idf: Idf, shared = sharedTerms(a, b)): Record<string, number> {
  const inside = a.article !== null && a.article === b.article
  const f = features(a, b, idf, inside, shared)
  if (!inside) return f
  const out: Record<string, number> = {}
  for (const name in f) out[`in:${name}`] = f[name]
  return out
}

function features(a: Entry, b: Entry, idf: Idf, inside: boolean, shared: number): Record<string, number> {
  const f: Record<string, number> = { bias: 1 }
  const cos = contentSimilarity(a, b, idf)
  const smaller = Math.max(1, Math.min(a.terms.size, b.terms.size))
  f.cosine = cos
  f['cosine²'] = cos * cos
  f.entities = entityOverlap(a, b, idf)
  f.contained = shared / smaller
  // The rare words shared: "Benghazi", "Machado" say more of which claim this is than "said" or "people".
  let mass = 0,
    sharedMass = 0,
    rarest = 0
  const [less, more] = a.terms.size <= b.terms.size ? [a, b] : [b, a]
  for (const term of less.terms.keys()) {
    const w = idf(term)
    mass += w
    if (more.terms.has(term)) {
      sharedMass += w
      rarest = Math.max(rarest, w)
    }
  }
  f['contained:rare'] = mass ? sharedMass / mass : 0
  f['rarest shared'] = rarest / 10
  f.shared = Math.min(shared, 8) / 8
  if (shared <= 2) f['shared:few'] = 1
  if (smaller < 5) f.short = 1
  const runs = countSorted(a.runs, b.runs)
  if (runs >= 1) f['runs:1+'] = 1
  if (runs >= 3) f['runs:3+'] = 1
  if (a.numbers.size && b.numbers.size) f[count(a.numbers, b.numbers) ? 'numbers:agree' : 'numbers:differ'] = 1
  if (a.negated !== b.negated) f['negation:differs'] = 1
  if (a.speaker && b.speaker) {
    f[a.speaker === b.speaker ? 'speaker:same' : 'speaker:differs'] = 1
    if (a.speaker === b.speaker) f['speaker:same×cosine'] = cos
  }
  if (a.subject && a.subject === b.subject) f['subject:same'] = 1
  if (a.stance !== 'assert' || b.stance !== 'assert') {
    f.answer = 1
    f['answer×cosine'] = cos
  }
  if (inside) {
    if (a.at !== null && b.at !== null) {
      if (Math.abs(a.at - b.at) <= 300) f.near = 1
      if (Math.min(a.at, b.at) < 200) f.lead = 1
    }
  } else if (a.day !== null && b.day !== null) {
    const gap = Math.abs(a.day - b.day)
    f[gap <= 3 ? 'days:0-3' : gap <= 14 ? 'days:4-14' : gap <= 60 ? 'days:15-60' : 'days:60+'] = 1
  }
  return f
}
