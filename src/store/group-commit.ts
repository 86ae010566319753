// The store's write path. Every change is applied in memory, one at a time, and written as one journal line
// (journal.ts) with the records it made or altered; changes that arrive while the disk is busy go out together in
// the next append (a group commit), and none is acknowledged before its line is flushed to the disk. When the
// journal has grown to half the store file, the store file is rewritten with everything and the journal starts
// over (compaction), the old file and journal kept as a backup (backups.ts).
import type { Low } from 'lowdb'
import { StoreError } from '../errors.js'
import { type Backup, backUpStoreFile, KEEP_BACKUPS, pruneBackups } from './backups.js'
import { Changes } from './changes.js'
import { journalPath, openFile, type StoreFile } from './file.js'
import { Head, headPath } from './head.js'
import { Journal } from './journal.js'
import { stillLocked } from './lock.js'
import type { StoreData } from './schema.js'
import { syncFolder } from './snapshot.js'
import type { ArticleText, ArticleTexts } from './texts.js'

// The journal is folded into the store file once it is half the file's size, and never below this: small
// stores would otherwise rewrite their file every few articles. CLAIMTRAIL_COMPACT_BYTES sets the floor.
export const COMPACT_FLOOR = Number(process.env.CLAIMTRAIL_COMPACT_BYTES) || 16 * 1024 * 1024

export const KEEP = Number(process.env.CLAIMTRAIL_KEEP_BACKUPS ?? KEEP_BACKUPS)
// After a compaction fails (a full disk), the next one waits until the journal has grown by this share again.
const RETRY_SHARE = 0.25

/** Changes applied in memory and written to the disk together (a group commit); acknowledged when `done` resolves. */
export interface Batch {
  /** One journal line a change: never joined, a batch of many changes would be too long a string. */
  lines: string[]
  texts: ArticleText[]
  seq: number
  articleIds: string[]
  done?: Promise<void>
  /** Set when an earlier write failed and this batch's changes were rolled back before it was written. */
  lost?: Error
}

/** What the write path needs of the store it writes for. */
export interface WrittenStore {
  readonly path: string
  readonly db: Low<StoreData>
  readonly file: StoreFile
  readonly texts: ArticleTexts
  /** Articles filed in memory whose write is not yet acknowledged: no reader sees them, nor their statements. */
  readonly unacknowledged: Set<string>
  /** A change was applied in memory: views built from the records are stale where it reached. */
  changed(changes: Changes): void
  /** These articles' write is acknowledged: readers see them from now on. */
  acknowledged(articleIds: string[]): void
  /** Indexes the records as read from the files, again after a write failed. */
  load(data: StoreData): void
}

export class GroupCommit {
  readonly #store: WrittenStore
  #journal: Journal | undefined
  #head: Head | undefined
  keepBackups = KEEP
  compactFloor = COMPACT_FLOOR
  // The journal's last entry applied in memory.
  #seq: number
  // What the change being applied makes or alters; undefined between changes.
  #changes: Changes | undefined
  // Changes applied in memory and not yet written: the batch still taking changes, and the write under way.
  #open: Batch | undefined
  #writing: Promise<void> = Promise.resolve()
  // The batch last sent to the disk: the one a change waits for when it has nothing of its own to write.
  #sent: Batch | undefined
  // Set when a write failed: memory holds changes the disk does not, and is read again before the next change.
  #stale: Error | undefined
  #compacting = false
  #compactRetryAt = 0
  // Every change waits for the one before, so concurrent adds never interleave their records.
  #queue: Promise<unknown> = Promise.resolve()

  constructor(store: WrittenStore) {
    this.#store = store
    this.#seq = store.db.data.seq ?? 0
  }

  /** What the change being applied makes or alters; undefined between changes. */
  get changes(): Changes | undefined {
    return this.#changes
  }

  /** Whether the journal is open for writing (between `open` and `close`). */
  get opened(): boolean {
    return this.#journal !== undefined
  }

