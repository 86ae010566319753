// compromise, loaded the first time a word is parsed, not when a module that may parse one is imported: a server
// that only shows pages (a PostgreSQL store's, most of all) never parses a word, and compromise's code and
// lexicon are 38 MB of its memory. Loaded through require (its CommonJS build: the same code, bundled), since the
// first use is inside synchronous code. Every module that parses takes it from here, so a process holds one copy.
import { createRequire } from 'node:module'
import type nlpType from 'compromise'

export type Nlp = typeof nlpType

let loaded: Nlp | undefined

export function compromise(): Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp
  return loaded
}

/** A value made from compromise on first use, then kept. */
export function once<T>(make: (nlp: Nlp) => T): () => T {
  let value: { made: T } | undefined
  return () => {
    value ??= { made: make(compromise()) }
    return value.made
  }
}
