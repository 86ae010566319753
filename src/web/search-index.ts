// Full-text search over statements: each statement is findable by the words of its content and by every name
// its speaker was written with. The word index is built on the first search and moved forward by what each
// write changed, so a query over tens of thousands of statements intersects a few lists instead of scanning,
// and the first search after a write does not rebuild it (at 100,000 statements that took ~600 ms).

import { contentText } from '../store/records.js'
import type { SpeakerRecord, StatementRecord } from '../store/schema.js'
import type { Touched } from '../store/views.js'
import { indexWords, keysOfWord, queryWords, WORD, wordKey } from '../text/word-keys.js'
import type { WebStore } from './web-store.js'

export { queryWords, wordKey }

export interface Piece {
  text: string
  hit: boolean
}

/** Cuts text into plain pieces, those whose word is asked for marked; the view escapes every piece. */
export function markWords(text: string, words: ReadonlySet<string>): Piece[] {
  const pieces: Piece[] = []
  let at = 0
  for (const m of text.matchAll(WORD)) {
    if (!keysOfWord(m[0]).some((key) => words.has(key))) continue
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), hit: false })
    pieces.push({ text: m[0], hit: true })
    at = m.index + m[0].length
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false })
  return pieces
}

/**
 * Postings by word over every statement in store order, rejected ones too (they are passed over when found), so
 * that a write moves the index forward instead of rebuilding it: new statements are appended, and a statement
 * whose speaker is now written otherwise (another speaker, a new alias, a merge) has its name words redone.
 * A statement's content never changes once filed.
 */
export class WordIndex {
  readonly #postings = new Map<string, number[]>()
  readonly #all: StatementRecord[] = []
  // What each statement's name words were made from, and the words: a change to either is seen on advance.
  readonly #speakerIds: Array<string | null> = []
  readonly #written: Array<string | undefined> = []
  readonly #nameWords: string[][] = []
  // Each statement's place, and the places of each speaker's statements as indexed (some since moved away): what
  // a write touched is found by these. Each speaker's record and names as last indexed, and a word's key by its
  // raw form (a key costs a Unicode normalisation).
  readonly #at = new Map<StatementRecord, number>()
  readonly #bySpeaker = new Map<string, number[]>()
  #speakers = new Map<string, SpeakerRecord>()
  #names = new Map<string, string>()
  readonly #keys = new Map<string, string[]>()

  private constructor() {}

  static build(statements: readonly StatementRecord[], speakers: readonly SpeakerRecord[]): WordIndex {
    const index = new WordIndex()
    index.advance(statements, speakers)
    return index
  }

  /** The statements not rejected, in store order. */
  get statements(): StatementRecord[] {
    return this.#all.filter((s) => !s.rejected)
  }

