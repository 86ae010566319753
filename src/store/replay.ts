// Bringing the records read from the store file up to date with the journal: each entry holds the records a
// change created or altered, whole, so replaying one puts each record in place of the one with its id, or
// appends it, in the order the change made them. Entries the file already holds (by seq) are skipped, so
// replaying is safe to repeat.
import type { JournalEntry } from './journal.js'
import type { StoreData } from './schema.js'

type Keyed = 'articles' | 'statements' | 'claims' | 'speakers'
const KEYED: Keyed[] = ['articles', 'speakers', 'statements', 'claims']

export function replay(data: StoreData, entries: JournalEntry[]): void {
  const from = data.seq ?? 0
  const later = entries.filter((entry) => entry.seq > from)
  if (!later.length) return
  const positions = new Map<Keyed, Map<string, number>>()
  const positionsOf = (table: Keyed) => {
    let found = positions.get(table)
    if (!found) {
      found = new Map((data[table] as Array<{ id: string }>).map((record, i) => [record.id, i]))
      positions.set(table, found)
    }
    return found
  }
  for (const entry of later) {
    for (const table of KEYED) {
      const records = entry[table] as Array<{ id: string }> | undefined
      if (!records?.length) continue
      const list = data[table] as Array<{ id: string }>
      const at = positionsOf(table)
      for (const record of records) {
        const i = at.get(record.id)
        if (i === undefined) {
          at.set(record.id, list.length)
          list.push(record)
        } else list[i] = record
      }
    }
    if (entry.log?.length) data.log.push(...entry.log)
    data.seq = entry.seq
  }
}
