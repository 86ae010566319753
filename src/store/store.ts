// The store: articles, who spoke in them, what they said and the claims it bears on. One class with the verbs a
// newsroom would use, so a database backend can later stand behind the same methods.
//
// Writes: every change is applied in memory, one at a time, and written as one journal line (journal.ts) with
// the records it made or altered; changes that arrive while the disk is busy go out together in the next
// append (a group commit), and none is acknowledged before its line is flushed to the disk. When the journal
// has grown to half the store file, the store file is rewritten with everything and the journal starts over.
import type { Low } from 'lowdb'
import type { ClaimIndex } from '../claims/claim-index.js'
import { claimStatement } from '../claims/claim-index.js'
import { InvalidInputError, StoreError } from '../errors.js'
import type { Extraction } from '../pipeline/types.js'
import { fileAcross, indexClaims } from './across-articles.js'
import { type Backup, backUpStoreFile, KEEP_BACKUPS, pruneBackups } from './backups.js'
import { Changes } from './changes.js'
import { applyDecision, type Decision, type Desk } from './decisions.js'
import { createParent, journalPath, openFile, type StoreFile, textsPath } from './file.js'
import { Head, headPath } from './head.js'
import { Journal } from './journal.js'
import type { RecordLookup } from './ledger.js'
import { byDateThenPosition, claimLedger, claimSummary, ledgerEntry } from './ledger.js'
import { lockStore, stillLocked, unlockStore } from './lock.js'
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
import { syncFolder } from './snapshot.js'
import { SpeakerRoster } from './speakers.js'
import { type ArticleText, ArticleTexts, readTexts } from './texts.js'
import type { AddResult, ClaimLedger, ClaimSummary, LedgerEntry } from './views.js'

// The journal is folded into the store file once it is half the file's size, and never below this: small
// stores would otherwise rewrite their file every few articles. CLAIMTRAIL_COMPACT_BYTES sets the floor.
const COMPACT_FLOOR = Number(process.env.CLAIMTRAIL_COMPACT_BYTES) || 16 * 1024 * 1024

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

/** Changes applied in memory and written to the disk together (a group commit); acknowledged when `done` resolves. */
interface Batch {
  lines: string
  texts: ArticleText[]
  seq: number
  articleIds: string[]
  done?: Promise<void>
  /** Set when an earlier write failed and this batch's changes were rolled back before it was written. */
  lost?: Error
}

const KEEP = Number(process.env.CLAIMTRAIL_KEEP_BACKUPS ?? KEEP_BACKUPS)
// After a compaction fails (a full disk), the next one waits until the journal has grown by this share again.
const RETRY_SHARE = 0.25

