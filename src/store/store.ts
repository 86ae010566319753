// The store: articles, who spoke in them, what they said and the claims it bears on. One class with the verbs a
// newsroom would use, so a database backend can later stand behind the same methods. Its records are read here;
// they are written through the group commit (group-commit.ts), and reviewers' decisions are made at the desk
// (desk.ts).
import type { Low } from 'lowdb'
import type { ClaimIndex } from '../claims/claim-index.js'
import { claimStatement } from '../claims/claim-index.js'
import { InvalidInputError, StoreError } from '../errors.js'
import type { Extraction } from '../pipeline/types.js'
import { fileAcross, indexClaims } from './across-articles.js'
import type { Decision } from './decisions.js'
import { type DeskRecords, logDecision, openDesk } from './desk.js'
import { createParent, openFile, type StoreFile, textsPath } from './file.js'
import { COMPACT_FLOOR, GroupCommit, KEEP } from './group-commit.js'
import type { RecordLookup } from './ledger.js'
import { byDateThenPosition, claimLedger, ledgerEntry } from './ledger.js'
import { lockStore, unlockStore } from './lock.js'
import { articleRecord, fileExtraction, fingerprint } from './records.js'
import type {
  ArticleInput,
  ArticleRecord,
  ClaimRecord,
  LogEntry,
  SpeakerRecord,
  StatementRecord,
  StoreData,
  StoredArticle,
  StoreTables,
} from './schema.js'
import { SpeakerRoster } from './speakers.js'
import { ClaimSummaries } from './summaries.js'
import { ArticleTexts, eachText, readTexts } from './texts.js'
import type { AddResult, ClaimLedger, ClaimSummary, LedgerEntry, Touched } from './views.js'

/** One article with what the pipeline extracted from it, ready to be filed. */
export interface ExtractedArticle {
  article: ArticleInput
  extraction: Extraction
}

export interface OpenOptions {
  /** Open without the writer's lock; every change is refused. */
  readOnly?: boolean
  /** The journal's size in bytes below which the store file is never rewritten. */
  compactFloor?: number
  /** Backups of the store file kept at compaction (backups.ts). */
  keepBackups?: number
}

// Changes remembered for touchedSince: a view older than this many writes is built anew, which it would be soon anyway.
const TOUCHED_KEPT = 256

export class Store {
  readonly #db: Low<StoreData>
  readonly #texts: ArticleTexts
  readonly #commit: GroupCommit
  // Articles filed in memory whose write is not yet acknowledged: no reader sees them, nor their statements.
  readonly #unacknowledged = new Set<string>()
  readonly #articles = new Map<string, ArticleRecord>()
  readonly #byFingerprint = new Map<string, ArticleRecord>()
  readonly #statements = new Map<string, StatementRecord>()
  readonly #claims = new Map<string, ClaimRecord>()
  readonly #quotes = new Map<string, StatementRecord[]>()
  #speakers!: SpeakerRoster
  // Built when an article is first filed: reading (a page, an export) never needs it, and at 100,000 statements
  // it is most of the cost of opening the store. Changes before then reach it through the records it is built from.
  #index: ClaimIndex | undefined
  #readOnly = false
  // Counts the changes to the records, so that views built from them know when they are stale.
  #version = 0
  // What each change since the records were last read made or altered, by the version it moved the store to: the
  // web's views (word index, lookup maps) carry themselves to the next version by these, not by every record.
  readonly #touched: Array<Touched & { version: number }> = []
  // Versions at or before this are past telling: the records were read anew, or their changes were let go.
  #untold = 0
  readonly #summaries: ClaimSummaries
  // The statements of each article filed and not yet acknowledged: their claims change when readers first see them.
  readonly #awaiting = new Map<string, StatementRecord[]>()
  // What the ledger reads: article records without their texts, which it never needs.
  readonly #lookup: RecordLookup = {
    article: (id) => (this.#unacknowledged.has(id) ? undefined : this.#articles.get(id)),
    speaker: (id) => this.speaker(id),
    statement: (id) => this.statement(id),
  }

