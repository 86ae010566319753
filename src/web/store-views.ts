// What the pages compute from the whole store — lookup maps, the outlets, the claims in each order, who spoke
// in which claim — kept until the store changes instead of rebuilt on every request: at 100,000 statements
// rebuilding them cost the claims list ~150 ms a page. One set per store version; the claims in each order are
// carried to the next version by what the write changed (the store keeps untouched summaries as the same
// objects), so the first list after a write re-sorts a dozen claims, not 30,000.

import type { ArticleRecord, SpeakerRecord } from '../store/schema.js'
import { normaliseName } from '../store/speakers.js'
import type { ClaimSummary, ClaimVoice, Touched } from '../store/views.js'
import { namesOf } from './search-index.js'
import type { WebStore } from './web-store.js'

/** The store's change counter, as the caches' key. */
export async function storeVersion(store: WebStore): Promise<string> {
  return `v${await store.version()}`
}

/** What a snapshot had built that the next version's can start from. */
interface Carried {
  claims: readonly ClaimSummary[]
  sorted: Map<string, ClaimSummary[]>
}

/**
 * The lookup maps a snapshot built and what they were built from, taken over by the next version's: building them
 * read every record (~5 ms for 12,000 speakers and 15,000 articles), and so did copying them. They are shared, not
 * copied: speakers and articles are only ever added, under new ids, and the records are the store's own, so an
 * older version looking up the ids it knows finds what it would have found in a map of its own.
 */
interface Lookups {
  speakers?: Map<string, SpeakerRecord>
  articles?: { map: Map<string, ArticleRecord>; from: readonly ArticleRecord[]; count: number }
}

/** One version of the store, as the pages read it; each view is built the first time it is asked for. */
export class Snapshot {
  readonly #once = new Map<string, unknown>()
  /** Filtered claim lists by their query, a few of them: paging through a view filters once. */
  readonly matched = new Map<string, ClaimSummary[]>()

  #claims: Promise<readonly ClaimSummary[]> | undefined
  #claimList: readonly ClaimSummary[] | undefined
  readonly #sorted = new Map<string, ClaimSummary[]>()
  readonly #before: Carried | undefined
  readonly #lookups: Lookups = {}
  readonly #lookupsBefore: Lookups & { touched?: Touched }

