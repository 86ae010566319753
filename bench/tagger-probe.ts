// `npm run probe:tagger`: a measurement for the next extraction round, not a part of the pipeline. A token tagger
// (begin / inside a content, begin / inside a source, outside both: an averaged structured perceptron decoded with
// Viterbi over each paragraph) reads every word of an article instead of the rules' candidates only; the rules'
// held-out statements are among its features. A content's speaker is the nearest source it tagged, within 30
// words. It prints, k-fold cross-validated by article with score.mjs: the tagger alone, and the rules' statements
// with the tagger's contents that no statement overlaps added when a small logistic filter, itself
// cross-validated over the held-out contents, gives them at least --keep.
//
//   npm run train:spans -- --pred cv.jsonl           the rules' statements, each article held out
//   npm run probe:tagger -- --rules cv.jsonl [--epochs 10] [--keep 0.5] [--limit N]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { epochs } from '../src/pipeline/learned/epochs.js'
import { PARTS, tokensOf } from '../src/pipeline/learned/span-model.js'
import { lemma, tagAll } from '../src/pipeline/nlp.js'
import type { Span } from '../src/pipeline/types.js'
import { benchOptions, devLines } from './dev-articles.js'

interface Gold {
  id: string
  text: string
  quotes: Array<{ content: Span; content_parts?: Span[]; source: Span | null; source_parts?: Span[] }>
}
interface Ruled {
  rule: string
  content: Span[]
  cue: Span | null
}
/** One paragraph: its tokens' feature ids and gold labels (LABELS). */
interface Paragraph {
  article: number
  spans: Array<{ s: number; e: number }>
  features: Int32Array[]
  gold: Uint8Array
}

const options = benchOptions({ rules: { type: 'string' }, epochs: { type: 'string' }, keep: { type: 'string' }, folds: { type: 'string' } })
const rulesFile = options.values.rules
if (!rulesFile) {
  console.error('probe:tagger: give the rules’ held-out statements: --rules cv.jsonl (from npm run train:spans -- --pred cv.jsonl)')
  process.exit(2)
}
const EPOCHS = Number(options.values.epochs ?? 10)
const KEEP = Number(options.values.keep ?? 0.5)
const K = Number(options.values.folds ?? 5)
const SEED = 19
const articles = devLines(options).map((l) => JSON.parse(l) as Gold)
const ruled = new Map(
  readFileSync(rulesFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; statements: Ruled[] })
    .map((d) => [d.id, d.statements]),
)

/** What a token is: outside, or the first or a later word of a content or of a source. */
const [OUT, CONTENT, IN_CONTENT, SOURCE, IN_SOURCE] = [0, 1, 2, 3, 4]
const L = 5
const VERB = /Verb|Tense|Gerund|Infinitive/
const WORDLIKE = /^[\p{L}\p{N}]/u
const ids = new Map<string, number>()
const idOf = (f: string) => ids.get(f) ?? (ids.set(f, ids.size), ids.size - 1)
const near = (d: number) => (d <= 0 ? 'x' : d <= 3 ? String(d) : d <= 8 ? '4-8' : '9+')

/**
 * Each token's label: the gold contents, the innermost first where they nest, then the sources on what is left, as
 * begin and inside runs.
 */
function labels(a: Gold, toks: Array<{ s: number; e: number }>): Uint8Array {
  const out = new Uint8Array(toks.length)
  const mark = (spans: Span[], begin: number) => {
    const runs = spans.map((c) => toks.flatMap((t, i) => (t.s >= c.start && t.e <= c.end ? [i] : [])))
    if (runs.some((r) => r.some((i) => out[i] !== OUT))) return
    for (const r of runs) for (const [n, i] of r.entries()) out[i] = n === 0 ? begin : begin + 1
  }
  const contents = a.quotes
    .map((q) => (q.content_parts?.length ? q.content_parts : [q.content]))
    .sort((x, y) => x[x.length - 1].end - x[0].start - (y[y.length - 1].end - y[0].start))
  for (const spans of contents) mark(spans, CONTENT)
  for (const q of a.quotes) if (q.source) mark(q.source_parts?.length ? q.source_parts : [q.source], SOURCE)
  return out
}