  /** Opens the journal for writing; folds it into the store file now when asked to, or when it is due. */
  async open(compactNow: boolean): Promise<void> {
    const path = this.#store.path
    this.#journal = await Journal.open(journalPath(path), this.#store.file.seq)
    this.#head = new Head(headPath(path))
    // A new store's files are durable only once their folder is.
    await syncFolder(path)
    if (compactNow || this.#journal.size > this.#compactAt()) await this.serialised(() => this.#compact())
  }

  /** Writes what is pending, folds the journal into the store file, and lets go of the journal and the texts. */
  async close(): Promise<void> {
    if (!this.#journal) return
    await this.flush()
    // Folding the journal in is tidying, not keeping: the journal already holds every change, so a full disk here
    // leaves the store as it is and closes all the same.
    await this.serialised(async () => {
      if (this.#seq > this.#store.file.seq) await this.#compact()
    }).catch((error: unknown) => {
      console.error(
        `claimtrail: ${this.#store.path} was closed without folding its journal in (${(error as Error).message}); the journal keeps every change.`,
      )
    })
    await this.#journal.close()
    this.#journal = undefined
    this.#store.texts.close()
    this.#head?.close()
  }

  /** Lets go of the journal and the texts without writing: an open that failed half-way (a full disk, say). */
  async abandon(): Promise<void> {
    await this.#journal?.close().catch(() => undefined)
    this.#journal = undefined
    this.#store.texts.close()
    this.#head?.close()
  }

  /** Writes to the disk whatever was applied and not yet written. */
  async flush(): Promise<void> {
    await this.#queue
    if (this.#open) await this.write(this.#open)
    await this.#writing
  }

  /** The batch still taking changes, else the one being written. */
  pending(): Batch | undefined {
    return this.#open ?? this.#sent
  }

  /**
   * Runs one change in memory, noting what it makes or alters, and adds its journal line to the batch that will
   * write it. A change that throws has changed nothing that needs writing: decisions check before they alter,
   * and filing checks ids first.
   */
  change<T>(apply: (changes: Changes) => T): { result: T; written: Batch | undefined } {
    const changes = new Changes()
    this.#changes = changes
    try {
      const result = apply(changes)
      if (changes.empty) return { result, written: undefined }
      this.#store.changed(changes)
      this.#seq++
      const batch = (this.#open ??= { lines: [], texts: [], seq: 0, articleIds: [] })
      batch.lines.push(changes.line(this.#seq))
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
  write(batch: Batch): Promise<void> {
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
    if (!journal) throw new StoreError(`${this.#store.path} is closed; nothing was written.`)
    const store = this.#store
    const texts = { size: store.texts.size, lines: store.texts.lines }
    try {
      // A writer whose lock another process took over must not write beside it (lock.ts).
      stillLocked(store.path)
      // A compaction that could neither start a new journal nor put the old one back left it closed; the store
      // file holds every change up to it, so a journal following the file takes the changes from here.
      if (journal.closed) journal = this.#journal = await Journal.open(journalPath(store.path), store.file.seq)
      // Texts first: a journal line that files an article must never be on disk without the article's text.
      await store.texts.append(batch.texts)
      await journal.append(batch.lines)
    } catch (error) {
      // Not stored, so not kept: the texts are taken back and memory is read again from the files.
      if (batch.texts.length) await store.texts.cutBack(texts.size, texts.lines).catch(() => undefined)
      this.#rollBack(error as Error)
      throw error
    }
    this.#head?.record(batch.seq)
    if (this.#sent === batch) this.#sent = undefined
    for (const id of batch.articleIds) store.unacknowledged.delete(id)
    if (batch.articleIds.length) store.acknowledged(batch.articleIds)
    if (journal.size > this.#compactAt() && journal.size >= this.#compactRetryAt && !this.#compacting) {
      this.#compacting = true
      this.serialised(() => this.#compact()).catch((error: unknown) => {
        console.error(
          `claimtrail: could not fold the journal into ${store.path} (${(error as Error).message}); the journal keeps every change, and it is tried again later.`,
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
    this.serialised(async () => undefined).catch(() => undefined)
  }

  async #reload(): Promise<void> {
    const failed = this.#stale!
    const store = this.#store
    try {
      // A failed append that could not be cut back must not be read in as if it had been written.
      if (this.#journal && !this.#journal.closed) await this.#journal.discardUnwritten()
      const { db, texts } = await openFile(store.path, { readOnly: true })
      store.load(db.data)
      this.#seq = db.data.seq ?? 0
      store.texts.close()
      store.texts.openForWriting(texts)
      this.#stale = undefined
    } catch (error) {
      throw new StoreError(
        `a write to ${store.path} failed (${failed.message}) and the store could not be read again (${(error as Error).message}). Nothing more is written: restart claimtrail.`,
      )
    }
  }

  /** The journal's size past which the store file is rewritten: half the file, so rewriting costs each change a constant share. */
  #compactAt(): number {
    return Math.max(this.compactFloor, this.#store.file.bytes / 2)
  }

  /**
   * Rewrites the store file with every change, keeping the old one and its journal as a backup, and starts a new
   * journal. Runs in the queue: no change meanwhile. A failure (a full disk) leaves the old file and journal.
   */
  async #compact(): Promise<void> {
    const { path, file, db } = this.#store
    let journal = this.#journal!
    try {
      if (this.#open) await this.write(this.#open)
      await this.#writing
      if (this.#stale) throw this.#stale
      stillLocked(path)
      if (this.#journal!.closed) this.#journal = await Journal.open(journalPath(path), file.seq)
      journal = this.#journal!
      const before = file.seq
      let backup: Backup | undefined
      file.beforeReplace = async () => {
        backup = await backUpStoreFile(path, before)
      }
      db.data.seq = this.#seq
      await db.write()
      this.#journal = await journal.rotate(backup!.journal, this.#seq)
      this.#head?.record(this.#seq)
      await pruneBackups(path, this.keepBackups)
      this.#compactRetryAt = 0
    } catch (error) {
      this.#compactRetryAt = journal.size * (1 + RETRY_SHARE)
      throw error
    } finally {
      // The backup hook belongs to this compaction alone: no later write of the file may run it again.
      file.beforeReplace = undefined
      this.#compacting = false
    }
  }

  /** Runs `work` after every change before it, reading the files again first if a write failed. */
  serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => {
      if (this.#stale) await this.#reload()
      return work()
    })
    this.#queue = next.catch(() => undefined)
    return next
  }
}
