// The claims already stored, indexed so that a new article's claim finds the stored claim it repeats, asserts or
// denies: an inverted index from content stems and entities to statements, read rarest term first and capped,
// so a lookup costs the same in a store of a hundred articles or of a hundred thousand.
import { type ClaimStatement, type Entry, entryOf } from './entry.js'
import { sharedTerms } from './evidence.js'
import { pairFeatures } from './pair-features.js'
import { type PairModel, sameProbability } from './pair-model.js'
import { PAIR_MODEL } from './pair-weights.js'

export type { ClaimStatement } from './entry.js'
export { claimStatement } from './entry.js'

export interface ClaimIndexOptions {
  /** The learned pair model that scores two statements (data/models/pair-weights.json). */
  model: PairModel
  /** Probability from which a new claim is filed under a stored one: the model's, chosen for precision under CV. */
  threshold: number
  /** Fewest content stems two statements must share to be compared at all. */
  minShared: number
  /** How many of a claim's rarest terms are looked up, and how many stored statements are scored at most. */
  maxTerms: number
  maxCandidates: number
  /** How many candidate pairs, those sharing the most words, the model scores at most in one lookup. */
  maxScored: number
  /**
   * The whole store's term counts, for an index that holds only the candidates a database found (src/store/pg):
   * a term's rarity is the store's, not the few statements at hand.
   */
  corpus?: { statements: number; df: (term: string) => number }
  /**
   * The stored statements a lookup of these statements scores, in the order the database's postings gave them,
   * in place of this index's own retrieval (the same rule, run where the whole index is).
   */
  retrieved?: (statements: ClaimStatement[]) => string[]
}

export const DEFAULT_OPTIONS: ClaimIndexOptions = {
  model: PAIR_MODEL,
  threshold: PAIR_MODEL.threshold,
  minShared: 2,
  maxTerms: 10,
  maxCandidates: 40,
  maxScored: 16,
}

export interface ClaimMatch {
  claimId: string
  /** In [0, 1]: the pair model's probability for the best statement pair. */
  confidence: number
  /** The statement of the stored claim that matched best. */
  statementId: string
}

export class ClaimIndex {
  readonly options: ClaimIndexOptions
  readonly #entries = new Map<string, Entry>()
  readonly #claims = new Map<string, Set<string>>()
  // Statement ids per term, oldest first. Removal leaves stale ids behind, skipped on reading and swept
  // once they outnumber the live ones.
  readonly #postings = new Map<string, string[]>()
  readonly #df = new Map<string, number>()
  // Every word an entry was kept with, once (#kept).
  readonly #words = new Map<string, string>()
  #stale = 0
  #live = 0

  constructor(options: Partial<ClaimIndexOptions> = {}) {
    // A model given without a threshold brings its own.
    this.options = { ...DEFAULT_OPTIONS, ...(options.model ? { threshold: options.model.threshold } : {}), ...options }
  }

  /** The index of claims read back from a store at open. */
  static from(claims: Iterable<{ id: string; statements: ClaimStatement[] }>, options?: Partial<ClaimIndexOptions>): ClaimIndex {
    const index = new ClaimIndex(options)
    for (const claim of claims) index.add(claim.id, claim.statements)
    return index
  }