  constructor(
    readonly version: string,
    /** The store's change counter at this version (`version` is it as a cache key). */
    readonly at: number,
    readonly store: WebStore,
    readonly speakerList: readonly SpeakerRecord[],
    readonly articleList: readonly ArticleRecord[],
    before?: Snapshot,
    /** What the writes since `before` touched, when the store can tell. */
    touched?: Touched,
  ) {
    // Only what the last version built is carried, never the snapshot itself: versions do not chain in memory.
    const claims = before ? before.#claimList : undefined
    if (claims && before!.#sorted.size) this.#before = { claims, sorted: before!.#sorted }
    this.#lookupsBefore = { ...(before ? before.#lookups : {}), touched }
  }

  #view<T>(name: string, build: () => T): T {
    if (!this.#once.has(name)) this.#once.set(name, build())
    return this.#once.get(name) as T
  }

  /** The claim summaries, asked of the store once per version and only by pages that show claims. */
  claims(): Promise<readonly ClaimSummary[]> {
    this.#claims ??= Promise.resolve(this.store.claims()).then((list) => {
      this.#claimList = list
      return list
    })
    return this.#claims
  }

  get speakers(): Map<string, SpeakerRecord> {
    return this.#view('speakers', () => {
      const { speakers: before, touched } = this.#lookupsBefore
      let map: Map<string, SpeakerRecord>
      if (before && touched) {
        map = before
        for (const record of touched.speakers) map.set(record.id, record)
        // The claims are read from the store when first asked for, and a write may have come between: speakers
        // are only ever appended, so any the live list holds past the map's are taken in too.
        const list = this.speakerList
        for (let i = list.length - 1; i >= 0 && map.size < list.length; i--) if (!map.has(list[i].id)) map.set(list[i].id, list[i])
      } else {
        map = new Map(this.speakerList.map((s) => [s.id, s]))
      }
      this.#lookups.speakers = map
      return map
    })
  }

  get articles(): Map<string, ArticleRecord> {
    return this.#view('articles', () => {
      // Articles never change once filed and are only ever added after the others: the last map holds for the
      // articles it was built from, if they are still the first of the list.
      const before = this.#lookupsBefore.articles
      const list = this.articleList
      let map: Map<string, ArticleRecord> | undefined
      if (before && list.length >= before.count) {
        let same = true
        for (let i = 0; i < before.count && same; i++) same = list[i] === before.from[i]
        if (same) {
          map = before.map
          for (let i = before.count; i < list.length; i++) map.set(list[i].id, list[i])
        }
      }
      map ??= new Map(list.map((a) => [a.id, a]))
      this.#lookups.articles = { map, from: list, count: list.length }
      return map
    })
  }

  get outlets(): string[] {
    return this.#view('outlets', () =>
      [...new Set(this.articleList.map((a) => a.outlet).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b)),
    )
  }

  async verdicts(): Promise<string[]> {
    const claims = await this.claims()
    return this.#view('verdicts', () => [...new Set(claims.map((c) => c.claim.review?.verdict).filter((v): v is string => !!v))])
  }

  /** Every claim in one order. `compare` must order every two claims (ids last). */
  async sorted(order: string, compare: (a: ClaimSummary, b: ClaimSummary) => number): Promise<ClaimSummary[]> {
    const claims = await this.claims()
    return this.#view(`sorted:${order}`, () => {
      const before = this.#before?.sorted.get(order)
      const list = (before && this.#carry(before, claims, compare)) ?? [...claims].sort(compare)
      this.#sorted.set(order, list)
      return list
    })
  }

  /**
   * The last version's list in this order, with the summaries the write replaced taken out and the new ones put
   * in their places; undefined when so much changed that sorting anew is cheaper.
   */
  #carry(
    before: readonly ClaimSummary[],
    claims: readonly ClaimSummary[],
    compare: (a: ClaimSummary, b: ClaimSummary) => number,
  ): ClaimSummary[] | undefined {
    const { gone, come } = this.#view('moved', () => moved(this.#before!.claims, claims))
    // Each put-in moves the list along once: past a few hundred, sorting the whole list is as cheap.
    if (gone.size + come.length > Math.max(500, claims.length / 10)) return undefined
    const list = gone.size ? before.filter((c) => !gone.has(c)) : [...before]
    for (const claim of come) list.splice(insertionPoint(list, claim, compare), 0, claim)
    return list
  }

  /**
   * The claims in which someone spoke whose names hold every word of `name` — more than the speaker filter keeps
   * (it wants the words in a row), never fewer, so the filter then runs over a few claims instead of all.
   */
  async spokenBy(name: string): Promise<ClaimSummary[]> {
    const claims = await this.claims()
    const index = await this.#view('names', () => this.#nameIndex(claims))
    const words = normaliseName(name).split(' ').filter(Boolean)
    const sets = words.map((w) => index.claimsOf(w)).sort((a, b) => a.size - b.size)
    if (sets.length === 0) return [...claims]
    return [...sets[0]].filter((c) => sets.every((set) => set.has(c)))
  }

  /**
   * The store's name index brought to this version: moved on by the claims the writes since replaced or put in
   * and those of a speaker whose names changed, or built anew when the store cannot tell what changed or much did.
   */
  async #nameIndex(claims: readonly ClaimSummary[]): Promise<NameIndex> {
    const kept = nameIndexes.get(this.store)
    if (kept?.at === this.at && kept.claims === claims) return kept
    const touched = kept && kept.at < this.at && this.store.touchedSince ? await this.store.touchedSince(kept.at) : undefined
    const again = nameIndexes.get(this.store)
    // Another request moved it meanwhile, or this snapshot is already behind: the kept index is not for this one.
    if (again !== kept || (again && again.at > this.at))
      return again?.at === this.at && again.claims === claims ? again : new NameIndex(claims, this.speakers, this.at)
    const { gone, come } = touched ? moved(kept!.claims, claims) : { gone: new Set<ClaimSummary>(), come: [] }
    const index =
      kept && touched && gone.size + come.length <= Math.max(500, claims.length / 10)
        ? kept.advance(claims, this.at, gone, come, touched.speakers, this.speakers)
        : new NameIndex(claims, this.speakers, this.at)
    nameIndexes.set(this.store, index)
    return index
  }
}

/** Each store's name index, as of the version it was last brought to (one per store: versions share it). */
const nameIndexes = new WeakMap<WebStore, NameIndex>()

/** The claims in which someone spoke, by each word of the names they were written with and are known by. */
class NameIndex {
  readonly #byWord = new Map<string, Set<ClaimSummary>>()
  // Each claim's words and speakers, each speaker's claims and names as indexed: what a write changed is redone by these.
  readonly #of = new Map<ClaimSummary, { words: string[]; speakers: string[] }>()
  readonly #bySpeaker = new Map<string, Set<ClaimSummary>>()
  readonly #names = new Map<string, string>()
  readonly #wordsOf = new Map<string, string[]>()

  constructor(
    public claims: readonly ClaimSummary[],
    speakers: Map<string, SpeakerRecord>,
    public at: number,
  ) {
    for (const claim of claims) this.#add(claim, speakers)
  }

