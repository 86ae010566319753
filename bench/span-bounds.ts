// `npm run eval:spans`: how far the rules' content boundaries are from the gold, and how much of it a learned
// boundary ranker wins back, under k-fold cross-validation by article (issue 19's first measurement). For each
// statement with one content span, candidates are the spans starting up to 6 tokens either side of the rules'
// start and ending up to 10 either side of their end, within the sentence; "oracle" counts the matched
// statements one candidate gets exactly right (score.mjs's token rule). An averaged structured perceptron ranks
// the candidates by features of their edges (the words at and beside each edge, their distance from the rules'
// edges, what lies between the cue and the content); trained on k-1 folds, it re-spans the held-out fold. The
// re-spanned predictions and the rules' own are written beside each other and scored with score.mjs.
//
//   npm run eval:spans -- [--gold dev.jsonl] [--limit N] [--folds 5] [--epochs 10] [--out DIR]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { articleFromLine } from '../src/ingest/article-line.js'
import { extract } from '../src/pipeline/extract.js'
import type { Span, Statement } from '../src/pipeline/types.js'
import { benchOptions, devLines, ROOT } from './dev-articles.js'

interface GoldQuote {
  content: Span
  content_parts?: Span[]
}
interface GoldDoc {
  id: string
  text: string
  quotes: GoldQuote[]
}
interface Token {
  w: string
  s: number
  e: number
}
interface Instance {
  statement: Statement
  toks: Token[]
  /** The rules' first and last token, the sentence's, and the cue's first and last (-1 without one). */
  i0: number
  i1: number
  lo: number
  hi: number
  cue0: number
  cue1: number
  cands: Array<[number, number]>
  labels: boolean[]
  matched: boolean
  exactNow: boolean
}

const options = benchOptions({
  folds: { type: 'string', default: '5' },
  epochs: { type: 'string', default: '10' },
  out: { type: 'string' },
})
const FOLDS = Number(options.values.folds)
const EPOCHS = Number(options.values.epochs)
const WORD = /[\p{L}\p{N}]+/gu
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{N}]/gu

