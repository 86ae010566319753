// The articles as the web lists them, a page at a time, and what an article's page and an ingest's report look up,
// each one query on an index instead of a read of the whole articles or statements table.
import type { ArticleRecord, StatementRecord } from '../schema.js'
import type { ArticlePage } from '../views.js'
import { ARTICLE_COLUMNS, type ArticleRow, articleOf, type Db } from './rows.js'

/**
 * Newest news first, undated articles after the dated ones, most recently added first, then as filed: the order
 * src/web/articles.ts sorts a store's articles in. Dates are ISO, compared character by character.
 */
const NEWEST_FIRST = `coalesce(published, '') COLLATE "C" DESC, added_at COLLATE "C" DESC, seq`

/** Page `page` (from 1) of `size` articles, with the count of each one's statements that were not rejected. */
export async function articlePage(db: Db, page: number, size: number): Promise<ArticlePage> {
  const [{ rows }, counted] = await Promise.all([
    db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY ${NEWEST_FIRST} LIMIT $1 OFFSET $2`, [size, (page - 1) * size]),
    db.query<{ total: number }>('SELECT count(*)::int AS total FROM articles'),
  ])
  const { rows: counts } = await db.query<{ article_id: string; statements: number }>(
    'SELECT article_id, count(*)::int AS statements FROM statements WHERE article_id = ANY($1::text[]) AND NOT rejected GROUP BY article_id',
    [rows.map((r) => r.id)],
  )
  const byArticle = new Map(counts.map((c) => [c.article_id, c.statements]))
  return { rows: rows.map((row) => ({ article: articleOf(row), statements: byArticle.get(row.id) ?? 0 })), total: counted.rows[0].total }
}

/** An article's statements, rejected ones too, in the store's order. */
export async function statementsOf(db: Db, articleId: string): Promise<StatementRecord[]> {
  const { rows } = await db.query<{ record: StatementRecord }>('SELECT record FROM statements WHERE article_id = $1 ORDER BY seq', [
    articleId,
  ])
  return rows.map((r) => r.record)
}

/** The stored articles whose texts have these fingerprints. */
export async function articlesByFingerprint(db: Db, prints: readonly string[]): Promise<ArticleRecord[]> {
  if (!prints.length) return []
  const { rows } = await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE fingerprint = ANY($1::text[]) ORDER BY seq`, [
    [...new Set(prints)],
  ])
  return rows.map(articleOf)
}