const paragraphs: Paragraph[] = []
for (const [n, a] of articles.entries()) {
  const { toks, marks } = tokensOf(a.text)
  const stretches = [...a.text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const part = new Array<string>(toks.length).fill('X')
  let i = 0
  for (const w of tagAll(a.text, stretches).flat()) {
    while (i < toks.length && toks[i].s < w.start) i++
    if (i < toks.length && toks[i].s === w.start) part[i] = PARTS.find((p) => w.tags.has(p)) ?? 'X'
  }
  toks.forEach((t, k) => {
    if (!WORDLIKE.test(t.w)) part[k] = t.w
  })
  const gold = labels(a, toks)
  // The rules' statements: which words their contents hold, begin and end with, and where their cues are.
  const [inside, begins, ends] = [new Array(toks.length).fill(''), new Array(toks.length).fill(''), new Array(toks.length).fill('')]
  const cue = new Uint8Array(toks.length)
  for (const s of ruled.get(a.id) ?? []) {
    for (const c of s.content) {
      const run = toks.flatMap((t, k) => (t.s >= c.start && t.e <= c.end ? [k] : []))
      if (!run.length) continue
      for (const k of run) inside[k] = s.rule
      begins[run[0]] = s.rule
      ends[run[run.length - 1]] = s.rule
    }
    const c = s.cue
    if (c) for (const [k, t] of toks.entries()) if (t.s >= c.start && t.e <= c.end) cue[k] = 1
  }
  let from = 0
  for (let k = 0; k <= toks.length; k++) {
    if (k < toks.length && !(k > from && a.text.slice(toks[k - 1].e, toks[k].s).includes('\n'))) continue
    const features: Int32Array[] = []
    let [lastCue, verb, verbLemma, verbAt, sentence] = [-99, '', '', -99, from]
    const nextCue = new Int32Array(k - from)
    for (let j = k - 1, at = 99; j >= from; j--) nextCue[j - from] = (cue[j] ? (at = j) : at) - j
    for (let j = from; j < k; j++) {
      const [t, p, x, p2, x2] = [toks[j].l, toks[j - 1]?.l, toks[j + 1]?.l, toks[j - 2]?.l, toks[j + 2]?.l]
      const [pt, pp, px, pp2] = [part[j], part[j - 1], part[j + 1], part[j - 2]]
      if (cue[j]) lastCue = j
      if (j > from && /^[.!?]$/.test(p)) [sentence, verb, verbLemma, verbAt] = [j, '', '', -99]
      const [ac, bc, av] = [near(j - lastCue), near(nextCue[j - from]), near(j - verbAt)]
      const f = [
        ...['b', `w=${t}`, `sh=${toks[j].sh}`, `p=${p}`, `n=${x}`, `p2=${p2}|${p}`, `n2=${x}|${x2}`, `pw=${p}|${t}`],
        ...[`wn=${t}|${x}`, `pos=${pt}`, `ppos=${pp}|${pt}`, `posn=${pt}|${px}`, `pp2=${pp2}|${pp}|${pt}`],
        ...[`q=${(marks[j] - marks[from]) % 2}`, `qw=${(marks[j] - marks[from]) % 2}|${toks[j].sh}`, `first=${j === from}`],
        ...[`in=${inside[j]}`, `b=${begins[j]}`, `e=${ends[j]}`, `bp=${begins[j] ? 1 : 0}|${p}`],
        ...[`inp=${inside[j] ? 1 : 0}|${inside[j - 1] ? 1 : 0}`, `ep=${ends[j - 1] ? 1 : 0}|${t}`, `cue=${cue[j]}`],
        ...[`ac=${ac}`, `ac|p=${ac}|${p}`, `bc=${bc}`, `bc|n=${bc}|${x}`, `ac|pos=${ac}|${pt}`],
        ...[`v=${verb}|${av}`, `vw=${verb}|${t}`, `vp=${verb}|${p}`, `sent=${near(j - sentence + 1)}`],
        ...[`vl=${verbLemma}|${av}`, `vlp=${verbLemma}|${p}|${av}`, `vlpos=${verbLemma}|${pt}`],
      ]
      features.push(Int32Array.from(f, idOf))
      if (VERB.test(pt)) [verb, verbLemma, verbAt] = [t, lemma(t), j]
    }
    if (k > from) paragraphs.push({ article: n, spans: toks.slice(from, k), features, gold: gold.slice(from, k) })
    from = k
  }
}
console.error(`${articles.length} articles, ${paragraphs.length} paragraphs, ${ids.size} features`)

/** The best labels of a paragraph; nothing is inside a content or a source it did not begin. */
function decode(w: Float64Array, moves: Float64Array, x: Paragraph): Uint8Array {
  const n = x.features.length
  const score = new Float64Array(n * L)
  const back = new Uint8Array(n * L)
  const inside = (y: number) => y === IN_CONTENT || y === IN_SOURCE
  for (let j = 0; j < n; j++)
    for (let y = 0; y < L; y++) {
      let emit = 0
      for (const f of x.features[j]) emit += w[f * L + y]
      let [best, from] = [j === 0 ? (inside(y) ? -1e9 : 0) : -Infinity, 0]
      if (j > 0)
        for (let z = 0; z < L; z++) {
          if (inside(y) && z !== y && z !== y - 1) continue
          const v = score[(j - 1) * L + z] + moves[z * L + y]
          if (v > best) [best, from] = [v, z]
        }
      score[j * L + y] = best + emit
      back[j * L + y] = from
    }
  const out = new Uint8Array(n)
  let y = 0
  for (let z = 1; z < L; z++) if (score[(n - 1) * L + z] > score[(n - 1) * L + y]) y = z
  for (let j = n - 1; j >= 0; j--) [out[j], y] = [y, back[j * L + y]]
  return out
}

function train(examples: Paragraph[]): { w: Float64Array; moves: Float64Array } {
  const size = ids.size * L
  const [w, total, stamp] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)]
  const [moves, movesTotal, movesStamp] = [new Float64Array(L * L), new Float64Array(L * L), new Float64Array(L * L)]
  let c = 1
  const update = (v: Float64Array, t: Float64Array, s: Float64Array, i: number, d: number) => {
    t[i] += (c - s[i]) * v[i]
    s[i] = c
    v[i] += d
  }
  for (const [, order] of epochs(examples.length, EPOCHS, SEED)) {
    for (const k of order) {
      const x = examples[k]
      const got = decode(w, moves, x)
      for (let j = 0; j < got.length; j++) {
        const [g, p] = [x.gold[j], got[j]]
        if (g !== p)
          for (const f of x.features[j]) {
            update(w, total, stamp, f * L + g, 1)
            update(w, total, stamp, f * L + p, -1)
          }
        if (j > 0 && (g !== p || x.gold[j - 1] !== got[j - 1])) {
          update(moves, movesTotal, movesStamp, x.gold[j - 1] * L + g, 1)
          update(moves, movesTotal, movesStamp, got[j - 1] * L + p, -1)
        }
      }
      c++
    }
  }
  const averaged = (v: Float64Array, t: Float64Array, s: Float64Array) => v.map((x, i) => (t[i] + (c - s[i]) * x) / c)
  return { w: averaged(w, total, stamp), moves: averaged(moves, movesTotal, movesStamp) }
}

