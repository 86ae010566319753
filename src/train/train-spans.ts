// Trains the content span model (src/pipeline/learned/span-model.ts) and the confidence model
// (confidence-model.ts) on annotated news (PolNeAR's JSONL), and writes their weights to data/models/.
//
// The span model is an averaged structured perceptron: for each statement of the rules whose content matches a
// gold quote, when the best-scoring candidate is not exactly the gold's words, the best-scoring candidate that is
// gains the features the wrong one loses. The confidence model is a logistic model fitted on the statements of
// k-fold cross-validation, where neither the cue model nor the span model had seen the article.
// Deterministic: the same gold, seed and passes give the same files, byte for byte.
//
//   npm run train:spans                      k-fold scores (score.mjs) and precision by confidence, then writes
//                                            data/models/span-weights.json and confidence-weights.json
//   npm run train:spans -- --folds 5 --pred cv.jsonl        keeps the cross-validated predictions
//   npm run train:spans -- --check           trains, and fails unless the shipped files are what it gives
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { extract } from '../pipeline/extract.js'
import {
  type ConfidenceModel,
  confidenceFeatures,
  probabilityOf,
  type StatementFacts,
  trainConfidence,
} from '../pipeline/learned/confidence-model.js'
import type { CueModel } from '../pipeline/learned/cue-model.js'
import { epochs } from '../pipeline/learned/epochs.js'
import { candidatesOf, framed, type Proposal, pairFeatures, type SpanModel } from '../pipeline/learned/span-model.js'
import type { Span, Statement } from '../pipeline/types.js'
import { CUE_TRAINING, type CueGoldDoc, cueExamples, trainCues } from './cue-data.js'

interface GoldDoc {
  id: string
  text: string
  date?: string
  quotes: Array<{ content: Span; content_parts?: Span[] } & CueGoldDoc['quotes'][number]>
}

/** One statement of the rules: its candidates' features as ids, and which candidates are exactly the gold. */
interface Instance {
  starts: Int32Array[]
  ends: Int32Array[]
  pairs: Array<[number, number]>
  pairF: Int32Array[]
  /** The rules' own candidate. */
  same: number
  /** The candidates whose words are the gold's exactly (several, when they differ by punctuation only). */
  gold: Set<number>
}

const { values } = parseArgs({
  options: {
    gold: { type: 'string' },
    out: { type: 'string', default: 'data/models/span-weights.json' },
    confidence: { type: 'string', default: 'data/models/confidence-weights.json' },
    folds: { type: 'string', default: '5' },
    pred: { type: 'string' },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '19' },
    limit: { type: 'string' },
    check: { type: 'boolean', default: false },
    'spans-only': { type: 'boolean', default: false },
  },
})
if (!values.gold || !existsSync(values.gold)) {
  console.error('usage: train-spans --gold GOLD.jsonl [--folds K] [--pred PRED.jsonl] [--out FILE] [--confidence FILE] [--check]')
  process.exit(2)
}
const EPOCHS = Number(values.epochs)
const SEED = Number(values.seed)
const WORD = /[\p{L}\p{N}]+/gu

