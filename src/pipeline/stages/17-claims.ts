// Stage 17, claims: takes the article's statements and its text; gives the statements filed under claims (each
// with its claim id and link) and the claims (id, and the words of the first statement asserting or confirming
// it, else of its first statement). Statements the learned pair model (src/claims/) finds to say the same thing
// share a claim, as do statements sharing half their words; a denial that points back ("such a request", "the
// report") is filed under the claim it points to; an accusation of lying under the claim of those it accuses;
// a denial, confirmation or decline that none of these place, under the earlier claim its sentence answers
// (answered.ts). Links across articles are the store's (src/store/across-articles.ts).
import { type Entry, entryOf } from '../../claims/entry.js'
import { pairFeatures } from '../../claims/pair-features.js'
import { type PairModel, sameProbability } from '../../claims/pair-model.js'
import { PAIR_MODEL } from '../../claims/pair-weights.js'
import { answeredClaim, rarity } from '../answered.js'
import { REFERRING, REFERRING_NOUNS } from '../rules/anaphora.js'
import type { ClaimDraft, ClaimLink, Statement } from '../types.js'

const STOP = new Set(
  'the a an of to in on at for and or but that this with from by as is are was were be been has have had it its their his her they he she we our will would not no any such also than then there which who'.split(
    ' ',
  ),
)

const contentOf = (s: Statement) => s.content.map((c) => c.text).join(' … ')

interface Filed {
  id: string
  statements: Statement[]
  /** The pair model's view of each different content filed under it, and its words: a content said twice is compared once. */
  entries: Entry[]
  words: Set<string>[]
  said: Set<string>
}

/**
 * How many of the latest claims a statement is compared with. A story files a few dozen; a hostile page of
 * tens of thousands of statements would otherwise compare each with all before it.
 */
const CLAIMS_COMPARED = 500

interface Found {
  claim: Filed
  link: ClaimLink
}

/** "Russia's request": a possessive and its noun (not "he's", "it's"); one start per word, so no backtracking. */
const POSSESSIVE_MENTION = /(?<![\p{L}.-])(?!(?:he|she|it|that|there|what|who|let|here|where)['’]s\b)[\p{L}.-]+['’]s [\w-]+/gu

const asserts = (x: Statement) => x.stance === 'assert' || x.stance === 'confirm'

/**
 * The claim a referring denial or confirmation points back to: the first whose words make what the noun names
 * ("the request" ← "sought"); a bare "it" points at the latest claim asserted, a weaker link.
 */
function referent(s: Statement, claims: Filed[]): Found | undefined {
  const m = REFERRING.exec(contentOf(s))
  if (!m) return undefined
  if (!m[1]) {
    const latest = claims.filter((c) => c.statements.some(asserts)).at(-1)
    return latest && { claim: latest, link: { how: 'refers-back', confidence: 0.6 } }
  }
  const makers = REFERRING_NOUNS[m[1].toLowerCase()] ?? []
  // What was reported, said or requested: the words of the statement, its cue and its source.
  // "The request, which included drones, ..." points back itself: a definite mention is not where it began, nor
  // is a possessive one ("Russia's request reportedly surfaced before …").
  const said = (x: Statement) =>
    [contentOf(x), x.cue?.text ?? '', x.speaker?.mention?.text ?? '']
      .join(' ')
      .toLowerCase()
      .replace(/\b(the|this|that|these|those|such an?|such) [\w-]+/g, ' ')
      .replace(POSSESSIVE_MENTION, ' ')
  for (const w of makers) {
    const found = claims.find((c) => c.statements.some((x) => asserts(x) && said(x).includes(w)))
    if (found) return { claim: found, link: { how: 'refers-back', confidence: 0.8 } }
  }
  return undefined
}

/** "accused the U.S. of spreading disinformation" is filed under what the U.S. side asserted. */
function accused(s: Statement, claims: Filed[]): Found | undefined {
  if (s.stance !== 'deny' || s.rule === 'continuation-quote') return undefined
  const target = /^(?:the )?(.+?) of\b/i.exec(s.content[0]?.text ?? '')?.[1]
  if (!target) return undefined
  const words = target
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !STOP.has(w))
  const found = claims.find((c) =>
    c.statements.some((x) => asserts(x) && x.speaker && words.some((w) => x.speaker!.name.toLowerCase().split(/\s+/).includes(w))),
  )
  return found && { claim: found, link: { how: 'accuses', confidence: 0.6 } }
}