// The tagger's contents and their sources, each article's from the fold that held it out.
const tagged: Array<Array<{ content: Span[]; source: Span | null }>> = articles.map(() => [])
const SPEAKER_WITHIN = 30
for (let fold = 0; fold < K; fold++) {
  const { w, moves } = train(paragraphs.filter((p) => p.article % K !== fold))
  for (const x of paragraphs.filter((p) => p.article % K === fold)) {
    const y = decode(w, moves, x)
    const runs: Array<{ first: number; last: number; label: number }> = []
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== CONTENT && y[j] !== SOURCE) continue
      let last = j
      while (last + 1 < y.length && y[last + 1] === y[j] + 1) last++
      runs.push({ first: j, last, label: y[j] })
    }
    const spanOf = (r: (typeof runs)[number]) => ({ start: x.spans[r.first].s, end: x.spans[r.last].e, text: '' })
    const sources = runs.filter((r) => r.label === SOURCE)
    for (const r of runs.filter((r) => r.label === CONTENT)) {
      const away = (q: (typeof runs)[number]) => (q.first > r.last ? q.first - r.last : r.first - q.last)
      const source = sources.reduce<(typeof runs)[number] | null>((b, q) => (away(q) < (b ? away(b) : SPEAKER_WITHIN) ? q : b), null)
      tagged[x.article].push({ content: [spanOf(r)], source: source && spanOf(source) })
    }
  }
  console.error(`fold ${fold + 1}/${K}`)
}

