// Who a speaker is across articles. A named speaker is one entity wherever it is quoted, so a researcher counts
// all of Jake Sullivan's quotes at once: "Donald J. Trump", "Donald Trump" and, where one Trump dominates the
// store, a bare "Trump" are one record with aliases. Anonymous sources are never merged: "a senior official" in
// two articles is rarely the same person, and one merged record would invent a prolific source.

import { opensAName } from '../pipeline/names.js'
import type { Speaker } from '../pipeline/types.js'
import { givenName } from './given-names.js'
import type { SpeakerRecord } from './schema.js'

// A pronoun says nothing about who spoke; as an alias it would make every person look alike in a search.
const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'it', 'we', 'i', 'you', 'who', 'his', 'its', 'their'])
const HONORIFIC = /^(mr|mrs|ms|miss|dr|sen|rep|gov|gen|pres|president|senator|secretary|judge|justice)$/

/** Lowercase, accents and punctuation gone, so "U.S. officials" and "US officials" are one name. */
export function normaliseName(name: string): string {
  // A long "name" is a query's, not a speaker's: worked out, never kept, so readers cannot fill the memory.
  if (name.length > 120) return normalise(name)
  let normal = normalised.get(name)
  if (normal === undefined) {
    if (normalised.size >= KEPT_NAMES) normalised.delete(normalised.keys().next().value!)
    normalised.set(name, (normal = normalise(name)))
  }
  return normal
}

// Pages ask every speaker's names whether they answer to one (a speaker page's "same surname" picks, a filter by
// speaker): the forms of the last names asked are kept, so a page over 4,600 speakers normalises none again
// (the speaker page spent 30% of its 7 ms there).
const KEPT_NAMES = 100_000
const normalised = new Map<string, string>()

