// Who a speaker is across articles. A named speaker is one entity wherever it is quoted, so a researcher counts
// all of Jake Sullivan's quotes at once. Anonymous sources are never merged: "a senior official" in two articles
// is rarely the same person, and one merged record would invent a prolific source.
import type { Speaker } from '../pipeline/types.js'
import type { SpeakerRecord } from './schema.js'

// A pronoun says nothing about who spoke; as an alias it would make every person look alike in a search.
const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'it', 'we', 'i', 'you', 'who', 'his', 'its', 'their'])

/** Lowercase, accents and punctuation gone, so "U.S. officials" and "US officials" are one name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** "Donald J. Trump" is "Donald Trump": a middle initial comes and goes between outlets. */
function personName(normalised: string): string {
  const words = normalised.split(' ')
  if (words.length < 3) return normalised
  const kept = words.filter((word, i) => i === 0 || i === words.length - 1 || word.length > 1)
  return kept.join(' ')
}

export function slug(text: string): string {
  return normaliseName(text).replace(/ /g, '-') || 'speaker'
}

/** The speakers of a store, found by identity; owns the store's speaker list and appends to it. */
export class SpeakerRoster {
  readonly #byKey = new Map<string, SpeakerRecord>()
  readonly #byId = new Map<string, SpeakerRecord>()

  constructor(private readonly records: SpeakerRecord[]) {
    for (const record of records) {
      this.#byId.set(record.id, record)
      // An anonymous record's id carries its article, so the id itself keeps it apart from its namesakes.
      this.#byKey.set(record.type === 'anonymous' ? `id:${record.id}` : identity(record.name, record.type), record)
    }
  }

  get(id: string): SpeakerRecord | undefined {
    return this.#byId.get(id)
  }

  /** The record for this statement's speaker, created on first mention; every new way of writing it is kept. */
  file(speaker: Speaker, articleId: string): SpeakerRecord {
    const anonymous = speaker.type === 'anonymous'
    const key = anonymous ? undefined : identity(speaker.name, speaker.type)
    let record = key === undefined ? undefined : this.#byKey.get(key)
    if (!record) {
      const id = this.#freeId(anonymous ? `${slug(speaker.name)}-${slug(articleId)}` : slug(speaker.name), speaker.type)
      record = { id, name: speaker.name, type: speaker.type, role: null, affiliation: null, aliases: [] }
      this.records.push(record)
      this.#byId.set(id, record)
      this.#byKey.set(key ?? `id:${id}`, record)
    }
    record.role ??= speaker.role
    for (const written of [speaker.name, speaker.mention?.text]) addAlias(record, written)
    return record
  }

  #freeId(base: string, type: string): string {
    let id = base
    if (this.#byId.has(id)) id = `${base}-${type}`
    for (let n = 2; this.#byId.has(id); n++) id = `${base}-${type}-${n}`
    return id
  }
}

function identity(name: string, type: string): string {
  const normalised = normaliseName(name)
  return `${type}|${type === 'person' ? personName(normalised) : normalised}`
}

function addAlias(record: SpeakerRecord, written: string | undefined): void {
  const alias = written?.replace(/\s+/g, ' ').trim()
  if (!alias || alias === record.name || PRONOUNS.has(alias.toLowerCase())) return
  if (!record.aliases.includes(alias)) record.aliases.push(alias)
}
