// Which claim a denial, confirmation or decline answers, when its own words do not repeat the claim's: the
// earlier claim, asserted by someone else, that shares the most of the rarer words of the answer's sentence
// ("Trump denied the allegations that he assaulted Ivana" ← "his former wife said he assaulted her"); failing
// that, a referring denial ("It is a made-up story," the ministry said) answers the latest claim asserted
// before it, close by, by someone else.
import type { Statement } from './types.js'

const STOP = new Set(
  'the a an of to in on at for and or but that this with from by as is are was were be been has have had it its their his her they he she we our will would not no any such also than then there which who said says say told about after before could should what when where while into over more most just only very other some them those these your you him i me my us'.split(
    ' ',
  ),
)
const REFERRING =
  /^(?:["“‘']\s*)?(it|that|this|these|those|they|such|the (report|story|reports|stories|claim|claims|allegation|allegations|accusation|accusations|charge|charges|suggestion|idea|notion|account|rumou?rs?))\b|\b(the|such|these|those|this|that) (report|story|reports|stories|claims?|allegations?|accusations?|charges?|rumou?rs?|suggestion|account)\b/i

/** How far back (characters) a referring denial looks for what it answers. */
const NEAR = 900
/** The summed rarity of shared words an answer needs to be filed under a claim. */
const ENOUGH = 4.5
/** How many earlier statements, latest claims first, an answer is compared with: a long page holds thousands. */
const COMPARED = 300

const stems = (text: string) =>
  new Set(
    (text.toLowerCase().match(/\p{L}+/gu) ?? [])
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/(ing|ed|es|s)$/, '').slice(0, 6)),
  )

const contentStems = new WeakMap<Statement, Set<string>>()
/** A statement's content words, worked out once: a long page asks for each many times. */
function stemsOf(x: Statement): Set<string> {
  let found = contentStems.get(x)
  if (!found) contentStems.set(x, (found = stems(x.content.map((c) => c.text).join(' '))))
  return found
}

export interface Answerable<C> {
  claim: C
  statements: Statement[]
}

/** The sentence around a statement's content, as far as the article text tells: the answer's own frame. */
function frame(text: string, s: Statement): string {
  const first = s.content[0]
  const last = s.content.at(-1)!
  const from = Math.max(0, Math.min(first.start, s.cue?.start ?? first.start) - 200)
  const before = text.slice(from, first.start)
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'))
  const to = Math.max(last.end, s.cue?.end ?? 0)
  const after = text.slice(to, to + 150)
  const end = after.search(/[.!?](\s|$)|\n/)
  return `${before.slice(cut + 1)} ${s.content.map((c) => c.text).join(' ')} ${end >= 0 ? after.slice(0, end) : after}`
}

const sameSpeaker = (a: Statement, b: Statement) => a.speaker !== null && b.speaker !== null && a.speaker.name === b.speaker.name
const asserts = (x: Statement) => x.stance === 'assert' || x.stance === 'confirm'

/** Rarity within the article: a word every statement uses ("Trump") tells little. Counted once per article. */
export function rarity(all: Statement[]): (word: string, asker: Statement) => number {
  const df = new Map<string, number>()
  for (const x of all) for (const w of stemsOf(x)) df.set(w, (df.get(w) ?? 0) + 1)
  // Counted among the other statements: the answer's own words do not make a word common.
  return (w: string, asker: Statement) => Math.log(all.length / ((df.get(w) ?? 0) - (stemsOf(asker).has(w) ? 1 : 0) + 0.5))
}

export function answeredClaim<C>(
  text: string,
  s: Statement,
  claims: Array<Answerable<C>>,
  idf: (word: string, asker: Statement) => number,
): { claim: C; confidence: number } | undefined {
  if (!text || !s.content.length) return undefined
  const own = stems(frame(text, s))
  let best: { claim: C; score: number } | undefined
  let compared = 0
  for (let k = claims.length - 1; k >= 0 && compared < COMPARED; k--) {
    const c = claims[k]
    for (const x of c.statements) {
      compared++
      if (!asserts(x) || sameSpeaker(x, s) || x.content[0].start >= s.content[0].start) continue
      let score = 0
      for (const w of stemsOf(x)) if (own.has(w)) score += idf(w, s)
      if (score >= ENOUGH && (!best || score > best.score)) best = { claim: c.claim, score }
    }
  }
  if (best) return { claim: best.claim, confidence: Math.min(0.9, 0.5 + best.score / 40) }
  if (s.stance !== 'deny' || !REFERRING.test(frame(text, s))) return undefined
  let latest: { claim: C; at: number } | undefined
  for (const c of claims) {
    for (const x of c.statements) {
      const at = x.content[0].start
      if (!asserts(x) || sameSpeaker(x, s) || at >= s.content[0].start || s.content[0].start - at > NEAR) continue
      if (!latest || at > latest.at) latest = { claim: c.claim, at }
    }
  }
  return latest && { claim: latest.claim, confidence: 0.5 }
}
