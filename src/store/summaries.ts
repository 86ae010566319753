// The claims list's summaries, kept by claim id and redone only for the claims a write touched. At 100,000
// statements rebuilding all of them took ~150 ms, paid by the first reader after every article filed; one
// article touches a dozen claims. A summary reads its claim, the claim's statements, their speakers and their
// articles, so a write touches a claim when it changed the claim, one of its statements, or how one of its
// speakers is shown (name, type, role, or a merge); articles never change once filed. Untouched summaries are
// kept as the same objects, which lets the web's views tell what moved (src/web/store-views.ts).
import type { Changes } from './changes.js'
import { claimSummary, type RecordLookup } from './ledger.js'
import type { ClaimRecord, SpeakerRecord, StatementRecord } from './schema.js'
import type { ClaimSummary } from './views.js'

/** What the summaries read of the store, besides the ledger's lookups. */
export interface SummarySource {
  lookup: RecordLookup
  claims(): readonly ClaimRecord[]
  claim(id: string): ClaimRecord | undefined
  speakers(): readonly SpeakerRecord[]
  /** Every statement, acknowledged or not: a speaker's change reaches all of theirs. */
  statements(): Iterable<StatementRecord>
}

export class ClaimSummaries {
  readonly #source: SummarySource
  readonly #byId = new Map<string, ClaimSummary>()
  #list: ClaimSummary[] = []
  // Each listed claim's place in #list, worked out when a write first replaces summaries in place.
  #placeOf: Map<string, number> | undefined
  // Claims to summarise again before the next read; 'all' after the records were read from the files.
  #touched: Set<string> | 'all' = 'all'
  // How each speaker was shown when last seen: a change to a speaker that leaves this alone touches no claim.
  readonly #shown = new Map<string, string>()

  constructor(source: SummarySource) {
    this.#source = source
  }

  /** The records were read anew (opened, or read again after a failed write): every summary is redone. */
  reset(): void {
    this.#touched = 'all'
    this.#shown.clear()
    for (const speaker of this.#source.speakers()) this.#shown.set(speaker.id, shown(speaker))
  }

  /** Notes the claims a change touched; called as it is applied, while the speakers' old looks are still known. */
  changed(changes: Changes): void {
    for (const id of changes.claims.keys()) this.touch(id)
    for (const statement of changes.statements.values()) this.touch(statement.claim)
    const restyled = new Set<string>()
    for (const speaker of changes.speakers.values()) {
      const now = shown(speaker)
      const before = this.#shown.get(speaker.id)
      this.#shown.set(speaker.id, now)
      // A speaker first seen now has no statements filed before this change, and those of this change are noted.
      if (before !== undefined && before !== now) restyled.add(speaker.id)
    }
    if (restyled.size) this.#touchSpokenBy(restyled)
  }

  /** Statements became visible (their article's write was acknowledged): their claims are summarised again. */
  acknowledged(statements: Iterable<StatementRecord>): void {
    for (const statement of statements) this.touch(statement.claim)
  }

  touch(claimId: string): void {
    if (this.#touched !== 'all') this.#touched.add(claimId)
  }

  /** Every claim that holds a visible statement, in the store's order; merged and emptied ones are gone. */
  list(): readonly ClaimSummary[] {
    const touched = this.#touched
    if (touched === 'all') {
      this.#byId.clear()
      for (const claim of this.#source.claims()) this.#summarise(claim)
    } else if (touched.size) {
      const kept = this.#inPlace(touched)
      this.#touched = new Set()
      if (kept) return (this.#list = kept)
    } else {
      return this.#list
    }
    this.#touched = new Set()
    // The order is the store's: new claims at the end, an unmerged one back in its place.
    const list: ClaimSummary[] = []
    for (const claim of this.#source.claims()) {
      const summary = this.#byId.get(claim.id)
      if (summary) list.push(summary)
    }
    this.#list = list
    this.#placeOf = undefined
    return list
  }

  /**
   * Summarises the touched claims again and, when the write only replaced listed claims and listed new ones at
   * the store's end (an article filed), the last list with those put in: reading 30,000 claims in the store's
   * order for a dozen took ~5-10 ms. Undefined when a claim left the list or came back in its middle.
   */
  #inPlace(touched: Set<string>): ClaimSummary[] | undefined {
    const replaced: Array<[string, ClaimSummary]> = []
    const added = new Set<string>()
    let inPlace = true
    for (const id of touched) {
      const was = this.#byId.has(id)
      const claim = this.#source.claim(id)
      if (claim) this.#summarise(claim)
      else this.#byId.delete(id)
      const now = this.#byId.get(id)
      if (was && now) replaced.push([id, now])
      else if (now) added.add(id)
      else if (was) inPlace = false
    }
    const last = this.#list.at(-1)?.claim.id
    if (!inPlace || last === undefined) return undefined
    // The new claims must be all the listed ones after the last listed claim, the store's newest.
    const claims = this.#source.claims()
    const tail: ClaimSummary[] = []
    for (let i = claims.length - 1; claims[i]?.id !== last; i--) {
      if (i < 0 || claims.length - i > added.size + TAIL_LOOK) return undefined
      const summary = this.#byId.get(claims[i].id)
      if (summary) tail.push(summary)
    }
    if (tail.length !== added.size || tail.some((summary) => !added.has(summary.claim.id))) return undefined
    const list = [...this.#list]
    const placeOf = (this.#placeOf ??= new Map(this.#list.map((summary, i) => [summary.claim.id, i])))
    for (const [id, summary] of replaced) list[placeOf.get(id)!] = summary
    for (const summary of tail.reverse()) {
      placeOf.set(summary.claim.id, list.length)
      list.push(summary)
    }
    return list
  }

  /** The kept summary of a listed claim, or a new one. */
  of(claim: ClaimRecord): ClaimSummary {
    if (this.#touched !== 'all' && !this.#touched.has(claim.id)) {
      const kept = this.#byId.get(claim.id)
      if (kept) return kept
    }
    return claimSummary(claim, this.#source.lookup)
  }

  #summarise(claim: ClaimRecord): void {
    const { lookup } = this.#source
    if (!claim.mergedInto && claim.statementIds.some((id) => lookup.statement(id))) this.#byId.set(claim.id, claimSummary(claim, lookup))
    else this.#byId.delete(claim.id)
  }

  /** A speaker now shown otherwise: every claim one of its statements is in, through merges too. */
  #touchSpokenBy(speakers: Set<string>): void {
    const byId = new Map(this.#source.speakers().map((s) => [s.id, s]))
    const reaches = (id: string) => {
      let record = byId.get(id)
      for (let hops = 0; record && hops < 100; hops++) {
        if (speakers.has(record.id)) return true
        record = record.mergedInto ? byId.get(record.mergedInto) : undefined
      }
      return false
    }
    for (const statement of this.#source.statements()) {
      if (statement.speakerId !== null && reaches(statement.speakerId)) this.touch(statement.claim)
    }
  }
}

// Claims past the last listed one that are looked at for the new ones before the list is read anew: new claims
// not yet listed (their article's write not yet acknowledged) sit there too.
const TAIL_LOOK = 1_000

/** What of a speaker a claim's summary shows. */
function shown(speaker: SpeakerRecord): string {
  return JSON.stringify([speaker.name, speaker.type, speaker.role, speaker.mergedInto ?? null])
}
