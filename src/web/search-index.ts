// Full-text search over statements: each statement is findable by the words of its content and by every name
// its speaker was written with. The word index is built on the first search and again only when the store
// has changed, so a query over tens of thousands of statements intersects a few lists instead of scanning.

import { contentText } from '../store/records.js'
import type { SpeakerRecord, StatementRecord } from '../store/schema.js'
import type { WebStore } from './web-store.js'

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu

/** A word as the index keeps it: accents, case and inner apostrophes and dots gone ("U.S." is "us"). */
export function wordKey(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’.]/g, '')
}

export function queryWords(q: string): string[] {
  return [...new Set([...q.matchAll(WORD)].map((m) => wordKey(m[0])).filter(Boolean))]
}

export interface Piece {
  text: string
  hit: boolean
}

/** Cuts text into plain pieces, those whose word is asked for marked; the view escapes every piece. */
export function markWords(text: string, words: ReadonlySet<string>): Piece[] {
  const pieces: Piece[] = []
  let at = 0
  for (const m of text.matchAll(WORD)) {
    if (!words.has(wordKey(m[0]))) continue
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), hit: false })
    pieces.push({ text: m[0], hit: true })
    at = m.index + m[0].length
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false })
  return pieces
}

export class WordIndex {
  readonly #postings = new Map<string, number[]>()
  constructor(readonly statements: readonly StatementRecord[]) {}

  static build(statements: readonly StatementRecord[], speakers: readonly SpeakerRecord[]): WordIndex {
    const live = statements.filter((s) => !s.rejected)
    const index = new WordIndex(live)
    const byId = new Map(speakers.map((s) => [s.id, s]))
    const nameWords = new Map<string, string[]>()
    const wordsOfSpeaker = (s: StatementRecord): string[] => {
      const key = s.speakerId ?? `#${s.speaker?.name ?? ''}`
      let words = nameWords.get(key)
      if (!words) {
        const record = s.speakerId ? byId.get(s.speakerId) : undefined
        words = queryWords([s.speaker?.name ?? '', ...(record ? [record.name, ...record.aliases] : [])].join(' '))
        nameWords.set(key, words)
      }
      return words
    }
    // A word's key costs a Unicode normalisation; the same few thousand words come back in every statement.
    const keys = new Map<string, string>()
    live.forEach((s, i) => {
      const words = new Set(wordsOfSpeaker(s))
      for (const [raw] of contentText(s).matchAll(WORD)) {
        let key = keys.get(raw)
        if (key === undefined) keys.set(raw, (key = wordKey(raw)))
        if (key) words.add(key)
      }
      for (const word of words) {
        const list = index.#postings.get(word)
        if (list) list.push(i)
        else index.#postings.set(word, [i])
      }
    })
    return index
  }

  /** The statements holding every word, in store order. */
  find(words: readonly string[]): StatementRecord[] {
    if (words.length === 0) return []
    const lists = words.map((w) => this.#postings.get(w) ?? []).sort((a, b) => a.length - b.length)
    let found = lists[0]
    // Lists are ascending: the rarest word's few hits are looked up in the others by halving.
    for (const list of lists.slice(1)) found = found.filter((i) => holds(list, i))
    return found.map((i) => this.statements[i])
  }
}

function holds(sorted: readonly number[], n: number): boolean {
  let [lo, hi] = [0, sorted.length - 1]
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] === n) return true
    if (sorted[mid] < n) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** The index over a store, rebuilt when statements, speakers or reviewers' decisions have changed. */
export function wordIndexOf(store: WebStore): () => Promise<WordIndex> {
  let built: { key: string; index: WordIndex } | null = null
  return async () => {
    const [statements, speakers, decisions] = await Promise.all([store.statements(), store.speakers(), store.decisions()])
    const key = `${statements.length}|${speakers.length}|${decisions.length}`
    if (built?.key !== key) built = { key, index: WordIndex.build(statements, speakers) }
    return built.index
  }
}
