// The few patterns that settle a stance before the model weighs anything, each nearly always right on the
// stance gold set and in the issue's own words: "denied that …", "rejected the report", "accused the U.S. of
// spreading disinformation", "called the charges fabricated", "That is simply untrue".
import type { Stance } from '../types.js'

const RULES: Array<[Stance, (f: Set<string>) => boolean]> = [
  // A denial verb whose object is a claim or a that-clause: "denied that troops crossed", "rejected the report".
  ['deny', (f) => f.has('cue:deny') && (f.has('open:claim') || f.has('open:that')) && !f.has('open:plan')],
  // A denial verb after what it denies: '"…," the ministry denied', "…, a claim Ukraine rejected".
  ['deny', (f) => f.has('cue:deny') && f.has('after:deny') && !f.has('open:plan')],
  // An accusation or a label built on a word of falsehood: the accused's claim is denied.
  ['deny', (f) => (f.has('accuse×false') || f.has('call×false')) && !f.has('false:person-lies')],
  // …unless the speaker admits it: "admitted that the figures were wrong" concedes a claim, it denies none.
  ['deny', (f) => f.has('it-is-false') && !f.has('cue:concede')],
  // "We categorically reject these allegations": the speaker's own denial, in the words it is made of.
  ['deny', (f) => f.has('self-deny')],
  // "declined to comment", "did not respond to requests for comment".
  ['decline', (f) => (f.has('cue:decline') || f.has('cue:refuse') || f.has('cue:would-not')) && f.has('open:to-speak')],
  ['decline', (f) => f.has('cue:no-reply') && (f.has('open:request') || f.has('has:comment'))],
]

export function ruledStance(features: string[]): Stance | null {
  const f = new Set(features)
  for (const [stance, holds] of RULES) if (holds(f)) return stance
  return null
}