export class Store {
  readonly #db: Low<StoreData>
  readonly #file: StoreFile
  readonly #texts: ArticleTexts
  #journal: Journal | undefined
  #head: Head | undefined
  #keepBackups = KEEP
  // The journal's last entry applied in memory.
  #seq = 0
  // What the change being applied makes or alters; undefined between changes.
  #changes: Changes | undefined
  // Changes applied in memory and not yet written: the batch still taking changes, and the write under way.
  #open: Batch | undefined
  #writing: Promise<void> = Promise.resolve()
  // The batch last sent to the disk: the one a change waits for when it has nothing of its own to write.
  #sent: Batch | undefined
  // Articles filed in memory whose write is not yet acknowledged: no reader sees them, nor their statements.
  readonly #unacknowledged = new Set<string>()
  // Set when a write failed: memory holds changes the disk does not, and is read again before the next change.
  #stale: Error | undefined
  #compacting = false
  #compactFloor = COMPACT_FLOOR
  #compactRetryAt = 0
  readonly #articles = new Map<string, ArticleRecord>()
  readonly #byFingerprint = new Map<string, ArticleRecord>()
  readonly #statements = new Map<string, StatementRecord>()
  readonly #claims = new Map<string, ClaimRecord>()
  readonly #quotes = new Map<string, StatementRecord[]>()
  #speakers!: SpeakerRoster
  // Built when an article is first filed: reading (a page, an export) never needs it, and at 100,000 statements
  // it is most of the cost of opening the store. Changes before then reach it through the records it is built from.
  #index: ClaimIndex | undefined
  // Every change waits for the one before, so concurrent adds never interleave their records.
  #queue: Promise<unknown> = Promise.resolve()
  #readOnly = false
  // Counts the changes to the records, so that views built from them know when they are stale.
  #version = 0
  #summaries: { version: number; list: ClaimSummary[] } | undefined
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
    this.#file = file
    this.#texts = new ArticleTexts(textsPath(path))
    this.#load(db.data)
  }

  /** Indexes the records as read from the files (when opened, and again after a write failed). */
  #load(data: StoreData): void {
    this.#db.data = data
    for (const map of [this.#articles, this.#byFingerprint, this.#statements, this.#claims, this.#quotes]) map.clear()
    this.#unacknowledged.clear()
    this.#index = undefined
    this.#seq = data.seq ?? 0
    for (const article of data.articles) this.#indexArticle(article)
    for (const statement of data.statements) this.#indexStatement(statement)
    for (const claim of data.claims) this.#claims.set(claim.id, claim)
    this.#speakers = new SpeakerRoster(
      data.speakers,
      (id) => this.#quotes.get(id)?.length ?? 0,
      (into, from) => this.#moveQuotes(into, from),
      (record) => this.#changes?.speaker(record),
    )
    this.#version++
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
    const { db, file, journal, texts } = await openFile(path, { readOnly })
    const store = new Store(path, db, file)
    store.#compactFloor = compactFloor
    store.#keepBackups = keepBackups
    store.#texts.adopt(texts)
    if (readOnly) {
      store.#readOnly = true
      return store
    }
    // Files from before every line was checked are written anew, checked, before anything is added to them.
    if (texts.legacy) {
      await ArticleTexts.replace(
        textsPath(path),
        [...texts.texts.values()].map((t) => ({ ...t, article: t.article ?? store.#articles.get(t.id) })),
      )
    }
    // A killed writer may have left half a line at the end of either file; it was never acknowledged.
    store.#texts.openForWriting(texts.legacy ? readTexts(textsPath(path), path) : texts)
    store.#journal = await Journal.open(journalPath(path), file.seq)
    store.#head = new Head(headPath(path))
    // A new store's files are durable only once their folder is.
    await syncFolder(path)
    const unchecked = !file.checked || (journal.base === null && journal.entries.length > 0)
    if (unchecked || store.#journal.size > store.#compactAt()) await store.#serialised(() => store.#compact())
    return store
  }

  /** Writes what is pending, folds the journal into the store file, and lets go of the journal and the lock. */
  async close(): Promise<void> {
    if (!this.#journal) return
    await this.flush()
    // Folding the journal in is tidying, not keeping: the journal already holds every change, so a full disk here
    // leaves the store as it is and closes all the same.
    await this.#serialised(async () => {
      if (this.#seq > this.#file.seq) await this.#compact()
    }).catch((error: unknown) => {
      console.error(
        `claimtrail: ${this.path} was closed without folding its journal in (${(error as Error).message}); the journal keeps every change.`,
      )
    })
    await this.#journal.close()
    this.#journal = undefined
    this.#texts.close()
    this.#head?.close()
    unlockStore(this.path)
  }

  /** Moves with every change to the records: views built from them are stale once it has moved. */
  version(): number {
    return this.#version
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
  async addArticles(batch: ExtractedArticle[], { write = true }: { write?: boolean } = {}): Promise<AddResult[]> {
    const { result, written } = await this.#serialised(async () => {
      this.#writable()
      const prints = batch.map(({ article }) => fingerprint(article.text))
      this.#checkIds(batch, prints)
      const filed = this.#change(() => batch.map(({ article, extraction }, i) => this.#fileArticle(article, prints[i], extraction)))
      // "Already stored" for an article whose own write is still on its way means stored only once that write is:
      // the batch still open, or else the one being written, holds it, and fails if it does.
      const inFlight = filed.result.some((r) => !r.added && this.#unacknowledged.has(r.articleId))
      return inFlight ? { ...filed, written: filed.written ?? this.#open ?? this.#sent } : filed
    })
    if (write && written) await this.#write(written)
    return result
  }

  /** Writes to the disk whatever was applied and not yet written (`addArticles(…, { write: false })`). */
  async flush(): Promise<void> {
    await this.#queue
    if (this.#open) await this.#write(this.#open)
    await this.#writing
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
    // Built once per change to the store: a page of the claim list must not rebuild 10,000 ledgers.
    if (this.#summaries?.version !== this.#version) {
      const live = this.#db.data.claims.filter((claim) => !claim.mergedInto && claim.statementIds.some((id) => this.statement(id)))
      this.#summaries = { version: this.#version, list: live.map((claim) => claimSummary(claim, this.#lookup)) }
    }
    return [...this.#summaries.list]
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
      out.push({ claim: claimSummary(other, this.#lookup), confidence: Math.round(match.confidence * 100) / 100 })
    }
    return out
  }

  /** The reviewers' decisions, oldest first. */
  decisions(): readonly LogEntry[] {
    return this.#db.data.log
  }

  /** Applies a reviewer's decision and logs it with who and when; nothing is written if it is refused. */
  async decide(decision: Decision, by: string): Promise<LogEntry> {
    const { result, written } = await this.#serialised(async () => {
      this.#writable()
      if (!by.trim()) throw new InvalidInputError("a decision needs the reviewer's name. Pass --by NAME.")
      const at = new Date().toISOString()
      return this.#change((changes) => {
        const replaced = applyDecision(decision, this.#desk(by, at, changes))
        const { action, ...detail } = decision
        const logged: LogEntry = { at, by, action, detail: { ...detail, ...replaced } }
        this.#db.data.log.push(logged)
        changes.log.push(logged)
        return logged
      })
    })
    if (written) await this.#write(written)
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
    const changes = this.#changes!
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
      this.#changes?.statement(statement)
    }
    this.#quotes.set(into.id, [...(this.#quotes.get(into.id) ?? []), ...(this.#quotes.get(from.id) ?? [])])
    this.#quotes.delete(from.id)
  }

  /** The records a decision works on; every one it is handed or makes is noted in `changes`. */
  #desk(by: string, at: string, changes: Changes): Desk {
    const claims = this.#claims
    const data = this.#db.data
    return {
      by,
      at,
      reject: (statement, reason) => {
        const claim = changes.claim(claims.get(statement.claim))
        if (claim) claim.statementIds = claim.statementIds.filter((id) => id !== statement.id)
        statement.rejected = { by, at, reason }
        changes.statement(statement)
        if (statement.speakerId)
          this.#quotes.set(
            statement.speakerId,
            (this.#quotes.get(statement.speakerId) ?? []).filter((s) => s !== statement),
          )
        this.#index?.remove(statement.id)
      },
      statement: (id) => changes.statement(this.#statements.get(id)),
      claim: (id) => changes.claim(this.#currentClaim(id)),
      claimRecord: (id) => changes.claim(claims.get(id)),
      speaker: (id) => changes.speaker(this.#speakers.current(id)),
      newClaim: (articleId, text) => {
        let n = 1
        while (claims.has(`${articleId}:c${n}`)) n++
        const claim: ClaimRecord = { id: `${articleId}:c${n}`, text, statementIds: [], review: null }
        data.claims.push(claim)
        claims.set(claim.id, claim)
        return changes.claim(claim)
      },
      refile: (statement, claim) => {
        const from = changes.claim(claims.get(statement.claim))
        if (from) from.statementIds = from.statementIds.filter((id) => id !== statement.id)
        claim.statementIds.push(statement.id)
        statement.claim = claim.id
        changes.statement(statement)
        changes.claim(claim)
        this.#index?.move(statement.id, claim.id)
      },
      reassign: (statement, speaker) => {
        if (statement.speakerId)
          this.#quotes.set(
            statement.speakerId,
            (this.#quotes.get(statement.speakerId) ?? []).filter((s) => s !== statement),
          )
        statement.speakerId = speaker.id
        statement.speaker = {
          name: speaker.name,
          type: speaker.type,
          role: statement.speaker?.role ?? null,
          mention: statement.speaker?.mention ?? null,
        }
        changes.statement(statement)
        changes.speaker(speaker)
        this.#indexStatement(statement)
        // The speaker is one of the entities a later article's claim is matched on.
        this.#index?.add(statement.claim, [
          claimStatement(statement.id, statement, this.#articles.get(statement.articleId)?.published ?? null, statement.articleId),
        ])
      },
      findOrCreateSpeaker: (name, type) =>
        changes.speaker(
          data.speakers.find((s) => !s.mergedInto && s.type !== 'anonymous' && s.name === name) ?? this.#speakers.create(name, type, null),
        ),
      mergeSpeakers: (into, from) => this.#speakers.merge(into, from),
      splitSpeaker: (record, alias) => {
        const split = this.#speakers.split(record, alias)
        const theirs = (this.#quotes.get(record.id) ?? []).filter((s) => s.speaker?.mention?.text === alias || s.speaker?.name === alias)
        this.#quotes.set(
          record.id,
          (this.#quotes.get(record.id) ?? []).filter((s) => !theirs.includes(s)),
        )
        for (const statement of theirs) {
          statement.speakerId = split.id
          changes.statement(statement)
          this.#indexStatement(statement)
        }
        return split
      },
    }
  }

  /**
   * Runs one change in memory, noting what it makes or alters, and adds its journal line to the batch that will
   * write it. A change that throws has changed nothing that needs writing: decisions check before they alter,
   * and filing checks ids first.
   */
  #change<T>(apply: (changes: Changes) => T): { result: T; written: Batch | undefined } {
    const changes = new Changes()
    this.#changes = changes
    try {
      const result = apply(changes)
      if (changes.empty) return { result, written: undefined }
      this.#version++
      this.#seq++
      const batch = (this.#open ??= { lines: '', texts: [], seq: 0, articleIds: [] })
      batch.lines += changes.line(this.#seq)
      batch.texts.push(...changes.texts)
      batch.articleIds.push(...changes.articles.keys())
      batch.seq = this.#seq
      return { result, written: batch }
    } finally {
      this.#changes = undefined
    }
  }

  /**
   * Resolves once the batch is on the disk. A batch keeps taking changes until the write before it ends, then
   * goes out in one append: one flush to the disk for many changes.
   */
  #write(batch: Batch): Promise<void> {
    if (!batch.done) {
      batch.done = this.#writing.then(() => this.#append(batch))
      this.#writing = batch.done.catch(() => undefined)
      this.#sent = batch
    }
    return batch.done
  }

  async #append(batch: Batch): Promise<void> {
    if (this.#open === batch) this.#open = undefined
    if (batch.lost) throw batch.lost
    let journal = this.#journal
    if (!journal) throw new StoreError(`${this.path} is closed; nothing was written.`)
    const texts = { size: this.#texts.size, lines: this.#texts.lines }
    try {
      // A writer whose lock another process took over must not write beside it (lock.ts).
      stillLocked(this.path)
      // A compaction that could neither start a new journal nor put the old one back left it closed; the store
      // file holds every change up to it, so a journal following the file takes the changes from here.
      if (journal.closed) journal = this.#journal = await Journal.open(journalPath(this.path), this.#file.seq)
      // Texts first: a journal line that files an article must never be on disk without the article's text.
      await this.#texts.append(batch.texts)
      await journal.append(batch.lines)
    } catch (error) {
      // Not stored, so not kept: the texts are taken back and memory is read again from the files.
      if (batch.texts.length) await this.#texts.cutBack(texts.size, texts.lines).catch(() => undefined)
      this.#rollBack(error as Error)
      throw error
    }
    this.#head?.record(batch.seq)
    if (this.#sent === batch) this.#sent = undefined
    for (const id of batch.articleIds) this.#unacknowledged.delete(id)
    if (batch.articleIds.length) this.#version++
    if (journal.size > this.#compactAt() && journal.size >= this.#compactRetryAt && !this.#compacting) {
      this.#compacting = true
      this.#serialised(() => this.#compact()).catch((error: unknown) => {
        console.error(
          `claimtrail: could not fold the journal into ${this.path} (${(error as Error).message}); the journal keeps every change, and it is tried again later.`,
        )
      })
    }
  }

  /**
   * A write failed: memory holds changes the disk does not. The batch still taking changes is lost with it (its
   * callers hear the same error), and the files are read again before any other change is applied.
   */
  #rollBack(error: Error): void {
    this.#stale = error
    if (this.#open) this.#open.lost = error
    this.#open = undefined
    this.#serialised(async () => undefined).catch(() => undefined)
  }

  async #reload(): Promise<void> {
    const failed = this.#stale!
    try {
      // A failed append that could not be cut back must not be read in as if it had been written.
      if (this.#journal && !this.#journal.closed) await this.#journal.discardUnwritten()
      const { db, texts } = await openFile(this.path, { readOnly: true })
      this.#load(db.data)
      this.#texts.close()
      this.#texts.openForWriting(texts)
      this.#stale = undefined
    } catch (error) {
      throw new StoreError(
        `a write to ${this.path} failed (${failed.message}) and the store could not be read again (${(error as Error).message}). Nothing more is written: restart claimtrail.`,
      )
    }
  }

  /** The journal's size past which the store file is rewritten: half the file, so rewriting costs each change a constant share. */
  #compactAt(): number {
    return Math.max(this.#compactFloor, this.#file.bytes / 2)
  }

  /**
   * Rewrites the store file with every change, keeping the old one and its journal as a backup, and starts a new
   * journal. Runs in the queue: no change meanwhile. A failure (a full disk) leaves the old file and journal.
   */
  async #compact(): Promise<void> {
    let journal = this.#journal!
    try {
      if (this.#open) await this.#write(this.#open)
      await this.#writing
      if (this.#stale) throw this.#stale
      stillLocked(this.path)
      if (this.#journal!.closed) this.#journal = await Journal.open(journalPath(this.path), this.#file.seq)
      journal = this.#journal!
      const before = this.#file.seq
      let backup: Backup | undefined
      this.#file.beforeReplace = async () => {
        backup = await backUpStoreFile(this.path, before)
      }
      this.#db.data.seq = this.#seq
      await this.#db.write()
      this.#journal = await journal.rotate(backup!.journal, this.#seq)
      this.#head?.record(this.#seq)
      await pruneBackups(this.path, this.#keepBackups)
      this.#compactRetryAt = 0
    } catch (error) {
      this.#compactRetryAt = journal.size * (1 + RETRY_SHARE)
      throw error
    } finally {
      // The backup hook belongs to this compaction alone: no later write of the file may run it again.
      this.#file.beforeReplace = undefined
      this.#compacting = false
    }
  }

  #serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => {
      if (this.#stale) await this.#reload()
      return work()
    })
    this.#queue = next.catch(() => undefined)
    return next
  }
}