  claimsOf(word: string): ReadonlySet<ClaimSummary> {
    return this.#byWord.get(word) ?? new Set()
  }

  /** Moves the index to a later version: `gone` and `come` as `moved` tells them, `touched` the speakers written since. */
  advance(
    claims: readonly ClaimSummary[],
    at: number,
    gone: ReadonlySet<ClaimSummary>,
    come: readonly ClaimSummary[],
    touched: readonly SpeakerRecord[],
    speakers: Map<string, SpeakerRecord>,
  ): this {
    const again = new Set(come)
    for (const record of touched) {
      const names = this.#names.get(record.id)
      if (names === undefined || names === namesOf(record)) continue
      this.#names.set(record.id, namesOf(record))
      for (const claim of this.#bySpeaker.get(record.id) ?? []) if (!gone.has(claim)) again.add(claim)
    }
    for (const claim of gone) this.#drop(claim)
    for (const claim of again) {
      this.#drop(claim)
      this.#add(claim, speakers)
    }
    this.claims = claims
    this.at = at
    return this
  }

  #add(claim: ClaimSummary, speakers: Map<string, SpeakerRecord>): void {
    const seen = new Set<string>()
    const spoke = new Set<string>()
    const add = (name: string) => {
      let words = this.#wordsOf.get(name)
      if (!words) this.#wordsOf.set(name, (words = normaliseName(name).split(' ').filter(Boolean)))
      for (const word of words) seen.add(word)
    }
    const voices: ClaimVoice[] = [...claim.asserted, ...claim.denied, ...claim.declined]
    for (const voice of voices) {
      if (voice.name) add(voice.name)
      const record = voice.speakerId ? speakers.get(voice.speakerId) : undefined
      if (!record) continue
      for (const name of [record.name, ...record.aliases]) add(name)
      spoke.add(record.id)
      if (!this.#names.has(record.id)) this.#names.set(record.id, namesOf(record))
    }
    this.#of.set(claim, { words: [...seen], speakers: [...spoke] })
    for (const word of seen) {
      const set = this.#byWord.get(word)
      if (set) set.add(claim)
      else this.#byWord.set(word, new Set([claim]))
    }
    for (const id of spoke) {
      const set = this.#bySpeaker.get(id)
      if (set) set.add(claim)
      else this.#bySpeaker.set(id, new Set([claim]))
    }
  }

  #drop(claim: ClaimSummary): void {
    const of = this.#of.get(claim)
    if (!of) return
    for (const word of of.words) this.#byWord.get(word)?.delete(claim)
    for (const id of of.speakers) this.#bySpeaker.get(id)?.delete(claim)
    this.#of.delete(claim)
  }
}

/**
 * The summaries of the last version a write replaced or took away, and those it put in. Both lists are in the
 * store's order, and a write replaces a claim's summary in its place and adds new claims at the end: walking
 * them side by side compares references, not 30,000 claims through sets. A claim gone from the middle or put
 * back there (a merge, undone) is told apart by sets.
 */
function moved(before: readonly ClaimSummary[], now: readonly ClaimSummary[]): { gone: Set<ClaimSummary>; come: ClaimSummary[] } {
  const gone = new Set<ClaimSummary>()
  const come: ClaimSummary[] = []
  let [i, j] = [0, 0]
  for (; i < before.length && j < now.length; i++, j++) {
    if (before[i] === now[j]) continue
    if (before[i].claim.id !== now[j].claim.id) {
      const was = new Set(before)
      const is = new Set(now)
      return { gone: new Set(before.filter((c) => !is.has(c))), come: now.filter((c) => !was.has(c)) }
    }
    gone.add(before[i])
    come.push(now[j])
  }
  for (; i < before.length; i++) gone.add(before[i])
  for (; j < now.length; j++) come.push(now[j])
  return { gone, come }
}

/** Where `claim` goes in a sorted list: after every claim that comes before it. */
function insertionPoint(list: readonly ClaimSummary[], claim: ClaimSummary, compare: (a: ClaimSummary, b: ClaimSummary) => number): number {
  let [lo, hi] = [0, list.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compare(list[mid], claim) <= 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

const snapshots = new WeakMap<WebStore, Snapshot>()

/** The store as it is now; the same Snapshot until something is written. */
export async function snapshotOf(store: WebStore): Promise<Snapshot> {
  const at = await store.version()
  const version = `v${at}`
  const known = snapshots.get(store)
  if (known?.version === version) return known
  const [speakers, articles] = await Promise.all([store.speakers(), store.articles()])
  const touched = known && store.touchedSince ? await store.touchedSince(known.at) : undefined
  const again = snapshots.get(store)
  if (again?.version === version) return again
  const snapshot = new Snapshot(version, at, store, speakers, articles, known, touched)
  snapshots.set(store, snapshot)
  return snapshot
}
