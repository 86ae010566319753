// `npm run eval:claims`: how well claimtrail files one claim's statements under one claim, against each
// hand-labelled pair set of data/eval (ids and offsets only; the text is read from the dev file).
//   cross-article: the articles are extracted, then fed to a fresh ClaimIndex in published-date order; each
//     article's claims join the best stored claim at or above the threshold, else stay new. A pair is predicted
//     "same" when both statements end in one claim. Under 5-fold cross-validation by article: each pair is
//     scored by the clustering of a model trained on the pairs that touch none of its first article's fold.
//   same-article: the pipeline's own claims within the article (stage 17), at each threshold of the pair model.
//   --in-sample   the shipped model for every pair instead of the fold models
//   --pairs FILE  one set only
//   --pred FILE   read the extractions from `claimtrail extract --jsonl` output instead of extracting again
//   --errors T    list the false merges and misses at threshold T (set, pair line, note; no text)
//   --scale N     also time each article's lookups as the index grows to N articles (replaying all dev articles)
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ClaimIndex, type ClaimStatement, claimStatement } from '../src/claims/claim-index.js'
import { type PairModel, trainPairModel } from '../src/claims/pair-model.js'
import { PAIR_MODEL } from '../src/claims/pair-weights.js'
import { fileClaims } from '../src/pipeline/stages/17-claims.js'
import {
  type Extracted,
  extractArticles,
  foldOf,
  PAIR_SETS,
  pairExamples,
  readPairSet,
  readPredictions,
  statementAt,
  statementId,
  touchesFold,
  within,
} from '../src/train/pair-data.js'
import { benchOptions, devLines, ROOT, table } from './dev-articles.js'

const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
const K = 5
const options = benchOptions({
  pairs: { type: 'string' },
  pred: { type: 'string' },
  errors: { type: 'string' },
  scale: { type: 'string' },
  'in-sample': { type: 'boolean' } as never,
})
const inSample = Boolean(options.values['in-sample'])
const sets = (options.values.pairs ? [options.values.pairs] : PAIR_SETS.map((p) => join(ROOT, p)).filter((p) => existsSync(p))).map(
  readPairSet,
)
const wanted = new Set(sets.flatMap((s) => s.pairs.flatMap((p) => [p.a.article, p.b.article])))

const lines = devLines({ ...options, limit: Infinity })
const t0 = performance.now()
const given = options.values.pred ? readPredictions(options.values.pred) : undefined
const articles = extractArticles(
  lines,
  options.values.scale ? new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)) : wanted,
  given,
)
const inDateOrder = (xs: Extracted[]) =>
  [...xs].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '') || x.id.localeCompare(y.id))
