// Who took part in a claim, as the reader sees it: one label per speaker, however often they spoke.
import type { ClaimVoice } from '../store/views.js'

export interface VoiceLabel {
  name: string
  role: string | null
  /** "U.S. officials", "a senior official": flagged, since a reader weighs them differently. */
  anonymous: boolean
  /** No source given at all. */
  unattributed: boolean
  /** How many statements this speaker made on the claim. */
  times: number
}

export function voiceLabels(voices: readonly ClaimVoice[]): VoiceLabel[] {
  const bySpeaker = new Map<string, VoiceLabel>()
  for (const voice of voices) {
    // An unattributed statement is nobody in particular: never fold two of them into one label.
    const key = voice.speakerId ?? `statement:${voice.statementId}`
    const known = bySpeaker.get(key)
    if (known) {
      known.times++
      continue
    }
    bySpeaker.set(key, {
      name: voice.name ?? 'unattributed',
      role: voice.role,
      anonymous: voice.type === 'anonymous',
      unattributed: voice.name === null,
      times: 1,
    })
  }
  return [...bySpeaker.values()]
}
