// The store: articles, who spoke in them, what they said and the claims it bears on. One class with the verbs a
// newsroom would use, so a database backend can later stand behind the same methods.
import type { Low } from 'lowdb'
import { InvalidInputError, StoreError } from '../errors.js'
import type { Extraction } from '../pipeline/types.js'
import { exportData, type ExportData } from '../export/json.js'
import { openFile, writeFile } from './file.js'
import { claimLedger, claimSummary, ledgerEntry, byDateThenPosition } from './ledger.js'
import type { ClaimIndex } from '../claims/claim-index.js'
import { claimStatement } from '../claims/claim-index.js'
import { fileAcross, indexClaims } from './across-articles.js'
import { lockStore } from './lock.js'
import { applyDecision, type Decision, type Desk } from './decisions.js'
import { articleRecord, fileExtraction, fingerprint } from './records.js'
import { SpeakerRoster } from './speakers.js'
import type { ArticleInput, ArticleRecord, ClaimRecord, LogEntry, SpeakerRecord, StatementRecord, StoreData } from './schema.js'
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
  readonly #index: ClaimIndex
  // Every write waits for the one before, so concurrent adds never interleave their records or their files.
  #queue: Promise<unknown> = Promise.resolve()
  #writing = false
  #readOnly = false
  // Counts the changes to the records, so that views built from them know when they are stale.
  #version = 0
  #summaries: { version: number; list: ClaimSummary[] } | undefined
  // Filed in memory but not yet in the file: a batch added with { write: false }.
  #unwritten = false

  private constructor(readonly path: string, db: Low<StoreData>) {
    this.#db = db
    const data = db.data
    for (const article of data.articles) this.#indexArticle(article)
    for (const statement of data.statements) this.#indexStatement(statement)
    for (const claim of data.claims) this.#claims.set(claim.id, claim)
    this.#speakers = new SpeakerRoster(data.speakers, (id) => this.#quotes.get(id)?.length ?? 0, (into, from) => this.#moveQuotes(into, from))
    this.#index = indexClaims(data.claims, (id) => this.#statements.get(id), (id) => this.#articles.get(id)?.published ?? null)
  }

  /** Opens the store file, creating it (and its folder) when missing; a damaged file is refused, never rewritten. */
  static async open(path: string, { readOnly = false }: { readOnly?: boolean } = {}): Promise<Store> {
    const store = new Store(path, await openFile(path))
    // Reading needs no lock; one writer per file does (lock.ts).
    if (readOnly) store.#readOnly = true
    else lockStore(path)
    return store
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
  addArticles(batch: ExtractedArticle[], { write = true }: { write?: boolean } = {}): Promise<AddResult[]> {
    return this.#serialised(async () => {
      this.#writable()
      const prints = batch.map(({ article }) => fingerprint(article.text))
      this.#checkIds(batch, prints)
      const results = batch.map(({ article, extraction }, i) => this.#file(article, prints[i], extraction))
      if (results.some((result) => result.added)) {
        this.#unwritten = true
        this.#version++
      }
      if (write) await this.flush()
      return results
    })
  }

  /** Writes what `addArticles(…, { write: false })` filed in memory; nothing when all is written. */
  flush(): Promise<void> {
    const write = async () => {
      if (!this.#unwritten) return
      this.#writable()
      await writeFile(this.#db, this.path)
      this.#unwritten = false
    }
    return this.#writing ? write() : this.#serialised(write)
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

  /** A speaker by id; a merged speaker's id answers with the speaker it was merged into. */
  speaker(id: string): SpeakerRecord | undefined {
    return this.#speakers.current(id)
  }

  statements(): StatementRecord[] {
    return this.#db.data.statements
  }

  statement(id: string): StatementRecord | undefined {
    return this.#statements.get(id)
  }

  /** Every claim that holds a statement; merged and emptied ones are gone from the list. */
  claims(): ClaimSummary[] {
    // Built once per change to the store: a page of the claim list must not rebuild 10,000 ledgers.
    if (this.#summaries?.version !== this.#version) {
      const live = this.#db.data.claims.filter((claim) => !claim.mergedInto && claim.statementIds.length)
      this.#summaries = { version: this.#version, list: live.map((claim) => claimSummary(claim, this)) }
    }
    return [...this.#summaries.list]
  }

  /** A claim's ledger; a merged claim's id answers with the claim it was merged into. */
  claim(id: string): ClaimLedger | undefined {
    const claim = this.#currentClaim(id)
    return claim && claimLedger(claim, this)
  }

  /** The reviewers' decisions, oldest first. */
  decisions(): readonly LogEntry[] {
    return this.#db.data.log
  }

  /** Applies a reviewer's decision and logs it with who and when; nothing is written if it is refused. */
  decide(decision: Decision, by: string): Promise<LogEntry> {
    return this.#serialised(async () => {
      this.#writable()
      if (!by.trim()) throw new InvalidInputError('a decision needs the reviewer\'s name. Pass --by NAME.')
      const at = new Date().toISOString()
      this.#version++
      const replaced = applyDecision(decision, this.#desk(by, at))
      const { action, ...detail } = decision
      const entry: LogEntry = { at, by, action, detail: { ...detail, ...replaced } }
      this.#db.data.log.push(entry)
      this.#unwritten = true
      await this.flush()
      return entry
    })
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
    const filed = fileExtraction(article.id, extraction, (speaker) => this.#speakers.file(speaker, article.id, article.published).id)
    const { statements } = filed
    const claims = fileAcross(this.#index, article, filed.claims, statements, (id) => this.#currentClaim(id))
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
    if (statement.speakerId === null || statement.rejected) return
    const quotes = this.#quotes.get(statement.speakerId)
    if (quotes) quotes.push(statement)
    else this.#quotes.set(statement.speakerId, [statement])
  }

  #writable(): void {
    if (this.#readOnly) throw new StoreError(`${this.path} was opened for reading only; nothing was written.`)
  }

  #currentClaim(id: string): ClaimRecord | undefined {
    let claim = this.#claims.get(id)
    for (let hops = 0; claim?.mergedInto && hops < 100; hops++) claim = this.#claims.get(claim.mergedInto)
    return claim
  }

  /** A merged speaker's statements follow it into the record it was merged into. */
  #moveQuotes(into: SpeakerRecord, from: SpeakerRecord): void {
    for (const statement of this.#quotes.get(from.id) ?? []) statement.speakerId = into.id
    this.#quotes.set(into.id, [...(this.#quotes.get(into.id) ?? []), ...(this.#quotes.get(from.id) ?? [])])
    this.#quotes.delete(from.id)
  }

  #desk(by: string, at: string): Desk {
    const claims = this.#claims
    const data = this.#db.data
    return {
      by,
      at,
      reject: (statement, reason) => {
        const claim = claims.get(statement.claim)
        if (claim) claim.statementIds = claim.statementIds.filter((id) => id !== statement.id)
        statement.rejected = { by, at, reason }
        if (statement.speakerId) this.#quotes.set(statement.speakerId, (this.#quotes.get(statement.speakerId) ?? []).filter((s) => s !== statement))
        this.#index.remove(statement.id)
      },
      statement: (id) => this.#statements.get(id),
      claim: (id) => this.#currentClaim(id),
      speaker: (id) => this.#speakers.current(id),
      newClaim: (articleId, text) => {
        let n = 1
        while (claims.has(`${articleId}:c${n}`)) n++
        const claim: ClaimRecord = { id: `${articleId}:c${n}`, text, statementIds: [], review: null }
        data.claims.push(claim)
        claims.set(claim.id, claim)
        return claim
      },
      refile: (statement, claim) => {
        const from = claims.get(statement.claim)
        if (from) from.statementIds = from.statementIds.filter((id) => id !== statement.id)
        claim.statementIds.push(statement.id)
        statement.claim = claim.id
        this.#index.move(statement.id, claim.id)
      },
      reassign: (statement, speaker) => {
        if (statement.speakerId) this.#quotes.set(statement.speakerId, (this.#quotes.get(statement.speakerId) ?? []).filter((s) => s !== statement))
        statement.speakerId = speaker.id
        statement.speaker = { name: speaker.name, type: speaker.type, role: statement.speaker?.role ?? null, mention: statement.speaker?.mention ?? null }
        this.#indexStatement(statement)
        // The speaker is one of the entities a later article's claim is matched on.
        this.#index.add(statement.claim, [claimStatement(statement.id, statement, this.#articles.get(statement.articleId)?.published ?? null)])
      },
      findOrCreateSpeaker: (name, type) =>
        data.speakers.find((s) => !s.mergedInto && s.type !== 'anonymous' && s.name === name) ?? this.#speakers.create(name, type, null),
      mergeSpeakers: (into, from) => this.#speakers.merge(into, from),
      splitSpeaker: (record, alias) => {
        const split = this.#speakers.split(record, alias)
        const theirs = (this.#quotes.get(record.id) ?? []).filter((s) => s.speaker?.mention?.text === alias || s.speaker?.name === alias)
        this.#quotes.set(record.id, (this.#quotes.get(record.id) ?? []).filter((s) => !theirs.includes(s)))
        for (const statement of theirs) {
          statement.speakerId = split.id
          this.#indexStatement(statement)
        }
        return split
      },
    }
  }

  #serialised<T>(write: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => {
      this.#writing = true
      try {
        return await write()
      } finally {
        this.#writing = false
      }
    })
    this.#queue = next.catch(() => undefined)
    return next
  }
}