  private constructor(
    readonly path: string,
    db: Low<StoreData>,
    file: StoreFile,
  ) {
    this.#db = db
    this.#texts = new ArticleTexts(textsPath(path))
    this.#commit = new GroupCommit({
      path,
      db,
      file,
      texts: this.#texts,
      unacknowledged: this.#unacknowledged,
      changed: (changes) => {
        this.#version++
        this.#summaries.changed(changes)
        this.#touched.push({
          version: this.#version,
          statements: [...changes.statements.values()],
          speakers: [...changes.speakers.values()],
        })
        if (this.#touched.length > TOUCHED_KEPT) this.#untold = this.#touched.shift()!.version
      },
      acknowledged: (articleIds) => {
        this.#version++
        for (const id of articleIds) {
          this.#summaries.acknowledged(this.#awaiting.get(id) ?? [])
          this.#awaiting.delete(id)
        }
      },
      load: (data) => this.#load(data),
    })
    this.#summaries = new ClaimSummaries({
      lookup: this.#lookup,
      claims: () => this.#db.data.claims,
      claim: (id) => this.#claims.get(id),
      speakers: () => this.#db.data.speakers,
      statements: () => this.#statements.values(),
    })
    this.#load(db.data)
  }

  /** Indexes the records as read from the files (when opened, and again after a write failed). */
  #load(data: StoreData): void {
    this.#db.data = data
    for (const map of [this.#articles, this.#byFingerprint, this.#statements, this.#claims, this.#quotes]) map.clear()
    this.#unacknowledged.clear()
    this.#awaiting.clear()
    this.#index = undefined
    for (const article of data.articles) this.#indexArticle(article)
    for (const statement of data.statements) this.#indexStatement(statement)
    for (const claim of data.claims) this.#claims.set(claim.id, claim)
    this.#speakers = new SpeakerRoster(
      data.speakers,
      (id) => this.#quotes.get(id)?.length ?? 0,
      (into, from) => this.#moveQuotes(into, from),
      (record) => this.#commit.changes?.speaker(record),
    )
    this.#summaries.reset()
    this.#version++
    this.#touched.length = 0
    this.#untold = this.#version
  }

  /** Opens the store file, creating it (and its folder) when missing; a damaged file is refused, never rewritten. */
  static async open(
    path: string,
    { readOnly = false, compactFloor = COMPACT_FLOOR, keepBackups = KEEP }: OpenOptions = {},
  ): Promise<Store> {
    // Reading needs no lock; one writer per file does (lock.ts), taken before anything is read or repaired.
    if (!readOnly) {
      await createParent(path)
      lockStore(path)
    }
    let store: Store | undefined
    try {
      const { db, file, journal, texts } = await openFile(path, { readOnly })
      const opened = new Store(path, db, file)
      store = opened
      store.#commit.compactFloor = compactFloor
      store.#commit.keepBackups = keepBackups
      store.#texts.adopt(texts)
      if (readOnly) {
        store.#readOnly = true
        return store
      }
      // Files from before every line was checked are written anew, checked, before anything is added to them.
      if (texts.legacy) {
        const legacy = function* () {
          for (const t of eachText(textsPath(path), texts)) yield { ...t, article: t.article ?? opened.#articles.get(t.id) }
        }
        await ArticleTexts.replace(textsPath(path), legacy())
      }
      // A killed writer may have left half a line at the end of either file; it was never acknowledged.
      store.#texts.openForWriting(texts.legacy ? readTexts(textsPath(path), path) : texts)
      const unchecked = !file.checked || (journal.base === null && journal.entries.length > 0)
      await store.#commit.open(unchecked)
      return store
    } catch (error) {
      // An open that fails half-way lets go of what it opened, the lock included: nothing is left for the
      // collector to close, and the next open (in this process or another) finds the store free.
      if (!readOnly) {
        if (store) await store.#commit.abandon()
        unlockStore(path)
      }
      throw error
    }
  }

  /** Writes what is pending, folds the journal into the store file, and lets go of the journal and the lock. */
  async close(): Promise<void> {
    if (!this.#commit.opened) return
    await this.#commit.close()
    unlockStore(this.path)
  }

  /** Moves with every change to the records: views built from them are stale once it has moved. */
  version(): number {
    return this.#version
  }

  /**
   * The statements and speakers the changes after `version` made or altered (a superset: a record a change only
   * looked up is there too); undefined when that cannot be told, and whoever asked must look at every record.
   */
  touchedSince(version: number): Touched | undefined {
    if (version < this.#untold || version > this.#version) return undefined
    const statements: StatementRecord[] = []
    const speakers: SpeakerRecord[] = []
    for (const touched of this.#touched) {
      if (touched.version <= version) continue
      for (const s of touched.statements) statements.push(s)
      for (const s of touched.speakers) speakers.push(s)
    }
    return { statements, speakers }
  }

  hasArticle(text: string): boolean {
    return this.#byFingerprint.has(fingerprint(text))
  }

  /** The id each text is stored under, if it is. */
  async storedIds(texts: string[]): Promise<Array<string | undefined>> {
    return texts.map((text) => this.#byFingerprint.get(fingerprint(text))?.id)
  }

  async addArticle(article: ArticleInput, extraction: Extraction): Promise<AddResult> {
    const [result] = await this.addArticles([{ article, extraction }])
    return result
  }

  /**
   * Files a batch of articles in one write. An article whose text is already stored adds nothing. If the write
   * fails the records stay in memory and go out with the next write; the file keeps its last complete state.
   */
  async addArticles(batch: ExtractedArticle[], { write = true }: { write?: boolean } = {}): Promise<AddResult[]> {
    const { result, written } = await this.#commit.serialised(async () => {
      this.#writable()
      const prints = batch.map(({ article }) => fingerprint(article.text))
      this.#checkIds(batch, prints)
      const filed = this.#commit.change(() => batch.map(({ article, extraction }, i) => this.#fileArticle(article, prints[i], extraction)))
      // "Already stored" for an article whose own write is still on its way means stored only once that write is:
      // the batch still open, or else the one being written, holds it, and fails if it does.
      const inFlight = filed.result.some((r) => !r.added && this.#unacknowledged.has(r.articleId))
      return inFlight ? { ...filed, written: filed.written ?? this.#commit.pending() } : filed
    })
    if (write && written) await this.#commit.write(written)
    return result
  }

  /** Writes to the disk whatever was applied and not yet written (`addArticles(…, { write: false })`). */
  async flush(): Promise<void> {
    await this.#commit.flush()
  }

  /** Every article's record, without its text. */
  articles(): ArticleRecord[] {
    const all = this.#db.data.articles
    return this.#unacknowledged.size ? all.filter((a) => !this.#unacknowledged.has(a.id)) : all
  }

  /** An article with its text. */
  article(id: string): StoredArticle | undefined {
    const record = this.#lookup.article(id)
    if (!record) return undefined
    const text = this.#texts.get(id)
    if (text === undefined) throw new StoreError(`${this.#texts.path} has no text for article ${id}. Restore the store from a backup.`)
    return { ...record, text }
  }

  speakers(): SpeakerRecord[] {
    return this.#db.data.speakers
  }

  /** A speaker by id; a merged speaker's id answers with the speaker it was merged into. */
  speaker(id: string): SpeakerRecord | undefined {
    return this.#speakers.current(id)
  }

  statements(): StatementRecord[] {
    const all = this.#db.data.statements
    return this.#unacknowledged.size ? all.filter((s) => !this.#unacknowledged.has(s.articleId)) : all
  }

  statement(id: string): StatementRecord | undefined {
    const statement = this.#statements.get(id)
    return statement && !this.#unacknowledged.has(statement.articleId) ? statement : undefined
  }

  /** Every claim that holds a statement; merged and emptied ones are gone from the list. */
  claims(): ClaimSummary[] {
    // Redone only for the claims a write touched: a page of the claim list must not rebuild 10,000 ledgers.
    return [...this.#summaries.list()]
  }

  /** A claim's ledger; a merged claim's id answers with the claim it was merged into. */
  claim(id: string): ClaimLedger | undefined {
    const claim = this.#currentClaim(id)
    return claim && claimLedger(claim, this.#lookup)
  }

  /**
   * The stored claims most like this one by the pair model, best first, for a reviewer to merge what the
   * matcher left apart: each with the model's probability, however low, above `floor`.
   */
  similarClaims(id: string, limit = 5, floor = 0.2): Array<{ claim: ClaimSummary; confidence: number }> {
    const claim = this.#currentClaim(id)
    if (!claim) return []
    const published = (articleId: string) => this.#articles.get(articleId)?.published ?? null
    const mine = claim.statementIds
      .map((s) => this.statement(s))
      .filter((s): s is StatementRecord => s !== undefined && !s.rejected)
      .map((s) => claimStatement(s.id, s, published(s.articleId), s.articleId))
    const out: Array<{ claim: ClaimSummary; confidence: number }> = []
    for (const match of this.#claimIndex().rank(mine)) {
      if (out.length >= limit || match.confidence < floor) break
      const other = this.#currentClaim(match.claimId)
      if (!other || other.id === claim.id || out.some((o) => o.claim.claim.id === other.id)) continue
      if (!other.statementIds.some((s) => this.statement(s))) continue
      out.push({ claim: this.#summaries.of(other), confidence: Math.round(match.confidence * 100) / 100 })
    }
    return out
  }

  /** The reviewers' decisions, oldest first. */
  decisions(): readonly LogEntry[] {
    return this.#db.data.log
  }

  /** Applies a reviewer's decision and logs it with who and when; nothing is written if it is refused. */
  async decide(decision: Decision, by: string): Promise<LogEntry> {
    const { result, written } = await this.#commit.serialised(async () => {
      this.#writable()
      if (!by.trim()) throw new InvalidInputError("a decision needs the reviewer's name. Pass --by NAME.")
      const at = new Date().toISOString()
      return this.#commit.change((changes) =>
        logDecision(decision, openDesk(this.#deskRecords(), by, at, changes), this.#db.data.log, changes),
      )
    })
    if (written) await this.#commit.write(written)
    return result
  }

  /** Everything a speaker said, across articles, oldest first. */
  quotesBy(speakerId: string): LedgerEntry[] {
    return (this.#quotes.get(speakerId) ?? [])
      .filter((statement) => !this.#unacknowledged.has(statement.articleId))
      .map((statement) => ledgerEntry(statement, this.#lookup))
      .sort(byDateThenPosition)
  }

  /** The acknowledged records, as the exports read them (src/export: `exportData(store.tables())`). */
  tables(): StoreTables {
    const data = this.#db.data
    if (!this.#unacknowledged.size) return data
    const claims = data.claims.map((claim) => ({ ...claim, statementIds: claim.statementIds.filter((id) => this.statement(id)) }))
    return { articles: this.articles(), speakers: data.speakers, statements: this.statements(), claims }
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

  #fileArticle(input: ArticleInput, print: string, extraction: Extraction): AddResult {
    const stored = this.#byFingerprint.get(print)
    if (stored) return { articleId: stored.id, added: false, statements: 0, claims: 0 }
    const changes = this.#commit.changes!
    const article = articleRecord(input, print, new Date().toISOString())
    const filed = fileExtraction(article.id, extraction, (speaker) => this.#speakers.file(speaker, article.id, article.published).id)
    const { statements } = filed
    const claims = fileAcross(this.#claimIndex(), article, filed.claims, statements, (id) => this.#currentClaim(id))
    const data = this.#db.data
    data.articles.push(article)
    // One at a time: a hostile article's 100,000 statements spread as arguments would overflow the call stack.
    for (const s of statements) data.statements.push(s)
    for (const c of claims) data.claims.push(c)
    changes.article(article, input.text)
    for (const statement of statements) changes.statement(statement)
    for (const claim of claims) changes.claim(claim)
    // Stored claims this article's statements joined.
    for (const statement of statements) changes.claim(this.#claims.get(statement.claim))
    this.#indexArticle(article)
    this.#unacknowledged.add(article.id)
    this.#awaiting.set(article.id, statements)
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
    if (statement.speakerId === null || statement.rejected) return
    const quotes = this.#quotes.get(statement.speakerId)
    if (quotes) quotes.push(statement)
    else this.#quotes.set(statement.speakerId, [statement])
  }

  #writable(): void {
    if (this.#readOnly) throw new StoreError(`${this.path} was opened for reading only; nothing was written.`)
  }

  #claimIndex(): ClaimIndex {
    this.#index ??= indexClaims(
      this.#db.data.claims,
      (id) => this.#statements.get(id),
      (id) => this.#articles.get(id)?.published ?? null,
    )
    return this.#index
  }

  #currentClaim(id: string): ClaimRecord | undefined {
    let claim = this.#claims.get(id)
    for (let hops = 0; claim?.mergedInto && hops < 100; hops++) claim = this.#claims.get(claim.mergedInto)
    return claim
  }

  /** A merged speaker's statements follow it into the record it was merged into. */
  #moveQuotes(into: SpeakerRecord, from: SpeakerRecord): void {
    for (const statement of this.#quotes.get(from.id) ?? []) {
      statement.speakerId = into.id
      this.#commit.changes?.statement(statement)
    }
    this.#quotes.set(into.id, [...(this.#quotes.get(into.id) ?? []), ...(this.#quotes.get(from.id) ?? [])])
    this.#quotes.delete(from.id)
  }

  /** The records and indexes a reviewer's decision works on (desk.ts). */
  #deskRecords(): DeskRecords {
    return {
      data: this.#db.data,
      claims: this.#claims,
      statements: this.#statements,
      quotes: this.#quotes,
      speakers: this.#speakers,
      index: () => this.#index,
      currentClaim: (id) => this.#currentClaim(id),
      indexStatement: (statement) => this.#indexStatement(statement),
      published: (articleId) => this.#articles.get(articleId)?.published ?? null,
      article: (id) => (this.#unacknowledged.has(id) ? undefined : this.#articles.get(id)),
      statementsOf: (articleId) => this.#db.data.statements.filter((s) => s.articleId === articleId),
    }
  }
}
