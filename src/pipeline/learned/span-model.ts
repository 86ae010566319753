// The content span model: where the rules' content of a statement should start and end. The rules propose a
// span; the candidates are the spans starting up to 6 words either side of its start and ending up to 6 either
// side of its end, within the sentence, never over the cue and never opening a quotation they do not close. A
// linear model scores each candidate by features of its two edges (the words at and beside each, their shape,
// how far each moved from the rules' edge, what lies between the cue and the content) and of the pair (length,
// quotation marks inside); the best one is the content. Its weights are learned by `npm run train:spans`.
import { datePhrases } from '../dates.js'
import { lexiconRule } from '../stages/04-cues.js'
import type { Kind, Span } from '../types.js'

export interface SpanModel {
  /** Where the weights came from: the corpus, its digest, the seed and passes of training. */
  about: Record<string, string | number>
  weights: Record<string, number>
}

interface Token {
  w: string
  s: number
  e: number
  /** Lower-cased, and its shape: Cap, low, num, or the mark itself. */
  l: string
  sh: string
}

/** An article's tokens, made once per text and asked about each statement. */
export interface Tokens {
  text: string
  toks: Token[]
  /** Quotation marks among the first i tokens. */
  marks: number[]
  /** The first and last token of each token's sentence: up to a line break, or a full stop. */
  first: Int32Array
  last: Int32Array
}

/** What the rules proposed for one statement. */
export interface Proposal {
  content: Span
  cue: Span | null
  kind: Kind
  rule: string
  /** The words of the cue's sentence as compromise tagged them for the rules (04-cues.ts), offsets in the text. */
  tagged?: ReadonlyArray<{ start: number; end: number; tags: ReadonlySet<string> }>
  /** The sentence as the pipeline segmented it, without what it skips ("KYIV (Reuters) - "): no candidate leaves it. */
  sentence?: { start: number; end: number }
}