const overlaps = (a: Span[], b: Span[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end))
const wordsOf = (text: string, spans: Span[]) => {
  const out = new Set<number>()
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu))
    if (spans.some((s) => m.index < s.end && m.index + m[0].length > s.start)) out.add(m.index)
  return out
}
/** Whether a content shares half its words with a gold quote and the quote half its words with it (score.mjs). */
const matches = (a: Gold, content: Span[]) => {
  const mine = wordsOf(a.text, content)
  return a.quotes.some((q) => {
    const theirs = wordsOf(a.text, q.content_parts?.length ? q.content_parts : [q.content])
    const shared = [...mine].filter((x) => theirs.has(x)).length
    return shared > 0 && shared * 2 >= theirs.size && shared * 2 >= mine.size
  })
}

// The filter: a logistic model over the words at an added content's edges, cross-validated in turn.
const added = articles.flatMap((a, n) => {
  const { toks } = tokensOf(a.text)
  return tagged[n]
    .filter((x) => !(ruled.get(a.id) ?? []).some((s) => overlaps(s.content, x.content)))
    .map((x) => {
      const c = x.content
      const first = toks.findIndex((t) => t.s >= c[0].start)
      let last = first
      while (last + 1 < toks.length && toks[last + 1].e <= c[0].end) last++
      const size = last - first + 1
      const features = ['b', `f=${toks[first].l}`, `p=${toks[first - 1]?.l}`, `p2=${toks[first - 2]?.l}|${toks[first - 1]?.l}`]
      features.push(`l=${toks[last].l}`, `n=${toks[last + 1]?.l}`, `len=${size < 3 ? size : size < 6 ? '3-5' : size < 12 ? '6-11' : '12+'}`)
      return { article: n, tagged: x, features, right: matches(a, c) }
    })
})
const probability = new Map<(typeof added)[number], number>()
for (let fold = 0; fold < K; fold++) {
  const w = new Map<string, number>()
  const z = (fs: string[]) => fs.reduce((s, f) => s + (w.get(f) ?? 0), 0)
  const train = added.filter((x) => x.article % K !== fold)
  for (const [, order] of epochs(train.length, 8, SEED))
    for (const k of order) {
      const x = train[k]
      const g = (x.right ? 1 : 0) - 1 / (1 + Math.exp(-z(x.features)))
      for (const f of x.features) w.set(f, (w.get(f) ?? 0) * 0.999 + 0.1 * g)
    }
  for (const x of added.filter((x) => x.article % K === fold)) probability.set(x, 1 / (1 + Math.exp(-z(x.features))))
}
const kept = added.filter((x) => probability.get(x)! >= KEEP)

const scratch = mkdtempSync(join(tmpdir(), 'claimtrail-tagger-'))
const scorer = join(dirname(options.gold), 'score.mjs')
/** score.mjs's first four lines on these statements, or all of it (recall by gold subset) when `whole`. */
function report(title: string, statementsOf: (a: Gold, n: number) => unknown[], whole = false) {
  const file = join(scratch, 'pred.jsonl')
  writeFileSync(file, `${articles.map((a, n) => JSON.stringify({ id: a.id, statements: statementsOf(a, n) })).join('\n')}\n`)
  const out = spawnSync(process.execPath, [scorer, '--gold', options.gold, '--pred', file], { encoding: 'utf8' }).stdout
  console.log(
    `## ${title}\n\n${out
      .split('\n')
      .slice(0, whole ? -1 : 4)
      .join('\n')}\n`,
  )
}
const statement = (x: (typeof tagged)[number][number]) => ({
  kind: 'indirect',
  content: x.content,
  speaker: x.source && { name: '', mention: x.source },
})
report(`The tagger alone, ${EPOCHS} passes, ${K}-fold by article`, (_, n) => tagged[n].map(statement), true)
report('The rules’ statements (--rules)', (a) => ruled.get(a.id) ?? [])
console.log(`${added.length} tagged contents overlap no statement of the rules; ${added.filter((x) => x.right).length} match a gold quote`)
console.log(`the filter keeps ${kept.length} at ${KEEP}, ${kept.filter((x) => x.right).length} of them right\n`)
report('The rules’ statements and the kept contents', (a, n) => [
  ...(ruled.get(a.id) ?? []),
  ...kept.filter((x) => x.article === n).map((x) => statement(x.tagged)),
])
