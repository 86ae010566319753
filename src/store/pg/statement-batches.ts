// The statements a batch at a time, each batch with the claims, speakers and articles its statements name, for a
// download of any size: pages by seq (keyset, on the seq index), so a serving process holds a batch or two and never
// the table, and holds no connection between batches. A statement filed meanwhile comes last, as in the JSON store;
// none is given twice.
import type { ClaimRecord, StatementRecord } from '../schema.js'
import type { StatementBatch, StatementSelection } from '../views.js'
import type { Db } from './rows.js'

/**
 * Statements a query brings back. V8 sizes the heap to what is live at each collection, and two batches are (this
 * one and the next): over 1M statements `serve` peaked at 275 MB with 2,000, 145 MB with 1,000 (130 MB idle), and
 * 500 saved nothing more for twice the queries.
 */
export const BATCH_SIZE = 1000

export async function* statementBatches(db: Db, only: StatementSelection = {}, size = BATCH_SIZE): AsyncGenerator<StatementBatch> {
  // Chosen statements (a filtered view's, up to every one) are put in store order once, then read by their seqs a
  // batch at a time: sending the whole list with every batch cost a million-element array per thousand rows.
  const chosen =
    only.ids === undefined
      ? undefined
      : (await db.query<{ seq: string }>('SELECT seq FROM statements WHERE id = ANY($1::text[]) ORDER BY seq', [[...only.ids]])).rows.map(
          (r) => Number(r.seq),
        )
  const [narrowed, value] = only.claim !== undefined ? ['AND claim_id = $3', only.claim] : ['', undefined]
  const query = `SELECT seq, record FROM statements WHERE seq > $1 ${narrowed} ORDER BY seq LIMIT $2`
  const rowsAfter = async (after: string) => {
    if (chosen) {
      const from = firstAbove(chosen, Number(after))
      const seqs = chosen.slice(from, from + size)
      if (!seqs.length) return []
      const { rows } = await db.query<{ seq: string; record: StatementRecord }>(
        'SELECT seq, record FROM statements WHERE seq = ANY($1::bigint[]) ORDER BY seq',
        [seqs],
      )
      return rows
    }
    const { rows } = await db.query<{ seq: string; record: StatementRecord }>(
      query,
      value === undefined ? [after, size] : [after, size, value],
    )
    return rows
  }
  const page = async (after: string) => {
    const rows = await rowsAfter(after)
    return {
      batch: await withRecords(
        db,
        rows.map((r) => r.record),
      ),
      last: rows.at(-1)?.seq,
      full: rows.length === size,
    }
  }
  // The next batch is asked for while this one is written out, so the database and the writing overlap. A reader
  // gone meanwhile leaves it unread: its failure then is nobody's, and must not end the process.
  const ahead = (after: string) => {
    const asked = page(after)
    asked.catch(() => {})
    return asked
  }
  let next = ahead('0')
  for (;;) {
    const { batch, last, full } = await next
    if (full) next = ahead(last!)
    if (batch.statements.length) yield batch
    if (!full) return
  }
}

/** The statements with the records their rows look up, each read once for the batch. */
async function withRecords(db: Db, statements: StatementRecord[]): Promise<StatementBatch> {
  if (!statements.length) return { statements, claims: [], speakers: [], articles: [], texts: new Map() }
  const ids = (pick: (s: StatementRecord) => string | null) => [...new Set(statements.flatMap((s) => pick(s) ?? []))]
  const [claims, speakers, articles, texts] = await Promise.all([
    db.query<Pick<ClaimRecord, 'id' | 'text'>>(`SELECT id, record->>'text' AS text FROM claims WHERE id = ANY($1::text[])`, [
      ids((s) => s.claim),
    ]),
    db.query<StatementBatch['speakers'][number]>(
      `SELECT id, name, type, record->>'role' AS role FROM speakers WHERE id = ANY($1::text[])`,
      [ids((s) => s.speakerId)],
    ),
    db.query<StatementBatch['articles'][number]>('SELECT id, title, outlet, url, published FROM articles WHERE id = ANY($1::text[])', [
      ids((s) => s.articleId),
    ]),
    db.query<{ article_id: string; text: string }>('SELECT article_id, text FROM article_texts WHERE article_id = ANY($1::text[])', [
      ids((s) => s.articleId),
    ]),
  ])
  return {
    statements,
    claims: claims.rows,
    speakers: speakers.rows,
    articles: articles.rows,
    texts: new Map(texts.rows.map((r) => [r.article_id, r.text])),
  }
}

/** Where the first seq above `after` is in an ascending list. */
function firstAbove(seqs: readonly number[], after: number): number {
  let [lo, hi] = [0, seqs.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (seqs[mid] <= after) lo = mid + 1
    else hi = mid
  }
  return lo
}