/** A content span a candidate gives, and how much better it scored than the runner-up. */
export interface Respanned {
  span: Span
  margin: number
  /** The candidate is the rules' own span. */
  same: boolean
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{N}]/gu
const WORDLIKE = /^[\p{L}\p{N}]/u
const MARK = /^["“”„«»]$/
const FINAL = /^[.!?]$/
const BEFORE = 6
const AFTER = 6

export function tokensOf(text: string): Tokens {
  const toks = [...text.matchAll(TOKEN)].map((m) => ({
    w: m[0],
    s: m.index,
    e: m.index + m[0].length,
    l: m[0].toLowerCase(),
    sh: /^\p{Lu}/u.test(m[0]) ? 'C' : /^\p{L}/u.test(m[0]) ? 'l' : /^\p{N}/u.test(m[0]) ? 'n' : m[0],
  }))
  const marks = [0]
  for (const t of toks) marks.push(marks[marks.length - 1] + (MARK.test(t.w) ? 1 : 0))
  const first = new Int32Array(toks.length)
  const last = new Int32Array(toks.length)
  let from = 0
  for (let i = 0; i < toks.length; i++) {
    first[i] = from
    const ends = i === toks.length - 1 || FINAL.test(toks[i].w) || text.slice(toks[i].e, toks[i + 1].s).includes('\n')
    if (ends) {
      last.fill(i, from, i + 1)
      from = i + 1
    }
  }
  return { text, toks, marks, first, last }
}

// The first of these a word carries is its part of speech here.
export const PARTS = [
  'Modal',
  'Auxiliary',
  'Copula',
  'Gerund',
  'PastTense',
  'Infinitive',
  'PresentTense',
  'Verb',
  'Pronoun',
  'ProperNoun',
  'Noun',
  'Adjective',
  'Adverb',
  'Preposition',
  'Conjunction',
  'Determiner',
  'QuestionWord',
  'Value',
]

/**
 * The frames of the rules' proposals. A word's part of speech is the one compromise gave it when the rules read
 * the cue's sentence: the model tags nothing itself, and a word outside that sentence has none ('X').
 */
export function framed(text: string, proposals: Proposal[]): { t: Tokens; frames: Array<Frame | null> } {
  const t = tokensOf(text)
  const frames = proposals.map((p) => {
    if (!respans(p.rule)) return null
    const f = frameOf(t, p.content, p.cue, p.kind, p.rule)
    if (f && p.sentence) {
      f.lo = Math.max(f.lo, Math.min(f.i0, tokenAt(t.toks, p.sentence.start)))
      f.hi = Math.min(f.hi, Math.max(f.i1, tokenAt(t.toks, p.sentence.end) - 1))
    }
    if (!f || !p.tagged?.length) return f
    let i = tokenAt(t.toks, p.tagged[0].start)
    for (const w of p.tagged) {
      while (i < t.toks.length && t.toks[i].s < w.start) i++
      const part = PARTS.find((x) => w.tags.has(x)) ?? 'X'
      for (let k = i; k < t.toks.length && t.toks[k].s < w.end; k++) if (!f.parts.has(k)) f.parts.set(k, part)
    }
    return f
  })
  return { t, frames }
}

/** A token's part of speech in this frame; a mark is itself. */
const partOf = (t: Tokens, f: Frame, i: number) => {
  const tok = t.toks[i]
  return !tok ? '<none>' : WORDLIKE.test(tok.w) ? (f.parts.get(i) ?? 'X') : tok.w
}

/** The first token starting at or after `offset`. */
export function tokenAt(toks: Token[], offset: number): number {
  let [lo, hi] = [0, toks.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (toks[mid].s < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** What one statement's candidates are built from: its rules' span and cue as token indexes, and its sentence. */
export interface Frame {
  kind: Kind
  /** The attribution pattern that proposed the span, and the cue's words, lower-cased ('' without one). */
  rule: string
  cue: string
  /** The lexicon's family of the cue: what is praised or promised is an object, which keeps the rules' end. */
  object: boolean
  /**
   * What was declined or refused ("declined to comment on …", "refused to pledge …") or asked ("Asked about the
   * army's role, …") keeps the rules' start: the question word or the infinitive opens it, and the stance reads it.
   */
  keepsStart: boolean
  i0: number
  i1: number
  lo: number
  hi: number
  cue0: number
  cue1: number
  /** The part of speech of each word near the edges, by token index, as compromise tags the stretch around it. */
  parts: Map<number, string>
}

/** "denied [responsibility for the attack]", "claimed [credit for …]": the noun is what is denied or claimed. */
const INVOLVEMENT =
  /^(any |all )?(responsibility|credit|blame|involvement|role|knowledge|links?|ties|complicity|existence) (for|in|of|to|with)\b/i

export function frameOf(t: Tokens, content: Span, cue: Span | null, kind: Kind, rule: string): Frame | null {
  const { toks } = t
  const i0 = tokenAt(toks, content.start)
  let i1 = tokenAt(toks, content.end) - 1
  while (i1 > i0 && toks[i1].e > content.end) i1--
  if (i0 >= toks.length || i1 < i0) return null
  const [lo, hi] = [t.first[i0], t.last[i1]]
  const cue0 = cue ? tokenAt(toks, cue.start) : -1
  const cue1 = cue ? tokenAt(toks, cue.end) - 1 : -1
  const lexicon = cue ? lexiconRule(cue.text) : undefined
  const family = lexicon?.family
  const object = family === 'evaluation' || family === 'intention' || family === 'evidence'
  return {
    kind,
    rule,
    cue: cue ? cue.text.toLowerCase() : '',
    object,
    keepsStart:
      lexicon?.stance === 'decline' ||
      lexicon?.lemma === 'refuse' ||
      rule === 'asked-question' ||
      INVOLVEMENT.test(t.text.slice(content.start)),
    i0,
    i1,
    lo,
    hi,
    cue0,
    cue1,
    parts: new Map(),
  }
}

/** The candidates' starts and ends: words only, besides the rules' own edges. */
function edges(t: Tokens, f: Frame): { starts: number[]; ends: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  for (let a = Math.max(f.lo, f.i0 - BEFORE); a <= Math.min(f.i1, f.i0 + BEFORE); a++)
    if (a === f.i0 || WORDLIKE.test(t.toks[a].w)) starts.push(a)
  for (let b = Math.max(f.i0, f.i1 - AFTER); b <= Math.min(f.hi, f.i1 + AFTER); b++)
    if (b === f.i1 || WORDLIKE.test(t.toks[b].w)) ends.push(b)
  return { starts, ends }
}

/**
 * Whether [a, b] may be a content: not over the cue, closing every quotation it opens, and keeping what the rules
 * know: an object's end stays where they put it ("mocked his rival | on social media"). Whether its start may be
 * a is `startAllowed`'s, asked once per start.
 */
export function allowed(t: Tokens, f: Frame, a: number, b: number): boolean {
  if (b < a) return false
  if (a === f.i0 && b === f.i1) return true
  if (f.cue0 >= 0 && f.cue0 <= b && f.cue1 >= a) return false
  if (f.object && b > f.i1) return false
  return (t.marks[b + 1] - t.marks[a]) % 2 === 0
}

/**
 * A time phrase the rules left out before the content stays out ("said the day before that …"), and what was
 * declined keeps its start ("declined [to comment on …]").
 */
export function startAllowed(t: Tokens, f: Frame, a: number): boolean {
  if (a > f.i0) return !f.keepsStart
  return a === f.i0 || !timePhrase(t.text.slice(t.toks[a].s, t.toks[f.i0].s))
}

/** A time phrase the rules left out after the content stays out: "confirmed it | on Tuesday". */
export function endAllowed(t: Tokens, f: Frame, b: number): boolean {
  return b <= f.i1 || !timePhrase(t.text.slice(t.toks[f.i1].e, t.toks[b].e))
}

const timePhrase = (words: string) => TIMELY.test(words) && datePhrases(words, 0, null).length > 0
/** Words without which there is no time phrase: read them before asking dates.ts. */
const TIMELY =
  /\d|day|week|month|year|night|morning|noon|evening|ago|earlier|later|last|next|recent|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i

const low = (t: Token | undefined) => (t ? t.l : '<none>')
const shape = (t: Token | undefined) => (t ? t.sh : 'none')
const bucket = (d: number) =>
  d === 0 ? '0' : d > 0 ? (d <= 2 ? `+${d}` : d <= 5 ? '+3-5' : '+6+') : d >= -2 ? `${d}` : d >= -5 ? '-3-5' : '-6-'
/** The words of tokens [a, b) joined, or "long" past three. */
const words = (toks: Token[], a: number, b: number) =>
  b - a > 3
    ? 'long'
    : toks
        .slice(a, b)
        .map((x) => x.l)
        .join('_') || 'none'

/** The parts of speech of tokens [a, b), the first four of them. */
const partsOf = (t: Tokens, f: Frame, a: number, b: number) => {
  const out: string[] = []
  for (let i = a; i < Math.min(b, a + 4); i++) out.push(partOf(t, f, i))
  return b - a > 4 ? `${out.join('_')}_…` : out.join('_')
}

/** Features of a candidate starting at token a. */
export function startFeatures(t: Tokens, f: Frame, a: number): string[] {
  const { toks } = t
  const k = f.kind[0]
  const [first, prev] = [toks[a], toks[a - 1]]
  const ds = bucket(a - f.i0)
  const out = [
    `ds=${ds}`,
    `${k}|ds=${ds}`,
    `first=${low(first)}`,
    `prev=${low(prev)}`,
    `prev|first=${low(prev)}|${shape(first)}`,
    `fshape=${shape(first)}`,
    `pshape=${shape(prev)}`,
    `${k}|prev=${low(prev)}`,
    `${k}|first=${low(first)}`,
    `atSentStart=${a === f.lo}`,
    `sameStart=${a === f.i0}|${k}`,
    `prev|ds=${low(prev)}|${ds}`,
    `first|ds=${low(first)}|${ds}`,
    `prev2=${low(toks[a - 2])}|${low(prev)}`,
    `first2=${low(first)}|${low(toks[a + 1])}`,
    `prev|first=${low(prev)}|${low(first)}`,
  ]
  const [pf, pp] = [partOf(t, f, a), partOf(t, f, a - 1)]
  out.push(`pf=${pf}`, `pp=${pp}`, `pp|pf=${pp}|${pf}`, `${k}|pp|pf=${pp}|${pf}`, `U${f.cue}|pf=${pf}`, `${f.rule}|pp|pf=${pp}|${pf}`)
  out.push(`${f.rule}|ds=${ds}`, `U${f.cue}|ds=${ds}`, `U${f.cue}|first=${low(first)}`, `U${f.cue}|prev=${low(prev)}`)
  // What the candidate adds before the rules' start, or leaves out after it: "the day before", "to".
  if (a < f.i0) out.push(`added=${words(toks, a, f.i0)}`, `addedPos=${partsOf(t, f, a, f.i0)}`, `${f.rule}|added=${partsOf(t, f, a, f.i0)}`)
  if (a > f.i0)
    out.push(`dropped=${words(toks, f.i0, a)}`, `droppedPos=${partsOf(t, f, f.i0, a)}`, `${f.rule}|dropped=${partsOf(t, f, f.i0, a)}`)
  if (f.cue1 >= 0 && f.cue1 < a) out.push(`gap=${words(toks, f.cue1 + 1, a)}`, `${k}|gapn=${Math.min(a - f.cue1 - 1, 6)}`)
  return out
}

/** Features of a candidate ending at token b. */
export function endFeatures(t: Tokens, f: Frame, b: number): string[] {
  const { toks } = t
  const k = f.kind[0]
  const [last, next] = [toks[b], toks[b + 1]]
  const de = bucket(b - f.i1)
  const out = [
    `de=${de}`,
    `${k}|de=${de}`,
    `last=${low(last)}`,
    `next=${low(next)}`,
    `next2=${low(next)}|${low(toks[b + 2])}`,
    `lshape=${shape(last)}`,
    `nshape=${shape(next)}`,
    `${k}|next=${low(next)}`,
    `${k}|last=${low(last)}`,
    `atSentEnd=${b === f.hi || (b === f.hi - 1 && FINAL.test(toks[f.hi].w))}`,
    `sameEnd=${b === f.i1}|${k}`,
    `last|de=${low(last)}|${de}`,
    `next|de=${low(next)}|${de}`,
    `last2=${low(toks[b - 1])}|${low(last)}`,
    `last|next=${low(last)}|${low(next)}`,
  ]
  const [pl, pn] = [partOf(t, f, b), partOf(t, f, b + 1)]
  out.push(
    `pl=${pl}`,
    `pn=${pn}`,
    `pl|pn=${pl}|${pn}`,
    `${k}|pl|pn=${pl}|${pn}`,
    `pn|n2=${pn}|${low(toks[b + 2])}`,
    `${f.rule}|pl|pn=${pl}|${pn}`,
  )
  out.push(`${f.rule}|de=${de}`, `U${f.cue}|de=${de}`, `U${f.cue}|next=${low(next)}`)
  // What the candidate adds after the rules' end, or leaves out before it: "on social media", "fell apart".
  if (b > f.i1)
    out.push(
      `addedEnd=${words(toks, f.i1 + 1, b + 1)}`,
      `addedEndPos=${partsOf(t, f, f.i1 + 1, b + 1)}`,
      `${f.rule}|addedEnd=${partsOf(t, f, f.i1 + 1, b + 1)}`,
    )
  if (b < f.i1)
    out.push(
      `droppedEnd=${words(toks, b + 1, f.i1 + 1)}`,
      `droppedEndPos=${partsOf(t, f, b + 1, f.i1 + 1)}`,
      `${f.rule}|droppedEnd=${partsOf(t, f, b + 1, f.i1 + 1)}`,
    )
  if (f.cue0 > b) out.push(`after=${words(toks, b + 1, f.cue0)}`)
  return out
}

/** Features of the pair: its length against the rules', and the quotation marks inside it. */
export function pairFeatures(t: Tokens, f: Frame, a: number, b: number): string[] {
  const quotes = Math.min(t.marks[b + 1] - t.marks[a], 3)
  return [
    `len=${bucket(Math.min(30, b - a) - Math.min(30, f.i1 - f.i0))}`,
    `same=${a === f.i0 && b === f.i1}`,
    `quotesIn=${quotes}`,
    `${f.kind[0]}|quotesIn=${quotes}`,
  ]
}

/** Every allowed candidate with its features, split by edge so that each edge is featured once. */
export function candidatesOf(
  t: Tokens,
  f: Frame,
): { starts: number[]; ends: number[]; startF: string[][]; endF: string[][]; pairs: Array<[number, number]> } {
  const { starts, ends } = edges(t, f)
  const pairs: Array<[number, number]> = []
  const endsAllowed = ends.map((b) => endAllowed(t, f, b))
  for (const [i, a] of starts.entries())
    if (startAllowed(t, f, a)) for (const [j, b] of ends.entries()) if (endsAllowed[j] && allowed(t, f, a, b)) pairs.push([i, j])
  return {
    starts,
    ends,
    startF: starts.map((a) => startFeatures(t, f, a)),
    endF: ends.map((b) => endFeatures(t, f, b)),
    pairs,
  }
}

export type Weigh = (feature: string) => number
const weighers = new WeakMap<SpanModel, Weigh>()
/** The model's weights as a lookup: a Map, made once per model, is faster than a 100,000-key object. */
function weigherOf(model: SpanModel): Weigh {
  let weigh = weighers.get(model)
  if (!weigh) {
    const map = new Map(Object.entries(model.weights))
    weigh = (x) => map.get(x) ?? 0
    weighers.set(model, weigh)
  }
  return weigh
}
const sum = (weigh: Weigh, fs: string[]) => fs.reduce((s, x) => s + weigh(x), 0)

/** The best candidate's index in `pairs`, and its margin over the runner-up. */
export function bestCandidate(t: Tokens, f: Frame, c: ReturnType<typeof candidatesOf>, weigh: Weigh): [number, number] {
  const s = c.startF.map((fs) => sum(weigh, fs))
  const e = c.endF.map((fs) => sum(weigh, fs))
  let [at, most, second] = [-1, -Infinity, -Infinity]
  // The pair's features take few values (its length against the rules', the marks inside, whether it is theirs):
  // each is scored once.
  const paired = new Map<number, number>()
  const span = Math.min(30, f.i1 - f.i0)
  for (const [n, [i, j]] of c.pairs.entries()) {
    const [a, b] = [c.starts[i], c.ends[j]]
    const key = ((Math.min(30, b - a) - span + 40) * 4 + Math.min(3, t.marks[b + 1] - t.marks[a])) * 2 + (a === f.i0 && b === f.i1 ? 1 : 0)
    let pair = paired.get(key)
    if (pair === undefined) paired.set(key, (pair = sum(weigh, pairFeatures(t, f, a, b))))
    const score = s[i] + e[j] + pair
    if (score > most) [at, most, second] = [n, score, most]
    else if (score > second) second = score
  }
  return [at, Number.isFinite(second) ? most - second : 0]
}

const firstWord = (t: Tokens, a: number, b: number) => {
  while (a < b && !WORDLIKE.test(t.toks[a].w)) a++
  return a
}
const lastWord = (t: Tokens, a: number, b: number) => {
  while (b > a && !WORDLIKE.test(t.toks[b].w)) b--
  return b
}

/**
 * The patterns whose spans the model decides: those that read reported speech off a clause. A quote's marks
 * already say where it begins and ends (the model won back nothing there under cross-validation), and a noun
 * cue's content ends before the sentence's verb by design ("his claim that … | fell apart").
 */
const RESPANNED = new Set([
  'name-verb-clause',
  'clause-comma-name-verb',
  'clause-comma-verb-name',
  'clause-quote',
  'according-to',
  'asked-question',
  'no-reply',
  'no-source',
])
export const respans = (rule: string) => RESPANNED.has(rule)

/** The model's content for each proposal, or null where it has nothing to choose among. */
export function respanAll(model: SpanModel, text: string, proposals: Proposal[]): Array<Respanned | null> {
  // An article whose statements are all quotes is not tokenized again.
  if (!proposals.some((p) => respans(p.rule))) return proposals.map(() => null)
  const { t, frames } = framed(text, proposals)
  const weigh = weigherOf(model)
  return frames.map((f) => {
    if (!f) return null
    const c = candidatesOf(t, f)
    if (!c.pairs.length) return null
    const [at, margin] = bestCandidate(t, f, c, weigh)
    const [i, j] = c.pairs[at]
    // An edge on the rules' first or last word keeps the rules' own punctuation ('"… our fix!" Clinton said'),
    // unless that would leave a quotation mark unpaired.
    let a = c.starts[i] === firstWord(t, f.i0, f.i1) ? f.i0 : c.starts[i]
    let b = c.ends[j] === lastWord(t, f.i0, f.i1) ? f.i1 : c.ends[j]
    if ((t.marks[b + 1] - t.marks[a]) % 2 !== 0) [a, b] = [c.starts[i], c.ends[j]]
    const start = t.toks[a].s
    const end = t.toks[b].e
    return { span: { start, end, text: text.slice(start, end) }, margin, same: a === f.i0 && b === f.i1 }
  })
}
