// The store: articles, who spoke in them, what they said and the claims it bears on. One class with the verbs a
// newsroom would use, so a database backend can later stand behind the same methods.
import type { Low } from 'lowdb'
import { InvalidInputError } from '../errors.js'
import type { Extraction } from '../pipeline/types.js'
import { exportData, type ExportData } from '../export/json.js'
import { openFile, writeFile } from './file.js'
import { claimLedger, claimSummary, ledgerEntry, byDateThenPosition } from './ledger.js'
import { articleRecord, fileExtraction, fingerprint } from './records.js'
import { SpeakerRoster } from './speakers.js'
import type { ArticleInput, ArticleRecord, ClaimRecord, SpeakerRecord, StatementRecord, StoreData } from './schema.js'
import type { AddResult, ClaimLedger, ClaimSummary, LedgerEntry } from './views.js'

/** One article with what the pipeline extracted from it, ready to be filed. */
export interface ExtractedArticle {
  article: ArticleInput
  extraction: Extraction
}

export class Store {
  readonly #db: Low<StoreData>
  readonly #articles = new Map<string, ArticleRecord>()
  readonly #byFingerprint = new Map<string, ArticleRecord>()
  readonly #statements = new Map<string, StatementRecord>()
  readonly #claims = new Map<string, ClaimRecord>()
  readonly #quotes = new Map<string, StatementRecord[]>()
  readonly #speakers: SpeakerRoster
  // Every write waits for the one before, so concurrent adds never interleave their records or their files.
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(readonly path: string, db: Low<StoreData>) {
    this.#db = db
    const data = db.data
    for (const article of data.articles) this.#indexArticle(article)
    for (const statement of data.statements) this.#indexStatement(statement)
    for (const claim of data.claims) this.#claims.set(claim.id, claim)
    this.#speakers = new SpeakerRoster(data.speakers)
  }

  /** Opens the store file, creating it (and its folder) when missing; a damaged file is refused, never rewritten. */
  static async open(path: string): Promise<Store> {
    return new Store(path, await openFile(path))
  }

  hasArticle(text: string): boolean {
    return this.#byFingerprint.has(fingerprint(text))
  }

  async addArticle(article: ArticleInput, extraction: Extraction): Promise<AddResult> {
    const [result] = await this.addArticles([{ article, extraction }])
    return result
  }

  /**
   * Files a batch of articles in one write. An article whose text is already stored adds nothing. If the write
   * fails the records stay in memory and go out with the next write; the file keeps its last complete state.
   */
  addArticles(batch: ExtractedArticle[]): Promise<AddResult[]> {
    return this.#serialised(async () => {
      const prints = batch.map(({ article }) => fingerprint(article.text))
      this.#checkIds(batch, prints)
      const results = batch.map(({ article, extraction }, i) => this.#file(article, prints[i], extraction))
      if (results.some((result) => result.added)) await writeFile(this.#db, this.path)
      return results
    })
  }

  articles(): ArticleRecord[] {
    return this.#db.data.articles
  }

  article(id: string): ArticleRecord | undefined {
    return this.#articles.get(id)
  }

  speakers(): SpeakerRecord[] {
    return this.#db.data.speakers
  }

  speaker(id: string): SpeakerRecord | undefined {
    return this.#speakers.get(id)
  }

  statements(): StatementRecord[] {
    return this.#db.data.statements
  }

  statement(id: string): StatementRecord | undefined {
    return this.#statements.get(id)
  }

  claims(): ClaimSummary[] {
    return this.#db.data.claims.map((claim) => claimSummary(claim, this))
  }

  claim(id: string): ClaimLedger | undefined {
    const claim = this.#claims.get(id)
    return claim && claimLedger(claim, this)
  }

  /** Everything a speaker said, across articles, oldest first. */
  quotesBy(speakerId: string): LedgerEntry[] {
    return (this.#quotes.get(speakerId) ?? []).map((statement) => ledgerEntry(statement, this)).sort(byDateThenPosition)
  }

  exportData(): ExportData {
    return exportData(this.#db.data)
  }

  /** A caller's id that already names another text is refused before anything of the batch is filed. */
  #checkIds(batch: ExtractedArticle[], prints: string[]): void {
    const claimed = new Map<string, string>()
    batch.forEach(({ article }, i) => {
      if (this.#byFingerprint.has(prints[i])) return
      const id = article.id ?? prints[i].slice(0, 12)
      const holder = this.#articles.get(id)?.fingerprint ?? claimed.get(id)
      if (holder !== undefined && holder !== prints[i]) {
        throw new InvalidInputError(`article id "${id}" already names another text in ${this.path}. Give this article a different id.`)
      }
      claimed.set(id, prints[i])
    })
  }

  #file(input: ArticleInput, print: string, extraction: Extraction): AddResult {
    const stored = this.#byFingerprint.get(print)
    if (stored) return { articleId: stored.id, added: false, statements: 0, claims: 0 }
    const article = articleRecord(input, print, new Date().toISOString())
    const { statements, claims } = fileExtraction(article.id, extraction, (speaker) => this.#speakers.file(speaker, article.id).id)
    const data = this.#db.data
    data.articles.push(article)
    data.statements.push(...statements)
    data.claims.push(...claims)
    this.#indexArticle(article)
    for (const statement of statements) this.#indexStatement(statement)
    for (const claim of claims) this.#claims.set(claim.id, claim)
    return { articleId: article.id, added: true, statements: statements.length, claims: claims.length }
  }

  #indexArticle(article: ArticleRecord): void {
    this.#articles.set(article.id, article)
    this.#byFingerprint.set(article.fingerprint, article)
  }

  #indexStatement(statement: StatementRecord): void {
    this.#statements.set(statement.id, statement)
    if (statement.speakerId === null) return
    const quotes = this.#quotes.get(statement.speakerId)
    if (quotes) quotes.push(statement)
    else this.#quotes.set(statement.speakerId, [statement])
  }

  #serialised<T>(write: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(write)
    this.#queue = next.catch(() => undefined)
    return next
  }
}
