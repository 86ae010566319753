// The store as `claimtrail export --format json` prints it (docs/design.md, Surfaces): everything but the
// article texts, which are the publishers' and stay in the store.
import type { ArticleRecord, ClaimRecord, SpeakerRecord, StatementRecord, StoreTables } from '../store/schema.js'

export type ExportedArticle = Pick<ArticleRecord, 'id' | 'title' | 'outlet' | 'url' | 'published'>

export interface ExportData {
  articles: ExportedArticle[]
  speakers: SpeakerRecord[]
  claims: ClaimRecord[]
  statements: StatementRecord[]
}

/** What an export holds of the store's tables: a pure function of them. */
export function exportData(data: StoreTables): ExportData {
  return {
    articles: data.articles.map(({ id, title, outlet, url, published }) => ({ id, title, outlet, url, published })),
    speakers: data.speakers.map(({ id, name, type, role, affiliation, aliases, roles, mergedInto }) => ({
      id,
      name,
      type,
      role,
      affiliation,
      aliases,
      roles,
      ...(mergedInto ? { mergedInto } : {}),
    })),
    claims: data.claims.map(({ id, text, statementIds, review, mergedInto }) => ({
      id,
      text,
      statementIds,
      review,
      ...(mergedInto ? { mergedInto } : {}),
    })),
    statements: data.statements,
  }
}

/** Pretty-printed, one trailing newline, as a file a person may open. */
export function exportJson(data: ExportData): string {
  return `${JSON.stringify(data, null, 2)}\n`
}