const labelled = new Map([...articles].filter(([id]) => wanted.has(id)))
const byDate = inDateOrder([...labelled.values()])
console.log(
  `${sets.map((s) => `${s.name}: ${s.pairs.length} pairs (${s.pairs.filter((p) => p.label === 'same').length} same)`).join('; ')}; ${byDate.length} articles, extracted in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
)

/** Each article's within-article claims, as the index takes them. */
const claimsOf = (a: Extracted, copy = '') => {
  const groups = new Map<string, ClaimStatement[]>()
  a.statements.forEach((s, i) => {
    const list = groups.get(s.claim) ?? []
    list.push(claimStatement(`${statementId(a.id, i)}${copy}`, s, a.published, a.id))
    groups.set(s.claim, list)
  })
  return [...groups.values()]
}

/**
 * One article's claims, each matched before any is added: the pipeline has already decided that two claims of
 * one article are distinct, and the index must not merge them through each other.
 */
function fileArticle(
  index: ClaimIndex,
  claims: ClaimStatement[][],
  newId: () => string,
  seen?: (statement: string, candidates: string[]) => void,
): void {
  const matches = claims.map((statements) => {
    if (seen) for (const s of statements) seen(s.id, index.candidates([s]))
    return index.match(statements)?.claimId ?? newId()
  })
  claims.forEach((statements, i) => {
    index.add(matches[i], statements)
  })
}

/** Files every labelled article's claims; returns the claim each statement ended in. */
function cluster(model: PairModel, threshold: number, seen?: (statement: string, candidates: string[]) => void): Map<string, string> {
  const index = new ClaimIndex({ model, threshold })
  let next = 0
  for (const article of byDate) fileArticle(index, claimsOf(article), () => `k${++next}`, seen)
  return new Map(byDate.flatMap((a) => a.statements.map((_, i) => [statementId(a.id, i), index.claimOf(statementId(a.id, i))!] as const)))
}

// The fold models: each trained on the pairs (of every set) that touch none of the fold's articles.
const { examples } = pairExamples(sets, labelled)
const models: PairModel[] = inSample
  ? [PAIR_MODEL]
  : Array.from({ length: K }, (_, fold) => ({
      ...PAIR_MODEL,
      weights: trainPairModel(examples.filter((e) => !touchesFold(e.pair, fold, K))),
    }))
const modelOf = (article: string) => (inSample ? 0 : foldOf(article, K))
const clusterings = new Map<string, Map<string, string>>()
const clustered = (m: number, t: number) => {
  const key = `${m} ${t}`
  if (!clusterings.has(key)) clusterings.set(key, cluster(models[m], t))
  return clusterings.get(key)!
}
/** Within an article: the pipeline's claims, filed again with the pair model at this threshold. */
const withinClaims = new Map<string, Map<string, string>>()
function withinClaimOf(m: number, t: number, article: string): Map<string, string> {
  const key = `${m} ${t} ${article}`
  if (!withinClaims.has(key)) {
    const a = labelled.get(article)!
    const { statements } = fileClaims(a.statements, a.text, { model: models[m], threshold: t })
    withinClaims.set(key, new Map(statements.map((s, i) => [statementId(a.id, i), s.claim])))
  }
  return withinClaims.get(key)!
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-')
for (const set of sets) {
  const located = set.pairs.map((p, line) => ({
    ...p,
    line: line + 1,
    ids: [statementAt(labelled, p.a), statementAt(labelled, p.b)] as const,
  }))
  for (const kind of ['cross-article', 'same-article'] as const) {
    const pairs = located.filter((p) => within(p) === (kind === 'same-article'))
    if (!pairs.length) continue
    const lost = pairs.filter((p) => !p.ids[0] || !p.ids[1]).length
    console.log(
      `${set.name}, ${kind}: ${pairs.length} pairs, ${pairs.filter((p) => p.label === 'same').length} same${lost ? `; ${lost} with a side no longer extracted (counted as predicted "different")` : ''}${inSample ? ' (in-sample)' : ` (${K}-fold CV by article)`}`,
    )
    const rows = [['threshold', 'pred same', 'true pos', 'false merge', 'missed', 'precision', 'recall', 'F1']]
    for (const threshold of THRESHOLDS) {
      let tp = 0,
        fp = 0,
        fn = 0
      for (const p of pairs) {
        const m = modelOf(p.a.article)
        const claimOf = kind === 'cross-article' ? clustered(m, threshold) : withinClaimOf(m, threshold, p.a.article)
        const same = !!p.ids[0] && !!p.ids[1] && claimOf.get(p.ids[0]) === claimOf.get(p.ids[1])
        if (same && p.label === 'same') tp++
        else if (same) fp++
        else if (p.label === 'same') fn++
      }
      const precision = tp + fp ? tp / (tp + fp) : 1
      const recall = tp / (tp + fn)
      const mark =
        threshold === (kind === 'cross-article' ? PAIR_MODEL.threshold : (PAIR_MODEL.withinThreshold ?? PAIR_MODEL.threshold))
          ? ' (default)'
          : ''
      rows.push([
        `${threshold}${mark}`,
        String(tp + fp),
        String(tp),
        String(fp),
        String(fn),
        f(precision),
        f(recall),
        f((2 * precision * recall) / (precision + recall || 1)),
      ])
    }
    console.log(`${table(rows)}\n`)
    if (options.values.errors) {
      const t = Number(options.values.errors)
      for (const p of pairs) {
        const m = modelOf(p.a.article)
        const claimOf = kind === 'cross-article' ? clustered(m, t) : withinClaimOf(m, t, p.a.article)
        const same = !!p.ids[0] && !!p.ids[1] && claimOf.get(p.ids[0]) === claimOf.get(p.ids[1])
        if (same !== (p.label === 'same'))
          console.log(`  line ${p.line}  ${same ? 'false merge' : 'missed     '}  ${p.stratum}  ${p.note ?? ''}`)
      }
      console.log('')
    }
  }
}

// Candidate recall: of the labelled same cross-article pairs, how often the earlier statement was among the
// candidates the index scored when the later one was looked up (the index reads only its rarest terms' lists).
{
  const later = new Map<string, string>()
  for (const set of sets) {
    for (const p of set.pairs) {
      if (p.label !== 'same' || within(p)) continue
      const [a, b] = [statementAt(labelled, p.a), statementAt(labelled, p.b)]
      if (!a || !b) continue
      const first = (labelled.get(p.a.article)!.published ?? '') <= (labelled.get(p.b.article)!.published ?? '') ? [a, b] : [b, a]
      later.set(`${first[1]} ${first[0]}`, first[0])
    }
  }
  const found = new Map<string, string[]>()
  cluster(PAIR_MODEL, PAIR_MODEL.threshold, (statement, candidates) => found.set(statement, candidates))
  let hit = 0
  for (const key of later.keys()) {
    const [query, earlier] = key.split(' ')
    if (found.get(query)?.includes(earlier)) hit++
  }
  console.log(
    `candidate recall: ${hit} of ${later.size} labelled same cross-article pairs had the earlier statement among the index's candidates (${f(hit / later.size)})`,
  )
}

if (options.values.scale) scale(Number(options.values.scale))

/**
 * Cost of one article's lookups and adds as the index grows: the dev articles replayed as copies (ids suffixed,
 * dates a year apart per copy) until `size` articles are stored; the 100 articles after each checkpoint are timed.
 */
function scale(size: number) {
  const index = new ClaimIndex()
  const checkpoints = [100, 1_000, 5_000, 10_000, 50_000].filter((c) => c < size)
  const spent = new Map<number, { ms: number; statements: number }>()
  let stored = 0
  let next = 0
  for (let copy = 0; stored < size; copy++) {
    for (const article of inDateOrder([...articles.values()])) {
      if (stored >= size) break
      const year = (date: string) => `${Number(date.slice(0, 4)) + copy}${date.slice(4)}`
      const shifted = { ...article, published: article.published && year(article.published) }
      const start = performance.now()
      fileArticle(index, claimsOf(shifted, `#${copy}`), () => `k${++next}`)
      const ms = performance.now() - start
      const checkpoint = checkpoints.find((c) => stored >= c && stored < c + 100)
      stored++
      if (checkpoint === undefined) continue
      const held = spent.get(checkpoint) ?? { ms: 0, statements: index.size.statements }
      spent.set(checkpoint, { ...held, ms: held.ms + ms })
    }
  }
  const rows = [['articles stored', 'statements indexed', 'ms per article (the next 100)']]
  for (const [c, { ms, statements }] of spent)
    rows.push([c.toLocaleString('en-US'), statements.toLocaleString('en-US'), (ms / 100).toFixed(2)])
  console.log(`\n${table(rows)}`)
}
