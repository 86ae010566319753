// Answers worked out from the store and kept until it changes: a map per store and name, emptied when the store's
// version moves (any write). For small per-record facts a page needs on every render (a claim's source sentence,
// a claim's text for a search's groups) that are cheap to keep and wasteful to work out for every reader.
import type { WebStore } from './web-store.js'

/** Entries kept per map at most; the oldest go first. */
const MOST = 20_000

const memos = new WeakMap<object, { version: number; maps: Map<string, Map<unknown, unknown>> }>()

export async function versionMemo<K, V>(store: Pick<WebStore, 'version'>, name: string): Promise<Map<K, V>> {
  const version = await store.version()
  let memo = memos.get(store)
  if (!memo || memo.version !== version) memos.set(store, (memo = { version, maps: new Map() }))
  let map = memo.maps.get(name)
  if (!map) memo.maps.set(name, (map = new Map()))
  return map as Map<K, V>
}

/** Keeps an entry, letting the oldest go past the limit. */
export function keep<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MOST) map.delete(map.keys().next().value as K)
  map.set(key, value)
}
