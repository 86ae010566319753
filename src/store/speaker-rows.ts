// The speakers a researcher counts: each current speaker with how often it spoke, on how many claims, how
// often it asserted and how often it denied. Merged speakers are gone (their statements moved); rejected
// statements count for no one.

import type { SpeakerRecord, StatementRecord } from './schema.js'
import { normaliseName } from './speakers.js'

export interface SpeakerCounts {
  statements: number
  claims: number
  asserts: number
  denials: number
}

export interface SpeakerRow {
  speaker: SpeakerRecord
  counts: SpeakerCounts
}

export function countStatements(statements: readonly StatementRecord[]): SpeakerCounts {
  let asserts = 0
  let denials = 0
  const claims = new Set<string>()
  for (const s of statements) {
    if (s.stance === 'assert' || s.stance === 'confirm') asserts++
    else if (s.stance === 'deny') denials++
    claims.add(s.claim)
  }
  return { statements: statements.length, claims: claims.size, asserts, denials }
}

/** Current speakers, the most quoted first, then by name. */
export function speakerRows(speakers: readonly SpeakerRecord[], statements: readonly StatementRecord[]): SpeakerRow[] {
  const said = new Map<string, StatementRecord[]>()
  for (const s of statements) {
    if (s.rejected || !s.speakerId) continue
    const list = said.get(s.speakerId)
    if (list) list.push(s)
    else said.set(s.speakerId, [s])
  }
  return speakers
    .filter((speaker) => !speaker.mergedInto)
    .map((speaker) => ({ speaker, counts: countStatements(said.get(speaker.id) ?? []) }))
    .sort((a, b) => b.counts.statements - a.counts.statements || a.speaker.name.localeCompare(b.speaker.name))
}

/** Whether a speaker answers to a name by any way it was written: "Zhao" finds Zhao Lijian. */
export function answersTo(speaker: SpeakerRecord, asked: string): boolean {
  const wanted = normaliseName(asked)
  if (!wanted) return true
  return [speaker.name, ...speaker.aliases].some((name) => ` ${normaliseName(name)} `.includes(` ${wanted} `))
}
