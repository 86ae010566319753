// What the web reads from and writes to the store, and nothing more. The lowdb Store fits it today; a database
// backend expected later may answer with promises, so every answer may be one and handlers always await.
import type { ClaimOrder, ClaimsQuery } from '../store/claim-filter.js'
import type { Decision } from '../store/decisions.js'
import type { ArticleRecord, LogEntry, SpeakerRecord, StatementRecord, StoredArticle, StoreTables } from '../store/schema.js'
import type { SpeakerRow } from '../store/speaker-rows.js'
import type { Counted, Found, Slice, StatementFilter } from '../store/statement-filter.js'
import type { ExtractedArticle } from '../store/store.js'
import type {
  AddResult,
  ArticlePage,
  ClaimLedger,
  ClaimSummary,
  LedgerEntry,
  StatementBatch,
  StatementSelection,
  Touched,
} from '../store/views.js'

type Answer<T> = T | Promise<T>

export interface WebStore {
  /** A number every write changes; the web's caches are keyed on it (store-views.ts, page-cache.ts). */
  version(): Answer<number>
  /**
   * The statements and speakers the writes after `version` made or altered, or undefined when the store cannot
   * tell; a store that has it lets the views over every record move to the next version by these alone.
   */
  touchedSince?(version: number): Answer<Touched | undefined>
  claims(): Answer<ClaimSummary[]>
  claim(id: string): Answer<ClaimLedger | undefined>
  /** The claims most like this one by the pair model, best first, with its probability. */
  similarClaims(id: string, limit?: number): Answer<Array<{ claim: ClaimSummary; confidence: number }>>
  /** The tables the downloads are made from (acknowledged records only). */
  tables(): Answer<StoreTables>
  articles(): Answer<ArticleRecord[]>
  /** An article with its text. */
  article(id: string): Answer<StoredArticle | undefined>
  statements(): Answer<StatementRecord[]>
  statement(id: string): Answer<StatementRecord | undefined>
  speakers(): Answer<SpeakerRecord[]>
  speaker(id: string): Answer<SpeakerRecord | undefined>
  /** Everything a speaker said, oldest first. */
  quotesBy(speakerId: string): Answer<LedgerEntry[]>
  /** The reviewers' decisions, oldest first. */
  decisions(): Answer<readonly LogEntry[]>
  decide(decision: Decision, by: string): Promise<LogEntry>
  /** With `write: false` the batch is applied in memory and goes to the disk with the next write or flush(). */
  addArticles(batch: ExtractedArticle[], options?: { write?: boolean }): Promise<AddResult[]>
  /** Resolves once everything applied so far is on the disk. */
  flush(): Promise<void>

  // A store that answers with SQL (PostgreSQL) pages the claims list itself; the pages then never hold every claim.
  // Without these the web filters and sorts the store's claims in memory (claim-filters.ts, store-views.ts).
  /** One page of the claims a query keeps, in an order. */
  claimsPage?(filter: ClaimsQuery, order: ClaimOrder, page: { offset: number; limit: number }): Promise<ClaimSummary[]>
  /** How many claims a query keeps (every claim with no filter). */
  claimsCount?(filter?: ClaimsQuery): Promise<number>
  /** Every claim a query keeps, in an order, a batch at a time. */
  claimBatches?(filter: ClaimsQuery, order: ClaimOrder): AsyncIterable<ClaimSummary[]>
  /** The outlets and verdicts the filter form offers. */
  claimFacets?(): Promise<{ outlets: string[]; verdicts: string[] }>
  /** Claims whose text holds every word of `find`, or whose id it is; the most quoted first. */
  claimsHolding?(find: string, limit: number): Promise<ClaimSummary[]>

  // A store that answers these by indexed queries (PgStore) has them; without them the web works them out from the
  // whole lists above, as it does over the JSON store, which holds those lists in memory anyway.

  /** One page of the statements a filter finds (statement-query.ts's rules), in store order, and how many it finds. */
  findStatements?(filter: StatementFilter, slice: Slice): Promise<Counted<Found>>
  /** One page of the current speakers answering to `q` (all without it), as speaker-rows.ts orders them. */
  speakerRows?(q: string | undefined, slice: Slice): Promise<Counted<SpeakerRow>>
  /**
   * Current speakers, in store order, one of whose names is `name` (`whole`) or holds its words in a row
   * (speaker-rows.ts answersTo); the first `limit` of them, and how many there are.
   */
  speakersCalled?(name: string, options: { whole: boolean; except?: string; limit: number }): Promise<Counted<SpeakerRecord>>

  // A store that keeps its records elsewhere (PgStore) answers these a batch or a page at a time; without them the
  // handlers read the whole tables above, which for the JSON store are in memory already.
  /** The texts of these articles, by id (one query for a page's source sentences). */
  articleTexts?(ids: readonly string[]): Promise<Map<string, string>>
  /** The statements with these ids; ids of none are left out. */
  statementsById?(ids: readonly string[]): Promise<StatementRecord[]>
  /** The statements in the store's order, a batch at a time, each batch with the records its CSV rows look up. */
  statementBatches?(only?: StatementSelection): AsyncIterable<StatementBatch>
  /** One page (from 1) of the articles list, newest news first, as src/web/articles.ts sorts them. */
  articlePage?(page: number, size: number): Answer<ArticlePage>
  /** One article's statements, rejected ones too, in the store's order. */
  statementsOf?(articleId: string): Answer<StatementRecord[]>
  /** The stored articles whose texts have these fingerprints. */
  articlesByFingerprint?(prints: readonly string[]): Answer<ArticleRecord[]>
}

/** The store's paged reads, when it has them all. */
export type PagedClaims = Required<Pick<WebStore, 'claimsPage' | 'claimsCount' | 'claimBatches' | 'claimFacets' | 'claimsHolding'>>

export function pagedClaims(store: WebStore): PagedClaims | undefined {
  const { claimsPage, claimsCount, claimBatches, claimFacets, claimsHolding } = store
  if (!claimsPage || !claimsCount || !claimBatches || !claimFacets || !claimsHolding) return undefined
  return {
    claimsPage: claimsPage.bind(store),
    claimsCount: claimsCount.bind(store),
    claimBatches: claimBatches.bind(store),
    claimFacets: claimFacets.bind(store),
    claimsHolding: claimsHolding.bind(store),
  }
}

/** An article's statements, from the store when it can look them up, else from all of them, read once. */
export function articleStatements(store: WebStore): (articleId: string) => Promise<StatementRecord[]> {
  if (store.statementsOf) return async (articleId) => store.statementsOf!(articleId)
  let all: Promise<StatementRecord[]> | undefined
  return async (articleId) => (await (all ??= Promise.resolve(store.statements()))).filter((s) => s.articleId === articleId)
}