  /**
   * Brings the index to the store as it is now. False when the statements it holds are no longer the first of
   * those given (an earlier write's statements became visible after a later one's): the caller builds anew.
   * With what the writes since touched, only those statements and the statements of a speaker now written
   * otherwise are looked at again; without it every one is (at 100,000 statements that alone took ~50 ms).
   */
  advance(statements: readonly StatementRecord[], speakers: readonly SpeakerRecord[], touched?: Touched): boolean {
    const known = this.#all.length
    if (statements.length < known) return false
    for (let i = 0; i < known; i++) if (statements[i] !== this.#all[i]) return false
    const renamed = new Set<string>()
    let again: Iterable<number>
    if (touched && known) {
      for (const record of touched.speakers) {
        this.#speakers.set(record.id, record)
        const names = namesOf(record)
        if (names !== this.#names.get(record.id)) renamed.add(record.id)
        this.#names.set(record.id, names)
      }
      const touchedAt = new Set<number>()
      for (const s of touched.statements) {
        const i = this.#at.get(s)
        if (i !== undefined) touchedAt.add(i)
      }
      for (const id of renamed) for (const i of this.#bySpeaker.get(id) ?? []) touchedAt.add(i)
      again = touchedAt
    } else {
      const names = new Map(speakers.map((s) => [s.id, namesOf(s)]))
      for (const [id, now] of names) if (now !== this.#names.get(id)) renamed.add(id)
      this.#speakers = new Map(speakers.map((s) => [s.id, s]))
      this.#names = names
      again = Array.from({ length: known }, (_, i) => i)
    }
    const cache = new Map<string, string[]>()
    const wordsOf = (s: StatementRecord): string[] => {
      const key = `${s.speakerId ?? ''}#${s.speaker?.name ?? ''}`
      let words = cache.get(key)
      if (!words) {
        const record = s.speakerId ? this.#speakers.get(s.speakerId) : undefined
        words = indexWords([s.speaker?.name ?? '', ...(record ? [record.name, ...record.aliases] : [])].join(' '))
        cache.set(key, words)
      }
      return words
    }
    for (const i of again) {
      const s = this.#all[i]
      if (s.speakerId !== this.#speakerIds[i] || s.speaker?.name !== this.#written[i] || (s.speakerId !== null && renamed.has(s.speakerId)))
        this.#respeak(i, wordsOf(s))
    }
    for (let i = known; i < statements.length; i++) {
      const s = statements[i]
      const speaker = wordsOf(s)
      this.#all.push(s)
      this.#at.set(s, i)
      this.#speakerIds.push(s.speakerId)
      this.#said(s.speakerId, i)
      this.#written.push(s.speaker?.name)
      this.#nameWords.push(speaker)
      // Appended in store order, so every list stays ascending.
      for (const word of new Set([...speaker, ...this.#contentWords(s)])) {
        const list = this.#postings.get(word)
        if (list) list.push(i)
        else this.#postings.set(word, [i])
      }
    }
    return true
  }

  /** The statements holding every word, in store order. */
  find(words: readonly string[]): StatementRecord[] {
    if (words.length === 0) return []
    const lists = words.map((w) => this.#postings.get(w) ?? []).sort((a, b) => a.length - b.length)
    let found = lists[0]
    // Lists are ascending: the rarest word's few hits are looked up in the others by halving.
    for (const list of lists.slice(1)) found = found.filter((i) => place(list, i) >= 0)
    return found.map((i) => this.#all[i]).filter((s) => !s.rejected)
  }

  #contentWords(s: StatementRecord): Set<string> {
    const words = new Set<string>()
    for (const [raw] of contentText(s).matchAll(WORD)) {
      let keys = this.#keys.get(raw)
      if (keys === undefined) this.#keys.set(raw, (keys = keysOfWord(raw)))
      for (const key of keys) words.add(key)
    }
    return words
  }

  /** Statement `i` is now said by someone written otherwise: the name words it lost go, the new ones come. */
  #respeak(i: number, now: string[]): void {
    const s = this.#all[i]
    const content = this.#contentWords(s)
    const before = new Set(this.#nameWords[i])
    for (const word of before) if (!content.has(word) && !now.includes(word)) this.#unpost(word, i)
    for (const word of now) if (!content.has(word) && !before.has(word)) this.#post(word, i)
    if (s.speakerId !== this.#speakerIds[i]) this.#said(s.speakerId, i)
    this.#speakerIds[i] = s.speakerId
    this.#written[i] = s.speaker?.name
    this.#nameWords[i] = now
  }

  /** Statement `i` is said by this speaker now; where it was listed before it stays, and is passed over. */
  #said(speakerId: string | null, i: number): void {
    if (speakerId === null) return
    const list = this.#bySpeaker.get(speakerId)
    if (list) list.push(i)
    else this.#bySpeaker.set(speakerId, [i])
  }

  #post(word: string, i: number): void {
    const list = this.#postings.get(word)
    if (!list) return void this.#postings.set(word, [i])
    const at = place(list, i)
    if (at < 0) list.splice(-at - 1, 0, i)
  }

  #unpost(word: string, i: number): void {
    const list = this.#postings.get(word)
    const at = list ? place(list, i) : -1
    if (at >= 0) list!.splice(at, 1)
  }
}

/** A speaker's names as one string, to tell when they changed (here and in store-views.ts's name index). */
export const namesOf = (s: SpeakerRecord): string => [s.name, ...s.aliases].join('\n')

/** Where `n` is in an ascending list, or -(where it would go) - 1. */
function place(sorted: readonly number[], n: number): number {
  let [lo, hi] = [0, sorted.length - 1]
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] === n) return mid
    if (sorted[mid] < n) lo = mid + 1
    else hi = mid - 1
  }
  return -lo - 1
}

/** The index over a store, moved forward to the store's version at each search (WordIndex.advance). */
export function wordIndexOf(store: WebStore): () => Promise<WordIndex> {
  let built: { version: number; index: WordIndex } | null = null
  return async () => {
    const version = await store.version()
    if (built?.version === version) return built.index
    const [statements, speakers] = await Promise.all([store.statements(), store.speakers()])
    const touched = built && store.touchedSince ? await store.touchedSince(built.version) : undefined
    const index = built?.index.advance(statements, speakers, touched) ? built.index : WordIndex.build(statements, speakers)
    built = { version, index }
    return index
  }
}
