// `npm run eval:claims`: how well the ClaimIndex files one claim reported by several articles under one claim,
// against the hand-labelled statement pairs of data/eval/claim-pairs.jsonl (ids and offsets only; the text is
// read from the dev file). The articles are extracted, then fed to a fresh index in published-date order: each
// article's claims (the pipeline's, within the article) join the best stored claim at or above the threshold,
// else stay new. A pair is predicted "same" when both statements end in one claim.
//   --pred FILE  read the extractions from `claimtrail extract --jsonl` output instead of extracting again
//   --errors T   list the false merges and misses at threshold T (pair line numbers and notes, no text)
//   --scale N   also time each article's lookups as the index grows to N articles (replaying all dev articles)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { articleFromLine } from '../src/cli/article-line.js'
import { ClaimIndex, claimStatement, type ClaimStatement } from '../src/claims/claim-index.js'
import { extract } from '../src/pipeline/extract.js'
import type { Statement } from '../src/pipeline/types.js'
import { ROOT, benchOptions, devLines, table } from './dev-articles.js'

interface Side { article: string; content: Array<[number, number]> }
interface Pair { a: Side; b: Side; label: 'same' | 'different'; stratum: string; note?: string }
interface Extracted { id: string; published: string | null; statements: Statement[] }

const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]
const options = benchOptions({ pairs: { type: 'string' }, pred: { type: 'string' }, errors: { type: 'string' }, scale: { type: 'string' } })
const pairs: Pair[] = readFileSync(options.values.pairs ?? join(ROOT, 'data/eval/claim-pairs.jsonl'), 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l) as Pair)
const wanted = new Set(pairs.flatMap((p) => [p.a.article, p.b.article]))

const lines = devLines({ ...options, limit: Infinity })
const chosen = options.values.scale ? lines : lines.filter((l) => wanted.has((JSON.parse(l) as { id: string }).id))
const t0 = performance.now()
const given = options.values.pred ? readPredictions(options.values.pred) : undefined
const articles: Extracted[] = chosen.map((line, i) => {
  const input = articleFromLine(line, `dev:${i + 1}`)
  const statements = given ? given.get(input.id!) ?? [] : extract(input).statements
  return { id: input.id!, published: input.published ?? null, statements }
})
const inDateOrder = (xs: Extracted[]) => [...xs].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '') || x.id.localeCompare(y.id))
// The pairs are measured over their own articles; --scale replays every dev article.
const byDate = inDateOrder(articles.filter((a) => wanted.has(a.id)))
console.log(`${pairs.length} labelled pairs (${pairs.filter((p) => p.label === 'same').length} same) from ${byDate.length} articles; ${articles.length} extracted in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`)

function readPredictions(path: string): Map<string, Statement[]> {
  const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; statements: Statement[] })
  return new Map(lines.map((l) => [l.id, l.statements]))
}

/** Each article's within-article claims, as the index takes them. */
const claimsOf = (a: Extracted, copy = '') => {
  const groups = new Map<string, ClaimStatement[]>()
  a.statements.forEach((s, i) => {
    const list = groups.get(s.claim) ?? []
    list.push(claimStatement(`${a.id}${copy}:s${i + 1}`, s, a.published))
    groups.set(s.claim, list)
  })
  return [...groups.values()]
}

/**
 * One article's claims, each matched before any is added: the pipeline has already decided that two claims of
 * one article are distinct, and the index must not merge them through each other.
 */
function fileArticle(index: ClaimIndex, claims: ClaimStatement[][], newId: () => string): void {
  const matches = claims.map((statements) => index.match(statements)?.claimId ?? newId())
  claims.forEach((statements, i) => index.add(matches[i], statements))
}

/** Files every article's claims; returns the claim each statement ended in. */
function cluster(threshold: number): Map<string, string> {
  const index = new ClaimIndex({ threshold })
  let next = 0
  for (const article of byDate) fileArticle(index, claimsOf(article), () => `k${++next}`)
  return new Map(byDate.flatMap((a) => a.statements.map((_, i) => [`${a.id}:s${i + 1}`, index.claimOf(`${a.id}:s${i + 1}`)!] as const)))
}

/** The extracted statement whose content overlaps the labelled spans most: offsets outlive pipeline changes. */
function statementAt(side: Side): string | undefined {
  const article = articles.find((a) => a.id === side.article)
  let best: string | undefined
  let most = 0
  article?.statements.forEach((s, i) => {
    const overlap = s.content.reduce((sum, c) => sum + side.content.reduce((o, [start, end]) => o + Math.max(0, Math.min(end, c.end) - Math.max(start, c.start)), 0), 0)
    if (overlap > most) [best, most] = [`${article.id}:s${i + 1}`, overlap]
  })
  return best
}

const located = pairs.map((p) => ({ ...p, ids: [statementAt(p.a), statementAt(p.b)] as const }))
const lost = located.filter((p) => !p.ids[0] || !p.ids[1]).length
if (lost) console.log(`${lost} pairs have a side the pipeline no longer extracts: counted as predicted "different"\n`)

const rows = [['threshold', 'pred same', 'true pos', 'false merge', 'missed', 'precision', 'recall', 'F1']]
for (const threshold of THRESHOLDS) {
  const claimOf = cluster(threshold)
  let tp = 0, fp = 0, fn = 0
  for (const p of located) {
    const same = !!p.ids[0] && !!p.ids[1] && claimOf.get(p.ids[0]) === claimOf.get(p.ids[1])
    if (same && p.label === 'same') tp++
    else if (same) fp++
    else if (p.label === 'same') fn++
  }
  const precision = tp + fp ? tp / (tp + fp) : 1
  const recall = tp / (tp + fn)
  const mark = threshold === new ClaimIndex().options.threshold ? ' (default)' : ''
  rows.push([`${threshold}${mark}`, String(tp + fp), String(tp), String(fp), String(fn), precision.toFixed(3), recall.toFixed(3), ((2 * precision * recall) / (precision + recall || 1)).toFixed(3)])
}
console.log(table(rows))

if (options.values.errors) {
  const claimOf = cluster(Number(options.values.errors))
  located.forEach((p, i) => {
    const same = !!p.ids[0] && !!p.ids[1] && claimOf.get(p.ids[0]) === claimOf.get(p.ids[1])
    if (same !== (p.label === 'same')) console.log(`line ${i + 1}  ${same ? 'false merge' : 'missed     '}  ${p.stratum}  ${p.note ?? ''}`)
  })
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
    for (const article of inDateOrder(articles)) {
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
  for (const [c, { ms, statements }] of spent) rows.push([c.toLocaleString('en-US'), statements.toLocaleString('en-US'), (ms / 100).toFixed(2)])
  console.log(`\n${table(rows)}`)
}
