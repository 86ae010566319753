// What the pages compute from the whole store — lookup maps, the outlets, the claims in each order, who spoke
// in which claim — kept until the store changes instead of rebuilt on every request: at 100,000 statements
// rebuilding them cost the claims list ~150 ms a page. One set per store, dropped at the first write.

import type { ArticleRecord, SpeakerRecord } from '../store/schema.js'
import { normaliseName } from '../store/speakers.js'
import type { ClaimSummary, ClaimVoice } from '../store/views.js'
import type { WebStore } from './web-store.js'

/** The store's change counter, as the caches' key. */
export async function storeVersion(store: WebStore): Promise<string> {
  return `v${await store.version()}`
}

/** One version of the store, as the pages read it; each view is built the first time it is asked for. */
export class Snapshot {
  readonly #once = new Map<string, unknown>()
  /** Filtered claim lists by their query, a few of them: paging through a view filters once. */
  readonly matched = new Map<string, ClaimSummary[]>()

  #claims: Promise<readonly ClaimSummary[]> | undefined

  constructor(
    readonly version: string,
    readonly store: WebStore,
    readonly speakerList: readonly SpeakerRecord[],
    readonly articleList: readonly ArticleRecord[],
  ) {}

  #view<T>(name: string, build: () => T): T {
    if (!this.#once.has(name)) this.#once.set(name, build())
    return this.#once.get(name) as T
  }

  /** The claim summaries, asked of the store once per version and only by pages that show claims. */
  claims(): Promise<readonly ClaimSummary[]> {
    this.#claims ??= Promise.resolve(this.store.claims())
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

  /** Every claim in one order, and each claim's place in it. */
  async sorted(
    order: string,
    compare: (a: ClaimSummary, b: ClaimSummary) => number,
  ): Promise<{ list: ClaimSummary[]; place: Map<ClaimSummary, number> }> {
    const claims = await this.claims()
    return this.#view(`sorted:${order}`, () => {
      const list = [...claims].sort(compare)
      return { list, place: new Map(list.map((c, i) => [c, i])) }
    })
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
  const snapshot = new Snapshot(version, store, speakers, articles)
  snapshots.set(store, snapshot)
  return snapshot
}