  get size(): { claims: number; statements: number } {
    return { claims: this.#claims.size, statements: this.#entries.size }
  }

  /** The stored claim these statements (one article's claim) bear on, if any reaches the threshold. */
  match(statements: ClaimStatement[]): ClaimMatch | null {
    const best = this.rank(statements)[0]
    return best && best.confidence >= this.options.threshold ? best : null
  }

  /** Every candidate claim with its confidence, best first, whatever the threshold. */
  rank(statements: ClaimStatement[]): ClaimMatch[] {
    const queries = statements.map((s) => this.#entryOf(s))
    const best = new Map<string, ClaimMatch>()
    const known = new Map<string, number>()
    const { corpus } = this.options
    const idf = (term: string) => {
      let w = known.get(term)
      const [live, df] = corpus ? [corpus.statements, corpus.df(term)] : [this.#live, this.#df.get(term) ?? 0]
      if (w === undefined) known.set(term, (w = Math.log((live + 1) / (df + 1)) + 1))
      return w
    }
    for (const { query, stored, id, shared } of this.#screen(queries, statements)) {
      const confidence = sameProbability(this.options.model, pairFeatures(query, stored, idf, shared))
      const held = best.get(stored.claimId)
      if (!held || confidence > held.confidence) best.set(stored.claimId, { claimId: stored.claimId, confidence, statementId: id })
    }
    return [...best.values()].sort((a, b) => b.confidence - a.confidence)
  }

  /** The stored statements a lookup of these would score (retrieval and screening, not the model), by id. */
  candidates(statements: ClaimStatement[]): string[] {
    return [
      ...new Set(
        this.#screen(
          statements.map((s) => this.#entryOf(s)),
          statements,
        ).map((pair) => pair.id),
      ),
    ]
  }

  /** Files statements under a claim, new or stored. A statement already indexed is moved. */
  add(claimId: string, statements: ClaimStatement[]): void {
    for (const s of statements) {
      if (this.#entries.has(s.id)) this.remove(s.id)
      const entry = this.#kept(this.#entryOf(s), claimId)
      this.#entries.set(s.id, entry)
      this.#members(claimId).add(s.id)
      for (const term of termsOf(entry)) {
        this.#df.set(term, (this.#df.get(term) ?? 0) + 1)
        const list = this.#postings.get(term)
        if (list) list.push(s.id)
        else this.#postings.set(term, [s.id])
      }
      this.#live++
    }
  }

  /** A reviewer's decision: this statement belongs to another claim. */
  move(statementId: string, toClaimId: string): void {
    const entry = this.#entries.get(statementId)
    if (!entry || entry.claimId === toClaimId) return
    this.#leave(statementId, entry.claimId)
    entry.claimId = toClaimId
    this.#members(toClaimId).add(statementId)
  }

  /** A reviewer's decision: two claims are one. */
  merge(fromClaimId: string, intoClaimId: string): void {
    for (const id of [...(this.#claims.get(fromClaimId) ?? [])]) this.move(id, intoClaimId)
  }

  remove(statementId: string): void {
    const entry = this.#entries.get(statementId)
    if (!entry) return
    this.#leave(statementId, entry.claimId)
    this.#entries.delete(statementId)
    for (const term of termsOf(entry)) {
      const df = this.#df.get(term)! - 1
      if (df === 0) this.#df.delete(term)
      else this.#df.set(term, df)
    }
    this.#live--
    if (++this.#stale > this.#live) this.#sweep()
  }

  removeClaim(claimId: string): void {
    for (const id of [...(this.#claims.get(claimId) ?? [])]) this.remove(id)
  }

  claimOf(statementId: string): string | undefined {
    return this.#entries.get(statementId)?.claimId
  }

  statementsOf(claimId: string): string[] {
    return [...(this.#claims.get(claimId) ?? [])]
  }

  /** A statement's entry, made once: a new article's claim is looked up, then added, with the same statements. */
  readonly #made = new WeakMap<ClaimStatement, Entry>()
  #entryOf(s: ClaimStatement): Entry {
    let entry = this.#made.get(s)
    if (!entry) this.#made.set(s, (entry = entryOf('', s)))
    return entry
  }

  /**
   * A statement's entry as the index keeps it, its words the index's own strings: each entry made its own copy of
   * every word, so that the index held eight copies a statement of words it already had.
   */
  #kept(made: Entry, claimId: string): Entry {
    const word = (w: string) => {
      let kept = this.#words.get(w)
      if (kept === undefined) this.#words.set(w, (kept = w))
      return kept
    }
    const terms = new Map<string, number>()
    for (const [term, tf] of made.terms) terms.set(word(term), tf)
    const entities = made.entities.size ? new Set([...made.entities].map(word)) : made.entities
    return { ...made, claimId, terms, entities, subject: made.subject === null ? null : word(made.subject) }
  }

  #members(claimId: string): Set<string> {
    let members = this.#claims.get(claimId)
    if (!members) this.#claims.set(claimId, (members = new Set()))
    return members
  }

  #leave(statementId: string, claimId: string): void {
    const members = this.#claims.get(claimId)
    members?.delete(statementId)
    if (members?.size === 0) this.#claims.delete(claimId)
  }

  /**
   * Stored statements worth scoring: those holding the query's rarest terms, the most recent first (ingest runs
   * roughly in date order, and the time factor favours the near ones), at most `maxCandidates`.
   */
  #candidates(queries: Entry[]): Set<string> {
    const terms = [...new Set(queries.flatMap(termsOf))].filter((t) => this.#df.has(t))
    terms.sort((a, b) => this.#df.get(a)! - this.#df.get(b)!)
    const found = new Set<string>()
    for (const term of terms.slice(0, this.options.maxTerms)) {
      const list = this.#postings.get(term)!
      for (let i = list.length - 1; i >= 0 && found.size < this.options.maxCandidates; i--) {
        if (this.#entries.has(list[i])) found.add(list[i])
      }
    }
    return found
  }

  /**
   * The candidate pairs the model scores: those sharing at least `minShared` content words, and of them the
   * `maxScored` sharing most, so that a claim repeated in a thousand stored articles costs no more to file than
   * one repeated in ten.
   */
  #screen(queries: Entry[], statements: ClaimStatement[]): Array<{ query: Entry; stored: Entry; id: string; shared: number }> {
    const pairs: Array<{ query: Entry; stored: Entry; id: string; shared: number }> = []
    const { retrieved } = this.options
    const found = retrieved ? retrieved(statements).filter((id) => this.#entries.has(id)) : this.#candidates(queries)
    for (const id of found) {
      const stored = this.#entries.get(id)!
      for (const query of queries) {
        const shared = sharedTerms(query, stored)
        if (shared >= this.options.minShared) pairs.push({ query, stored, id, shared })
      }
    }
    // A stable sort: among equals, the order retrieval found them in (rarest term, most recent first).
    if (pairs.length > this.options.maxScored) pairs.sort((a, b) => b.shared - a.shared).length = this.options.maxScored
    return pairs
  }

  #sweep(): void {
    for (const [term, list] of this.#postings) {
      const live = list.filter((id) => this.#entries.has(id))
      if (live.length) this.#postings.set(term, live)
      else this.#postings.delete(term)
    }
    this.#stale = 0
  }
}

/** The terms a statement is found by: its content stems and its entities. */
export const termsOf = (e: Entry) => [...e.terms.keys(), ...e.entities]
