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
  readonly #entries = new Map<string, Kept>()
  readonly #claims = new Map<string, Set<string>>()
  // Statement ids per term, oldest first. Removal leaves stale ids behind, skipped on reading and swept
  // once they outnumber the live ones.
  readonly #postings = new Map<string, string[]>()
  readonly #df = new Map<string, number>()
  // Every word an entry was kept with, once, by number (#kept): an entry holds numbers, not strings.
  readonly #wordIds = new Map<string, number>()
  readonly #words: string[] = []
  // Every kept entry's numbers, end to end (#kept); a removed entry's stay until the next sweep.
  #arena = new Uint32Array(1024)
  #used = 0
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
      const made = this.#entryOf(s)
      this.#entries.set(s.id, this.#kept(made, claimId))
      this.#members(claimId).add(s.id)
      for (const term of termsOf(made)) {
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
    for (const term of this.#termsOfKept(entry)) {
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
   * A statement's entry as the index keeps it: a small record of fixed shape whose terms, entities, numbers and
   * runs are numbers in one typed array shared by every entry (#arena), not a Map, a Set and a typed array of their own.
   * At 100,000 statements those were 143 MB of a serving process's heap. An entry is made whole again (#entry)
   * only when a lookup scores it: a few dozen a lookup.
   */
  #kept(made: Entry, claimId: string): Kept {
    const number = (w: string) => {
      let id = this.#wordIds.get(w)
      if (id === undefined) this.#wordIds.set(w, (id = this.#words.push(w) - 1))
      return id
    }
    const start = this.#reserve(made.terms.size * 2 + made.entities.size + made.numbers.size + made.runs.length)
    let at = start
    for (const [term, tf] of made.terms) {
      this.#arena[at++] = number(term)
      this.#arena[at++] = tf
    }
    for (const entity of made.entities) this.#arena[at++] = number(entity)
    for (const figure of made.numbers) this.#arena[at++] = number(figure)
    this.#arena.set(made.runs, at)
    const optional = (word: string | null) => (word === null ? -1 : number(word))
    return new Kept(claimId, made, start, optional(made.subject), optional(made.speaker))
  }

  /** A kept entry made whole, for the pair model. */
  #entry(kept: Kept): Entry {
    const arena = this.#arena
    const terms = new Map<string, number>()
    let at = kept.start
    for (const end = at + kept.termCount * 2; at < end; at += 2) terms.set(this.#words[arena[at]], arena[at + 1])
    const entities = kept.entityCount ? new Set<string>() : NONE
    for (const end = at + kept.entityCount; at < end; at++) (entities as Set<string>).add(this.#words[arena[at]])
    const numbers = kept.numberCount ? new Set<string>() : NONE
    for (const end = at + kept.numberCount; at < end; at++) (numbers as Set<string>).add(this.#words[arena[at]])
    return {
      claimId: kept.claimId,
      terms,
      entities,
      day: kept.day,
      runs: arena.slice(at, at + kept.runCount),
      numbers,
      negated: kept.negated,
      speaker: kept.speaker < 0 ? null : this.#words[kept.speaker],
      article: kept.article,
      subject: kept.subject < 0 ? null : this.#words[kept.subject],
      stance: kept.stance,
      at: kept.at,
    }
  }

  /** A kept entry's terms (content stems, then entities), as termsOf gives an entry's. */
  #termsOfKept(kept: Kept): string[] {
    const out: string[] = []
    for (let i = kept.start, end = i + kept.termCount * 2; i < end; i += 2) out.push(this.#words[this.#arena[i]])
    for (let i = kept.start + kept.termCount * 2, end = i + kept.entityCount; i < end; i++) out.push(this.#words[this.#arena[i]])
    return out
  }

  /** Room for `size` numbers at the arena's end, its start returned: the arena doubles when full. */
  #reserve(size: number): number {
    if (this.#used + size > this.#arena.length) {
      const grown = new Uint32Array(Math.max(this.#arena.length * 2, this.#used + size))
      grown.set(this.#arena.subarray(0, this.#used))
      this.#arena = grown
    }
    const start = this.#used
    this.#used += size
    return start
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
      const stored = this.#entry(this.#entries.get(id)!)
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
    let size = 0
    for (const kept of this.#entries.values()) size += kept.size
    const arena = new Uint32Array(Math.max(1024, size))
    let used = 0
    for (const kept of this.#entries.values()) {
      arena.set(this.#arena.subarray(kept.start, kept.start + kept.size), used)
      kept.start = used
      used += kept.size
    }
    this.#arena = arena
    this.#used = used
    this.#stale = 0
  }
}

/** The terms a statement is found by: its content stems and its entities. */
export const termsOf = (e: Entry) => [...e.terms.keys(), ...e.entities]

/**
 * An entry as the index keeps it: its terms (word number, count), entities, numbers and runs are in the index's
 * arena, in that order.
 */
class Kept {
  readonly termCount: number
  readonly entityCount: number
  readonly numberCount: number
  readonly runCount: number
  readonly day: number | null
  readonly negated: boolean
  readonly article: string | null
  readonly stance: Entry['stance']
  readonly at: number | null

  constructor(
    public claimId: string,
    made: Entry,
    /** Where its numbers begin in the arena; moved when the arena is compacted. */
    public start: number,
    /** The subject's and the speaker's word numbers, or -1. */
    readonly subject: number,
    readonly speaker: number,
  ) {
    this.termCount = made.terms.size
    this.entityCount = made.entities.size
    this.numberCount = made.numbers.size
    this.runCount = made.runs.length
    this.day = made.day
    this.negated = made.negated
    this.article = made.article
    this.stance = made.stance
    this.at = made.at
  }

  get size(): number {
    return this.termCount * 2 + this.entityCount + this.numberCount + this.runCount
  }
}

const NONE: ReadonlySet<string> = new Set()