const lines = readFileSync(values.gold, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .slice(0, values.limit ? Number(values.limit) : undefined)
const docs: GoldDoc[] = lines.map((l) => JSON.parse(l))
const started = performance.now()
const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`
const articleOf = (d: GoldDoc) => ({ text: d.text, published: d.date ?? null })

const ids = new Map<string, number>()
const idOf = (f: string) => {
  let id = ids.get(f)
  if (id === undefined) ids.set(f, (id = ids.size))
  return id
}
const idsOf = (fs: string[]) => Int32Array.from(fs, idOf)

/** The word indexes a span covers, as [first, last], or the gold's words as a sorted list. */
function wordIndex(text: string) {
  const starts = [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length] as const)
  const first = (offset: number) => {
    let [lo, hi] = [0, starts.length]
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid][1] <= offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const covered = (spans: Span[]) => {
    const out: number[] = []
    for (const s of spans) for (let i = first(s.start); i < starts.length && starts[i][0] < s.end; i++) out.push(i)
    return out
  }
  return { covered }
}

/** The instances of the rules' proposals for one part of an article (`text`, at `offset` in the whole). */
function instancesOf(doc: GoldDoc, text: string, offset: number, proposals: Proposal[]): Instance[] {
  const { t, frames } = framed(text, proposals)
  const words = wordIndex(text)
  const local = (c: Span) => ({ ...c, start: c.start - offset, end: c.end - offset })
  const golds = doc.quotes
    .map((q) => (q.content_parts ?? [q.content]).map(local).filter((c) => c.start >= 0 && c.end <= text.length))
    .map((spans) => words.covered(spans))
    .filter((g) => g.length)
  const out: Instance[] = []
  for (const [n, p] of proposals.entries()) {
    const mine = words.covered([p.content])
    if (!mine.length) continue
    let best: number[] | null = null
    let most = 0
    for (const g of golds) {
      const theirs = new Set(g)
      const shared = mine.filter((x) => theirs.has(x)).length
      if (shared * 2 >= g.length && shared * 2 >= mine.length && shared > most) [best, most] = [g, shared]
    }
    if (!best || best[best.length - 1] - best[0] + 1 !== best.length) continue // no gold, or one no span can be
    const f = frames[n]
    if (!f) continue
    const c = candidatesOf(t, f)
    const exact = new Set<number>()
    c.pairs.forEach(([i, j], n) => {
      const w = words.covered([{ start: t.toks[c.starts[i]].s, end: t.toks[c.ends[j]].e, text: '' }])
      if (w.length === best.length && w[0] === best[0] && w[w.length - 1] === best[best.length - 1]) exact.add(n)
    })
    if (!exact.size) continue
    out.push({
      starts: c.startF.map(idsOf),
      ends: c.endF.map(idsOf),
      pairs: c.pairs,
      pairF: c.pairs.map(([i, j]) => idsOf(pairFeatures(t, f, c.starts[i], c.ends[j]))),
      same: c.pairs.findIndex(([i, j]) => c.starts[i] === f.i0 && c.ends[j] === f.i1),
      gold: exact,
    })
  }
  return out
}

/** The instances of these articles, from the statements the rules give with this cue model. */
function instancesWith(which: number[], cueModel?: CueModel): Instance[] {
  const out: Instance[] = []
  for (const i of which) {
    const explainSpans = (text: string, offset: number, proposals: Proposal[]) => {
      for (const x of instancesOf(docs[i], text, offset, proposals)) out.push(x)
    }
    extract(articleOf(docs[i]), { cueModel, spanModel: null, confidenceModel: null, explainSpans })
  }
  return out
}

/** A model's weights by feature id. */
const weightsOf = (model: SpanModel) => Float64Array.from(ids.keys(), (f) => model.weights[f] ?? 0)

const sum = (w: Float64Array, fs: Int32Array) => {
  let s = 0
  for (const x of fs) s += w[x]
  return s
}
/** The best-scoring candidate, or the best-scoring of `only`. */
function best(w: Float64Array, x: Instance, only?: Set<number>): number {
  const s = x.starts.map((fs) => sum(w, fs))
  const e = x.ends.map((fs) => sum(w, fs))
  let [at, most] = [0, -Infinity]
  for (const [n, [i, j]] of x.pairs.entries()) {
    if (only && !only.has(n)) continue
    const score = s[i] + e[j] + sum(w, x.pairF[n])
    if (score > most) [at, most] = [n, score]
  }
  return at
}

/** The averaged perceptron over these instances, in a seeded order each pass, as a model file's contents. */
function train(examples: Instance[]): SpanModel {
  const w = new Float64Array(ids.size)
  const total = new Float64Array(ids.size)
  const stamp = new Float64Array(ids.size)
  let c = 1
  const update = (fs: Int32Array, d: number) => {
    for (const x of fs) {
      total[x] += (c - stamp[x]) * w[x]
      stamp[x] = c
      w[x] += d
    }
  }
  const featuresOf = (x: Instance, n: number) => {
    const [i, j] = x.pairs[n]
    return [x.starts[i], x.ends[j], x.pairF[n]]
  }
  for (const [, order] of epochs(examples.length, EPOCHS, SEED)) {
    for (const k of order) {
      const x = examples[k]
      const at = best(w, x)
      if (!x.gold.has(at)) {
        for (const fs of featuresOf(x, best(w, x, x.gold))) update(fs, 1)
        for (const fs of featuresOf(x, at)) update(fs, -1)
      }
      c++
    }
  }
  const names = [...ids.keys()]
  const weights: Array<[string, number]> = []
  for (let x = 0; x < w.length; x++) {
    const averaged = Math.round(((total[x] + (c - stamp[x]) * w[x]) / c) * 1e4) / 1e4
    if (averaged !== 0) weights.push([names[x], averaged])
  }
  weights.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)
  return {
    about: {
      corpus: basename(values.gold!),
      articles: docs.length,
      sha256: digest,
      seed: SEED,
      epochs: EPOCHS,
      trainedOn: examples.length,
    },
    weights: Object.fromEntries(weights),
  }
}

/** score.mjs's report on these predictions; score.mjs sits beside the gold set. */
const score = (pred: string) => {
  const scorer = join(dirname(values.gold!), 'score.mjs')
  const gold = join(scratch, 'gold.jsonl')
  if (!existsSync(gold)) writeFileSync(gold, `${lines.join('\n')}\n`)
  if (!existsSync(scorer)) return console.log(`score with: node score.mjs --gold ${gold} --pred ${pred}\n`)
  console.log(spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', pred], { encoding: 'utf8' }).stdout)
}
const predLines = (statementsOf: (i: number) => Statement[]) =>
  `${docs.map((d, i) => JSON.stringify({ id: d.id, statements: statementsOf(i) })).join('\n')}\n`
/** Whether a statement's content shares half its words with a gold quote's, and that quote half its words with it. */
function matcher(doc: GoldDoc) {
  const words = wordIndex(doc.text)
  const golds = doc.quotes.map((q) => new Set(words.covered(q.content_parts ?? [q.content])))
  return (content: Span[]) => {
    const mine = words.covered(content)
    return golds.some((g) => {
      const shared = mine.filter((x) => g.has(x)).length
      return shared > 0 && shared * 2 >= g.size && shared * 2 >= mine.length
    })
  }
}
const shiftedBy = (spans: Span[], by: number) => spans.map((c) => ({ ...c, start: c.start + by, end: c.end + by }))
const keyOf = (s: Statement) =>
  `${s.rule}|${s.content.map((c) => `${c.start}-${c.end}`).join(',')}|${s.cue?.start ?? ''}|${s.speaker?.name ?? ''}|${s.stance}`

const BUCKETS = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.01]
/** How many statements fall in each confidence bucket, and how many of them match a gold quote. */
function bucketTable(articles: Array<{ statements: Statement[]; matches: (content: Span[]) => boolean }>): string {
  const rows = BUCKETS.slice(0, -1).map((lo, n) => ({ lo, hi: BUCKETS[n + 1], count: 0, right: 0, sum: 0 }))
  for (const { statements, matches } of articles)
    for (const s of statements) {
      const row = rows.find((r) => s.confidence >= r.lo && s.confidence < r.hi)!
      row.count++
      row.sum += s.confidence
      if (matches(s.content)) row.right++
    }
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(12)}${b.padStart(10)}${c.padStart(14)}${d.padStart(12)}`
  return [
    line('confidence', 'statements', 'mean stated', 'precision'),
    ...rows.map((r) =>
      line(
        `${r.lo.toFixed(1)}–${Math.min(1, r.hi).toFixed(1)}`,
        String(r.count),
        r.count ? (r.sum / r.count).toFixed(3) : '-',
        r.count ? (r.right / r.count).toFixed(3) : '-',
      ),
    ),
    '',
  ].join('\n')
}