function normalise(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const SUFFIX = /^(jr|sr|ii|iii|iv)$/

/**
 * "Donald J. Trump" is "Donald Trump", "Mr. Trump" is "Trump", "Hillary Rodham Clinton" is "Hillary Clinton" and
 * "Joseph R. Biden" is "Joe Biden": honorifics, middle names and short forms come and go; a suffix stays.
 */
function personName(normalised: string): string {
  const words = normalised.split(' ').filter((word, i, all) => !(i < all.length - 1 && HONORIFIC.test(word)))
  // "Donald Trump Jr." is not his father: a suffix stays.
  const suffix = words.length > 2 && SUFFIX.test(words[words.length - 1]) ? ` ${words.pop()}` : ''
  if (words.length < 2) return words.join(' ') + suffix
  return `${givenName(words[0])} ${words[words.length - 1]}${suffix}`
}

/** The surname a person record is found by when an article gives only that. */
export const surnameOf = (record: Pick<SpeakerRecord, 'name'>) =>
  personName(normaliseName(record.name))
    .split(' ')
    .filter((w) => !SUFFIX.test(w))
    .at(-1) ?? ''

export function slug(text: string): string {
  return normaliseName(text).replace(/ /g, '-') || 'speaker'
}

// A bare surname goes to the store's best-known bearer only when that one is quoted this many times as often
// as the next: "Trump" is Donald Trump in a politics desk's store, "Clinton" may not be.
const SURNAME_MARGIN = 3

/** The speakers of a store, found by identity; owns the store's speaker list and appends to it. */
export class SpeakerRoster {
  readonly #byKey = new Map<string, SpeakerRecord>()
  readonly #byId = new Map<string, SpeakerRecord>()
  readonly #bySurname = new Map<string, Set<SpeakerRecord>>()
  readonly #keysOf = new Map<SpeakerRecord, string[]>()

  /**
   * `quoted(id)` counts a speaker's statements, to tell the best-known bearer of a surname; `moved(into, from)`
   * is told when a merge sends one record's statements to another; `changed(record)` of every record made or
   * altered, in the order they were made, for the journal.
   */
  constructor(
    private readonly records: SpeakerRecord[],
    private readonly quoted: (id: string) => number,
    private readonly moved: (into: SpeakerRecord, from: SpeakerRecord) => void,
    private readonly changed: (record: SpeakerRecord) => void = () => undefined,
  ) {
    for (const record of records) {
      this.#byId.set(record.id, record)
      if (!record.mergedInto) this.#index(record)
    }
  }

  get(id: string): SpeakerRecord | undefined {
    return this.#byId.get(id)
  }

  /** The record a merged speaker now lives in. */
  current(id: string): SpeakerRecord | undefined {
    let record = this.#byId.get(id)
    for (let hops = 0; record?.mergedInto && hops < 100; hops++) record = this.#byId.get(record.mergedInto)
    return record
  }

  /**
   * The record for this statement's speaker, created on first mention; every new way of writing it and every
   * role is kept, with the article's date.
   */
  file(given: Speaker, articleId: string, published: string | null): SpeakerRecord {
    // "On Trump", "Attorneys for Clinton": words that open no name leave the surname, filed as a bare surname is.
    const run = given.name.trim().split(/\s+/)
    const speaker = given.type === 'person' && run.length > 1 && !opensAName(given.name) ? { ...given, name: run[run.length - 1] } : given
    const local = keptApart(speaker)
    let record = local ? undefined : this.#find(speaker.name, speaker.type)
    if (!record) {
      record = this.create(speaker.name, speaker.type, local ? articleId : null)
      this.#absorbBareSurname(record)
    }
    if (speaker.role) {
      // The role it was first filed with stays its label; every role seen is kept with its dates.
      record.role ??= speaker.role
      noteRole(record, speaker.role, published)
    }
    for (const written of [speaker.name, asWritten(speaker.mention?.text)]) if (addAlias(record, written)) this.#index(record)
    this.changed(record)
    return record
  }

  create(name: string, type: SpeakerRecord['type'], articleId: string | null): SpeakerRecord {
    const id = this.#freeId(articleId ? `${slug(name)}-${slug(articleId)}` : slug(name), type)
    const record: SpeakerRecord = { id, name, type, role: null, affiliation: null, aliases: [], roles: [] }
    this.records.push(record)
    this.changed(record)
    this.#byId.set(id, record)
    this.#index(record)
    return record
  }

  /** A reviewer's merge: `from` becomes an alias of `into`, and later mentions of it are filed under `into`. */
  merge(into: SpeakerRecord, from: SpeakerRecord): void {
    this.#unindex(from)
    from.mergedInto = into.id
    for (const alias of [from.name, ...from.aliases]) addAlias(into, alias)
    for (const role of from.roles) if (!into.roles.some((r) => r.role === role.role)) into.roles.push(role)
    this.#index(into)
    this.changed(into)
    this.changed(from)
    this.moved(into, from)
  }

  /** A reviewer's split: the alias leaves `record` and becomes a speaker of its own. */
  split(record: SpeakerRecord, alias: string): SpeakerRecord {
    this.#unindex(record)
    record.aliases = record.aliases.filter((a) => a !== alias)
    this.#index(record)
    this.changed(record)
    return this.create(alias, record.type, keptApart(record) ? record.id : null)
  }

  /** "Trump" was filed before any full Trump: the first "Donald Trump" takes those statements over. */
  #absorbBareSurname(record: SpeakerRecord): void {
    if (record.type !== 'person' || !personName(normaliseName(record.name)).includes(' ')) return
    const surname = surnameOf(record)
    const bare = this.#byKey.get(identity(surname, 'person'))
    if (bare && bare !== record && this.#bestKnown(surname) === record) this.merge(record, bare)
  }

  #find(name: string, type: string): SpeakerRecord | undefined {
    const found = this.#byKey.get(identity(name, type))
    if (found || type !== 'person') return found
    // "Security of State Hillary Clinton", "CLEVELAND - Donald Trump": a run that ends in a known full name is
    // that person, whatever words the pipeline left before it.
    const words = normaliseName(name).split(' ')
    const lastTwo = words.length > 2 ? this.#byKey.get(identity(words.slice(-2).join(' '), type)) : undefined
    if (lastTwo) return lastTwo
    const key = personName(normaliseName(name))
    return key.includes(' ') ? undefined : this.#bestKnown(key)
  }

  /** The one bearer of a surname the store knows far better than any other, if there is one. */
  #bestKnown(surname: string): SpeakerRecord | undefined {
    const bearers = [...(this.#bySurname.get(surname) ?? [])]
      .filter((r) => personName(normaliseName(r.name)).includes(' '))
      .map((r) => ({ r, n: this.quoted(r.id) }))
      .sort((a, b) => b.n - a.n)
    if (!bearers.length) return undefined
    return bearers.length === 1 || bearers[0].n >= SURNAME_MARGIN * Math.max(1, bearers[1].n) ? bearers[0].r : undefined
  }

  #index(record: SpeakerRecord): void {
    const keys = this.#keysOf.get(record) ?? []
    this.#keysOf.set(record, keys)
    for (const key of speakerKeys(record)) {
      if (!this.#byKey.has(key)) {
        this.#byKey.set(key, record)
        keys.push(key)
      }
    }
    if (record.type === 'person' && !keptApart(record)) {
      const surname = surnameOf(record)
      if (!this.#bySurname.has(surname)) this.#bySurname.set(surname, new Set())
      this.#bySurname.get(surname)!.add(record)
    }
  }

  #unindex(record: SpeakerRecord): void {
    for (const key of this.#keysOf.get(record) ?? []) if (this.#byKey.get(key) === record) this.#byKey.delete(key)
    this.#keysOf.delete(record)
    this.#bySurname.get(surnameOf(record))?.delete(record)
  }

  #freeId(base: string, type: string): string {
    let id = base
    if (this.#byId.has(id)) id = `${base}-${type}`
    for (let n = 2; this.#byId.has(id); n++) id = `${base}-${type}-${n}`
    return id
  }
}

/**
 * The keys a record is found by, first come first served: its id when it is kept apart (an anonymous record's id
 * carries its article), else each way of writing it. A bare surname written for a full name ("Trump" for Eric
 * Trump) is no key: the next bare "Trump" is whoever the store knows best by that surname, not whoever came first.
 */
export function speakerKeys(record: SpeakerRecord): string[] {
  if (keptApart(record)) return [`id:${record.id}`]
  const full = record.type === 'person' && personName(normaliseName(record.name)).includes(' ')
  const keys: string[] = []
  for (const name of [record.name, ...record.aliases]) {
    if (full && name !== record.name && !normaliseName(name).includes(' ')) continue
    const key = identity(name, record.type)
    if (!keys.includes(key)) keys.push(key)
  }
  return keys
}

/**
 * What filing this speaker may look up, for a store that cannot hold every record at hand (the PostgreSQL one):
 * the keys and surnames a roster of only the records found by them answers as the whole roster would, and the
 * bases a new record's id is made from.
 */
export function speakerLookups(given: Speaker, articleId: string): { keys: string[]; surnames: string[]; idBases: string[] } {
  const run = given.name.trim().split(/\s+/)
  const name = given.type === 'person' && run.length > 1 && !opensAName(given.name) ? run[run.length - 1] : given.name
  const keys = new Set<string>()
  const surnames = new Set<string>()
  // #freeId tries the base, then base-type, then base-type-2, …
  const idBases = [slug(name), `${slug(name)}-${slug(articleId)}`]
  for (const written of [name, asWritten(given.mention?.text)]) {
    if (!written) continue
    keys.add(identity(written, given.type))
    const words = normaliseName(written).split(' ')
    if (words.length > 2) keys.add(identity(words.slice(-2).join(' '), given.type))
  }
  if (given.type === 'person') {
    const surname = surnameOf({ name })
    surnames.add(surname)
    keys.add(identity(surname, 'person'))
    const key = personName(normaliseName(name))
    if (!key.includes(' ')) surnames.add(key)
  }
  return { keys: [...keys], surnames: [...surnames], idBases }
}

/**
 * Speakers known only inside one article, never merged across articles: an anonymous source ("a senior
 * official" in two stories is rarely one person), a pronoun the pipeline could not resolve ("he"), and an
 * institution named only by what it is ("the ministry").
 */
export function keptApart(speaker: { name: string; type: string }): boolean {
  return speaker.type === 'anonymous' || PRONOUNS.has(speaker.name.trim().toLowerCase()) || unnamedInstitution(speaker)
}

/** "ministry", "police", "the campaign": an institution by what it is, not by name, is a different one in each story. */
const unnamedInstitution = (speaker: { name: string; type: string }) => speaker.type === 'organization' && !/\p{Lu}/u.test(speaker.name)

function identity(name: string, type: string): string {
  const normalised = normaliseName(name)
  return `${type}|${type === 'person' ? personName(normalised) : normalised}`
}

/**
 * The mention as a way of writing the name: what an apposition or a relative clause adds after a comma ("Eric
 * Sayers, who served as …") is no name, and a mention of more than eight words is a description, not an alias.
 */
function asWritten(mention: string | undefined): string | undefined {
  const head = mention?.split(/,\s|\s[—–(]/)[0].trim()
  return head && head.split(/\s+/).length <= 8 ? head : undefined
}

/** Adds a new way of writing the speaker; true when it was new. */
function addAlias(record: SpeakerRecord, written: string | undefined): boolean {
  const alias = written?.replace(/\s+/g, ' ').trim()
  if (!alias || alias === record.name || PRONOUNS.has(alias.toLowerCase()) || record.aliases.includes(alias)) return false
  record.aliases.push(alias)
  return true
}

function noteRole(record: SpeakerRecord, role: string, published: string | null): void {
  const seen = record.roles.find((r) => r.role === role)
  if (!seen) {
    record.roles.push({ role, firstSeen: published, lastSeen: published })
    return
  }
  if (published && (!seen.firstSeen || published < seen.firstSeen)) seen.firstSeen = published
  if (published && (!seen.lastSeen || published > seen.lastSeen)) seen.lastSeen = published
}