const wordsIn = (text: string, spans: Span[]) => {
  const out: number[] = []
  for (const s of spans) for (const m of text.slice(s.start, s.end).matchAll(WORD)) out.push(s.start + m.index)
  return out.join(',')
}
/** The first token starting at or after `offset`. */
const tokenAt = (toks: Token[], offset: number) => {
  let [lo, hi] = [0, toks.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (toks[mid].s < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function instances(doc: GoldDoc, statements: Statement[]): Instance[] {
  const { text } = doc
  const toks = [...text.matchAll(TOKEN)].map((m) => ({ w: m[0], s: m.index, e: m.index + m[0].length }))
  const gold = doc.quotes.map((q) =>
    wordsIn(text, q.content_parts ?? [q.content])
      .split(',')
      .filter(Boolean),
  )
  const out: Instance[] = []
  const breaks = (i: number) => /\n/.test(text.slice(toks[i].e, toks[i + 1].s))
  for (const statement of statements) {
    if (statement.content.length !== 1) continue
    const { start, end } = statement.content[0]
    const mine = wordsIn(text, statement.content).split(',').filter(Boolean)
    if (!mine.length) continue
    let best = -1
    let most = 0
    for (const [i, g] of gold.entries()) {
      const theirs = new Set(g)
      const shared = mine.filter((x) => theirs.has(x)).length
      if (shared * 2 >= g.length && shared * 2 >= mine.length && shared > most) [best, most] = [i, shared]
    }
    const i0 = tokenAt(toks, start)
    let i1 = tokenAt(toks, end) - 1
    while (i1 > i0 && toks[i1].e > end) i1--
    if (i0 >= toks.length || i1 < i0) continue
    let lo = i0
    while (lo > 0 && !breaks(lo - 1) && !(/^[.!?]$/.test(toks[lo - 1].w) && lo < i0)) lo--
    let hi = i1
    while (hi < toks.length - 1 && !breaks(hi) && !(/^[.!?]$/.test(toks[hi].w) && hi > i1)) hi++
    const cands: Array<[number, number]> = []
    for (let a = Math.max(lo, i0 - 6); a <= Math.min(i1, i0 + 6); a++)
      for (let b = Math.max(a, i1 - 10); b <= Math.min(hi, i1 + 10); b++) cands.push([a, b])
    const wanted = best >= 0 ? gold[best].join(',') : null
    const labels = cands.map(([a, b]) => wanted !== null && wordsIn(text, [{ start: toks[a].s, end: toks[b].e, text: '' }]) === wanted)
    const cue0 = statement.cue ? tokenAt(toks, statement.cue.start) : -1
    const cue1 = statement.cue ? tokenAt(toks, statement.cue.end) - 1 : -1
    out.push({
      statement,
      toks,
      i0,
      i1,
      lo,
      hi,
      cue0,
      cue1,
      cands,
      labels,
      matched: best >= 0,
      exactNow: wanted !== null && mine.join(',') === wanted,
    })
  }
  return out
}

const low = (t: Token | undefined) => (t ? t.w.toLowerCase() : '<none>')
const shape = (t: Token | undefined) =>
  !t ? 'none' : /^\p{Lu}/u.test(t.w) ? 'Cap' : /^\p{L}/u.test(t.w) ? 'low' : /^\p{N}/u.test(t.w) ? 'num' : t.w
const bucket = (d: number) =>
  d === 0 ? '0' : d > 0 ? (d <= 2 ? `+${d}` : d <= 5 ? '+3-5' : '+6+') : d >= -2 ? `${d}` : d >= -5 ? '-3-5' : '-6-'
const words = (toks: Token[]) => (toks.length > 3 ? 'long' : toks.map((t) => t.w.toLowerCase()).join('_') || 'none')

function features(x: Instance, [a, b]: [number, number]): string[] {
  const { toks, i0, i1 } = x
  const k = x.statement.kind
  const [first, prev, last, next] = [toks[a], toks[a - 1], toks[b], toks[b + 1]]
  const [ds, de] = [bucket(a - i0), bucket(b - i1)]
  let quotes = 0
  for (let i = a; i <= b; i++) if (/^["“”]$/.test(toks[i].w)) quotes++
  const f = [
    `ds=${ds}`,
    `de=${de}`,
    `k=${k}|ds=${ds}`,
    `k=${k}|de=${de}`,
    `first=${low(first)}`,
    `prev=${low(prev)}`,
    `prev|first=${low(prev)}|${shape(first)}`,
    `fshape=${shape(first)}`,
    `pshape=${shape(prev)}`,
    `last=${low(last)}`,
    `next=${low(next)}`,
    `next2=${low(next)}|${low(toks[b + 2])}`,
    `lshape=${shape(last)}`,
    `nshape=${shape(next)}`,
    `k=${k}|prev=${low(prev)}`,
    `k=${k}|next=${low(next)}`,
    `k=${k}|last=${low(last)}`,
    `k=${k}|first=${low(first)}`,
    `atSentStart=${a === x.lo}`,
    `atSentEnd=${b === x.hi || (b === x.hi - 1 && /^[.!?]$/.test(toks[x.hi].w))}`,
    `len=${bucket(Math.min(30, b - a) - Math.min(30, i1 - i0))}`,
    `same=${a === i0 && b === i1}`,
    `sameStart=${a === i0}|k=${k}`,
    `sameEnd=${b === i1}|k=${k}`,
    `prev|ds=${low(prev)}|${ds}`,
    `first|ds=${low(first)}|${ds}`,
    `last|de=${low(last)}|${de}`,
    `next|de=${low(next)}|${de}`,
    `quotesIn=${Math.min(quotes, 3)}`,
    `k=${k}|quotesIn=${Math.min(quotes, 3)}`,
    `prev2=${low(toks[a - 2])}|${low(prev)}`,
    `first2=${low(first)}|${low(toks[a + 1])}`,
    `last2=${low(toks[b - 1])}|${low(last)}`,
    `prev|first=${low(prev)}|${low(first)}`,
    `last|next=${low(last)}|${low(next)}`,
  ]
  if (x.cue0 >= 0) {
    f.push(`cueInside=${x.cue0 >= a && x.cue0 <= b}`)
    if (x.cue1 < a) f.push(`gap=${words(toks.slice(x.cue1 + 1, a))}`, `k=${k}|gapn=${Math.min(a - x.cue1 - 1, 6)}`)
    else if (x.cue0 > b) f.push(`after=${words(toks.slice(b + 1, x.cue0))}`)
  }
  return f
}

type Weights = Map<string, number>
const scoreOf = (w: Weights, f: string[]) => f.reduce((s, x) => s + (w.get(x) ?? 0), 0)
const bestOf = (w: Weights, x: Instance) => {
  let [at, most] = [0, -Infinity]
  x.cands.forEach((c, i) => {
    const s = scoreOf(w, features(x, c))
    if (s > most) [at, most] = [i, s]
  })
  return at
}

/** An averaged structured perceptron: the best candidate against one exactly right, over `EPOCHS` passes in order. */
function train(examples: Instance[]): Weights {
  const w: Weights = new Map()
  const total = new Map<string, number>()
  const stamp = new Map<string, number>()
  let c = 1
  const update = (f: string[], d: number) => {
    for (const x of f) {
      const now = w.get(x) ?? 0
      total.set(x, (total.get(x) ?? 0) + (c - (stamp.get(x) ?? 0)) * now)
      stamp.set(x, c)
      w.set(x, now + d)
    }
  }
  for (let e = 0; e < EPOCHS; e++) {
    for (const x of examples) {
      if (!x.labels.some(Boolean)) continue
      const at = bestOf(w, x)
      if (!x.labels[at]) {
        update(features(x, x.cands[x.labels.indexOf(true)]), 1)
        update(features(x, x.cands[at]), -1)
      }
      c++
    }
  }
  const averaged: Weights = new Map()
  for (const [x, now] of w) averaged.set(x, ((total.get(x) ?? 0) + (c - (stamp.get(x) ?? 0)) * now) / c)
  return averaged
}

const started = performance.now()
const docs = devLines(options).map((line, n) => {
  const doc = JSON.parse(line) as GoldDoc
  return { doc, statements: extract(articleFromLine(line, `dev:${n + 1}`)).statements }
})
const extracted = performance.now()
const before = docs.map(({ doc, statements }) => JSON.stringify({ id: doc.id, statements: structuredClone(statements) }))
const all = docs.map(({ doc, statements }) => instances(doc, statements))
const matched = all.flat().filter((x) => x.matched)
let [exactAfter, gained, lost] = [0, 0, 0]
for (let k = 0; k < FOLDS; k++) {
  const weights = train(all.filter((_, i) => i % FOLDS !== k).flat())
  for (const [i, doc] of all.entries()) {
    if (i % FOLDS !== k) continue
    for (const x of doc) {
      const [a, b] = x.cands[bestOf(weights, x)]
      const after = x.labels[x.cands.findIndex(([p, q]) => p === a && q === b)]
      if (x.matched) {
        if (after) exactAfter++
        if (after && !x.exactNow) gained++
        if (!after && x.exactNow) lost++
      }
      x.statement.content = [{ start: x.toks[a].s, end: x.toks[b].e, text: '' }]
    }
  }
}
const trained = performance.now()
const exactNow = matched.filter((x) => x.exactNow).length
const oracle = matched.filter((x) => x.labels.some(Boolean)).length
console.log(
  `${docs.length} articles, ${all.flat().length} one-span statements, ${matched.length} matching a gold quote; extracted in ${((extracted - started) / 1000).toFixed(0)} s, ${FOLDS} folds trained and re-spanned in ${((trained - extracted) / 1000).toFixed(0)} s`,
)
console.log(
  `exact now ${exactNow} · some candidate exact (oracle) ${oracle} · re-spanned under CV ${exactAfter} (${gained} gained, ${lost} lost)`,
)

const out = options.values.out ?? mkdtempSync(join(tmpdir(), 'claimtrail-spans-'))
const rules = join(out, 'rules.jsonl')
const ranked = join(out, 'ranked.jsonl')
writeFileSync(rules, `${before.join('\n')}\n`)
writeFileSync(ranked, `${docs.map(({ doc, statements }) => JSON.stringify({ id: doc.id, statements })).join('\n')}\n`)
// score.mjs scores every gold article: a --limit run is scored against those articles only.
const goldFile = Number.isFinite(options.limit) ? join(out, 'gold.jsonl') : options.gold
if (goldFile !== options.gold) writeFileSync(goldFile, `${devLines(options).join('\n')}\n`)
const score = join(ROOT, '../shared/eval/score.mjs')
if (existsSync(score)) {
  for (const [name, file] of [
    ['the rules', rules],
    [`ranked (${FOLDS}-fold CV)`, ranked],
  ]) {
    const run = spawnSync(process.execPath, [score, '--gold', goldFile, '--pred', file], { encoding: 'utf8' })
    console.log(`${name.padEnd(22)} ${run.stdout.trim().split('\n').at(-1)}`)
  }
} else console.log(`score with: node score.mjs --gold ${goldFile} --pred ${ranked}`)