const stems = (text: string) =>
  new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 1).map((w) => w.slice(0, 6)))

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  return (2 * shared) / (a.size + b.size)
}

/** Half the words (by their first six letters) shared: a headline and its paragraph, a quote and its retelling. */
const SAME_WORDS = 0.5

function sameWords(words: Set<string>, claims: Filed[]): Found | undefined {
  let best: Filed | undefined
  let score = SAME_WORDS
  for (const c of claims) {
    for (const other of c.words) {
      const d = dice(words, other)
      if (d >= score) [best, score] = [c, d]
    }
  }
  return best && { claim: best, link: { how: 'same-words', confidence: Math.round((0.5 + score / 2) * 100) / 100 } }
}

/** Within one article every word weighs the same: a story is too short to tell its rare words from its topic. */
const FLAT = () => 1

/** The claim whose statement the pair model finds most likely the same, from its within-article threshold. */
function similar(entry: Entry, claims: Filed[], model: PairModel, threshold: number): Found | undefined {
  let best: Filed | undefined
  let score = threshold
  for (const c of claims) {
    for (const other of c.entries) {
      const p = sameProbability(model, pairFeatures(entry, other, FLAT))
      if (p >= score) [best, score] = [c, p]
    }
  }
  return best && { claim: best, link: { how: 'same-words', confidence: Math.round(score * 100) / 100 } }
}

export interface FilingOptions {
  /** The pair model, and the probability from which two statements of one article are one claim. */
  model?: PairModel
  threshold?: number
  /** false: the pair model alone, without the word-share rule (to measure either). */
  wordsAlone?: boolean
}

/** `text`: the article, for the sentence around a denial that does not repeat what it answers. */
export function fileClaims(
  statements: Statement[],
  text = '',
  options: FilingOptions = {},
): { statements: Statement[]; claims: ClaimDraft[] } {
  const model = options.model ?? PAIR_MODEL
  const threshold = options.threshold ?? model.withinThreshold ?? model.threshold
  const filed: Filed[] = []
  let idf: ReturnType<typeof rarity> | undefined
  const out = statements.map((s) => {
    const pointsBack = s.stance === 'deny' || s.stance === 'confirm' || s.stance === 'decline'
    const recent = filed.length > CLAIMS_COMPARED ? filed.slice(-CLAIMS_COMPARED) : filed
    const answered = () => {
      idf ??= rarity(statements)
      const a = answeredClaim(
        text,
        s,
        recent.map((c) => ({ claim: c, statements: c.statements })),
        idf,
      )
      return a && { claim: a.claim, link: { how: 'answers' as const, confidence: Math.round(a.confidence * 100) / 100 } }
    }
    const entry = entryOf('', {
      id: '',
      content: contentOf(s),
      speaker: s.speaker,
      stance: s.stance,
      date: s.date,
      article: 'this',
      at: s.content[0]?.start ?? 0,
    })
    const words = stems(contentOf(s))
    // The pair model first; half the words shared still makes one claim where the model is unsure.
    const like = () => similar(entry, recent, model, threshold) ?? (options.wordsAlone === false ? undefined : sameWords(words, recent))
    const found = (pointsBack ? (referent(s, recent) ?? accused(s, recent) ?? like() ?? answered()) : undefined) ?? like()
    const target = found?.claim ?? { id: `c${filed.length + 1}`, statements: [], entries: [], words: [], said: new Set<string>() }
    if (!found) filed.push(target)
    target.statements.push(s)
    const key = [...entry.terms.keys()].join(' ')
    if (!target.said.has(key)) {
      target.said.add(key)
      target.entries.push(entry)
      target.words.push(words)
    }
    return { ...s, claim: target.id, link: found?.link ?? { how: 'new' as const, confidence: 1 } }
  })
  const claims = filed.map((c) => ({ id: c.id, text: contentOf(c.statements.find(asserts) ?? c.statements[0]) }))
  return { statements: out, claims }
}
