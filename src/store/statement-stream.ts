// The statements of a store read straight from its files, a chunk of the file at a time, for an export of the
// whole table: the store file lists every table a statement row looks up (articles, speakers, claims) before the
// statements, so those are read whole and the statements are passed on as they are read, with the journal's later
// versions in their place and its new ones after them — what `Store.open` would hold, without holding it.
import { journalPath } from './file.js'
import { readJournal } from './journal.js'
import { replay } from './replay.js'
import { SCHEMA_VERSION, type StatementRecord, type StoreData } from './schema.js'
import { Lines, record } from './snapshot.js'

export interface StatementStream {
  /** Every table but the statements and the log, as the store holds them. */
  tables: Pick<StoreData, 'articles' | 'speakers' | 'claims'>
  /** The statements in the store's order, a batch at a time. */
  statements: AsyncIterable<StatementRecord[]>
}

/**
 * Opens the statements of the store at `path` for streaming. Answers null for a file not laid out for it (an
 * older schema, or one edited by hand): the caller then opens the store as usual.
 */
export async function streamStatements(path: string): Promise<StatementStream | null> {
  // The journal first, as Store.open reads it: a compaction meanwhile leaves a file that holds all of it.
  const { entries } = readJournal(journalPath(path), path)
  const lines = new Lines(path)
  const data: StoreData = { schema: 0, seq: 0, articles: [], speakers: [], claims: [], statements: [], log: [] }
  const head = await lines.next()
  if (head === null || !head.startsWith('{"schema":') || head.endsWith('}')) return (lines.close(), null)
  Object.assign(data, JSON.parse(`${head}}`))
  if (data.schema !== SCHEMA_VERSION) return (lines.close(), null)
  // The tables before the statements, whole; each a row looks up must come before them.
  const seen = new Set<string>()
  for (;;) {
    const opens = await lines.next()
    const table = opens === null ? undefined : /^,"(articles|speakers|claims|statements)":\[$/.exec(opens)?.[1]
    if (!table) return (lines.close(), null)
    if (table === 'statements') break
    seen.add(table)
    const records = data[table as 'articles' | 'speakers' | 'claims'] as unknown[]
    for (let row = await lines.next(); row !== null && row !== ']'; row = await lines.next()) records.push(record(row))
  }
  if (seen.size !== 3) return (lines.close(), null)
  // The journal's records: the small tables' in place, its statements gathered apart.
  replay(data, entries)
  const later = new Map(data.statements.map((statement) => [statement.id, statement]))
  async function* statements(): AsyncGenerator<StatementRecord[]> {
    try {
      for (let batch = await lines.batch(); batch !== null; batch = await lines.batch()) {
        const end = batch.indexOf(']')
        const rows = (end < 0 ? batch : batch.slice(0, end)).map((line) => {
          const stored = record(line) as StatementRecord
          const newer = later.get(stored.id)
          if (newer) later.delete(stored.id)
          return newer ?? stored
        })
        yield rows
        if (end >= 0) break
      }
      yield [...later.values()]
    } finally {
      lines.close()
    }
  }
  return { tables: { articles: data.articles, speakers: data.speakers, claims: data.claims }, statements: statements() }
}