const scratch = mkdtempSync(join(tmpdir(), 'claimtrail-spans-'))
const every = docs.map((_, i) => i)
const k = Number(values.folds)
if (values['spans-only']) {
  // A quick look at a change to the span model's features: k-fold over articles on the shipped cue model's
  // statements, counting the held-out statements whose content the model gets exactly, against the rules'.
  const byDoc = every.map((i) => instancesWith([i]))
  let [rules, model, all] = [0, 0, 0]
  for (let fold = 0; fold < k; fold++) {
    const w = weightsOf(train(byDoc.filter((_, i) => i % k !== fold).flat()))
    for (const x of byDoc.filter((_, i) => i % k === fold).flat()) {
      all++
      if (x.gold.has(x.same)) rules++
      if (x.gold.has(best(w, x))) model++
    }
  }
  console.log(`${all} statements with an exact candidate: the rules exact on ${rules}, the model on ${model} (${seconds()})`)
  process.exit(0)
}
// Each fold's cue model is trained on the other folds too: no learned part has seen the articles it extracts.
const cueExamplesOf = k ? docs.map(cueExamples) : []
if (k) console.error(`cue examples of ${docs.length} articles (${seconds()})`)
const held: Statement[][] = new Array(docs.length)
const ruled: Statement[][] = new Array(docs.length)
/** Each held-out article's statements as the confidence model sees them, with whether they match a gold quote. */
const judged: Array<Array<{ key: string; features: string[]; label: boolean }>> = docs.map(() => [])
for (let fold = 0; fold < k; fold++) {
  const cueModel = trainCues(
    cueExamplesOf.filter((_, i) => i % k !== fold),
    CUE_TRAINING,
  )
  const examples = instancesWith(
    every.filter((i) => i % k !== fold),
    cueModel,
  )
  const spanModel = train(examples)
  for (const i of every.filter((i) => i % k === fold)) {
    const matches = matcher(docs[i])
    ruled[i] = extract(articleOf(docs[i]), { cueModel, spanModel: null, confidenceModel: null }).statements
    const explain = (s: Statement, facts: StatementFacts, offset: number) => {
      const content = shiftedBy(s.content, offset)
      judged[i].push({ key: keyOf({ ...s, content }), features: confidenceFeatures(facts), label: matches(content) })
    }
    held[i] = extract(articleOf(docs[i]), { cueModel, spanModel, confidenceModel: null, explain }).statements
  }
  console.error(`fold ${fold + 1}/${k}: span model trained on ${examples.length} statements (${seconds()})`)
}
// The confidence model, cross-validated in turn over the held-out statements.
for (let fold = 0; fold < k; fold++) {
  const model = { about: {}, weights: trainConfidence(judged.filter((_, i) => i % k !== fold).flat(), { seed: SEED }) }
  for (const i of every.filter((i) => i % k === fold)) {
    const p = new Map(judged[i].map((x) => [x.key, Math.round(probabilityOf(model, x.features) * 100) / 100]))
    held[i] = held[i].map((s) => ({ ...s, confidence: p.get(keyOf(s)) ?? s.confidence }))
  }
}
if (k) {
  const rules = join(scratch, 'rules.jsonl')
  const out = values.pred ?? join(scratch, 'cv.jsonl')
  writeFileSync(
    rules,
    predLines((i) => ruled[i]),
  )
  writeFileSync(
    out,
    predLines((i) => held[i]),
  )
  console.log(`## The rules' spans (the cue model ${k}-fold cross-validated by article)\n`)
  score(rules)
  console.log(`## The span model, ${k}-fold cross-validated by article (${out})\n`)
  score(out)
  console.log(`## Precision by the rules' confidence (the rules' spans)\n`)
  console.log(bucketTable(ruled.map((statements, i) => ({ statements, matches: matcher(docs[i]) }))))
  console.log(`## Precision by the confidence model's confidence, ${k}-fold cross-validated by article\n`)
  console.log(bucketTable(held.map((statements, i) => ({ statements, matches: matcher(docs[i]) }))))
}

