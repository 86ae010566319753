// What the pages compute from the whole store — lookup maps, the outlets, the claims in each order, who spoke
// in which claim — kept until the store changes instead of rebuilt on every request: at 100,000 statements
// rebuilding them cost the claims list ~150 ms a page. One set per store version; the claims in each order are
// carried to the next version by what the write changed (the store keeps untouched summaries as the same
// objects), so the first list after a write re-sorts a dozen claims, not 30,000.

import type { ArticleRecord, SpeakerRecord } from '../store/schema.js'
import { normaliseName } from '../store/speakers.js'
import type { ClaimSummary, ClaimVoice } from '../store/views.js'
import type { WebStore } from './web-store.js'

/** The store's change counter, as the caches' key. */
export async function storeVersion(store: WebStore): Promise<string> {
  return `v${await store.version()}`
}

/** The claims in one order, and each claim's place in it (worked out when first asked for). */
export interface Sorted {
  list: ClaimSummary[]
  readonly place: Map<ClaimSummary, number>
}

/** What a snapshot had built that the next version's can start from. */
interface Carried {
  claims: readonly ClaimSummary[]
  sorted: Map<string, ClaimSummary[]>
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

  constructor(
    readonly version: string,
    readonly store: WebStore,
    readonly speakerList: readonly SpeakerRecord[],
    readonly articleList: readonly ArticleRecord[],
    before?: Snapshot,
  ) {
    // Only what the last version built is carried, never the snapshot itself: versions do not chain in memory.
    const claims = before ? before.#claimList : undefined
    if (claims && before!.#sorted.size) this.#before = { claims, sorted: before!.#sorted }
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
    return this.#view('speakers', () => new Map(this.speakerList.map((s) => [s.id, s])))
  }

  get articles(): Map<string, ArticleRecord> {
    return this.#view('articles', () => new Map(this.articleList.map((a) => [a.id, a])))
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

  /** Every claim in one order, and each claim's place in it. `compare` must order every two claims (ids last). */
  async sorted(order: string, compare: (a: ClaimSummary, b: ClaimSummary) => number): Promise<Sorted> {
    const claims = await this.claims()
    return this.#view(`sorted:${order}`, () => {
      const before = this.#before?.sorted.get(order)
      const list = (before && this.#carry(before, claims, compare)) ?? [...claims].sort(compare)
      this.#sorted.set(order, list)
      let place: Map<ClaimSummary, number> | undefined
      return {
        list,
        get place() {
          place ??= new Map(list.map((c, i) => [c, i]))
          return place
        },
      }
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
    const { gone, come } = this.#view('moved', () => {
      const was = new Set(this.#before!.claims)
      const now = new Set(claims)
      return { gone: new Set(this.#before!.claims.filter((c) => !now.has(c))), come: claims.filter((c) => !was.has(c)) }
    })
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
    const index = this.#view('names', () => nameIndex(claims, this.speakers))
    const words = normaliseName(name).split(' ').filter(Boolean)
    const lists = words.map((w) => index.get(w) ?? []).sort((a, b) => a.length - b.length)
    if (lists.length === 0) return [...claims]
    const rest = lists.slice(1).map((list) => new Set(list))
    return lists[0].filter((c) => rest.every((set) => set.has(c)))
  }
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

function nameIndex(claims: readonly ClaimSummary[], speakers: Map<string, SpeakerRecord>): Map<string, ClaimSummary[]> {
  const wordsOf = new Map<string, string[]>()
  const words = (name: string) => {
    let found = wordsOf.get(name)
    if (!found) wordsOf.set(name, (found = normaliseName(name).split(' ').filter(Boolean)))
    return found
  }
  const index = new Map<string, ClaimSummary[]>()
  for (const claim of claims) {
    const seen = new Set<string>()
    const add = (name: string) => {
      for (const word of words(name)) seen.add(word)
    }
    const voices: ClaimVoice[] = [...claim.asserted, ...claim.denied, ...claim.declined]
    for (const voice of voices) {
      if (voice.name) add(voice.name)
      const record = voice.speakerId ? speakers.get(voice.speakerId) : undefined
      if (record) for (const name of [record.name, ...record.aliases]) add(name)
    }
    for (const word of seen) {
      const list = index.get(word)
      if (list) list.push(claim)
      else index.set(word, [claim])
    }
  }
  return index
}

const snapshots = new WeakMap<WebStore, Snapshot>()

/** The store as it is now; the same Snapshot until something is written. */
export async function snapshotOf(store: WebStore): Promise<Snapshot> {
  const version = await storeVersion(store)
  const known = snapshots.get(store)
  if (known?.version === version) return known
  const [speakers, articles] = await Promise.all([store.speakers(), store.articles()])
  const snapshot = new Snapshot(version, store, speakers, articles, known)
  snapshots.set(store, snapshot)
  return snapshot
}