// The shipped models: the span model trained on every article, the confidence model on every held-out statement.
const spanModel = train(instancesWith(every))
const confidence: ConfidenceModel = {
  about: { ...spanModel.about, trainedOn: judged.flat().length, heldOut: `${k}-fold` },
  weights: trainConfidence(judged.flat(), { seed: SEED }),
}
// --folds 0 trains the span model alone, for a quick look: the confidence model needs held-out statements.
for (const [file, model] of k
  ? ([
      [values.out, spanModel],
      [values.confidence, confidence],
    ] as const)
  : ([[values.out, spanModel]] as const)) {
  // A weight a line, so that a retrained model's diff says which features moved.
  const weights = Object.entries(model.weights).map(([f, w]) => `${JSON.stringify(f)}:${w}`)
  const json = `{"about":${JSON.stringify(model.about)},\n"weights":{\n${weights.join(',\n')}\n}}\n`
  if (values.check) {
    const same = existsSync(file) && readFileSync(file, 'utf8') === json
    console.error(same ? `${file} is what training gives, byte for byte` : `${file} differs from what training gives`)
    if (!same) process.exitCode = 1
  } else {
    writeFileSync(file, json)
    console.error(`${weights.length} weights → ${file} (${(json.length / 1e6).toFixed(2)} MB)`)
  }
}
console.error(`trained in ${seconds()}`)
