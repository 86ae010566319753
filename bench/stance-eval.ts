// `npm run eval:stance`: the pipeline's stance and answered-claim links scored against data/eval/stance.jsonl, the
// hand-labelled stance of dev attributions (see data/eval/README.md). Each gold attribution is matched to the
// extracted statement whose content overlaps it most; an attribution no statement overlaps is "missed".
// Precision is over the gold set's attributions (a deny predicted on a gold assert counts against it), not over
// every statement the pipeline made.
//   npx tsx bench/stance-eval.ts --gold ../shared/eval/dev.jsonl [--set data/eval/stance.jsonl]
import { readFileSync } from 'node:fs'
import { extract } from '../src/pipeline/extract.js'
import type { Statement, Stance } from '../src/pipeline/types.js'
import { ROOT, benchOptions, devLines, table } from './dev-articles.js'

interface Gold { article: string; quote: number; content: number[][]; stance: Stance; sure: boolean; answers?: number | null }
type Span = { start: number; end: number }
interface GoldQuote { content: Span; content_parts?: Span[] }

const STANCES: Stance[] = ['assert', 'deny', 'confirm', 'decline']
const options = benchOptions({ set: { type: 'string' } })
const gold = readFileSync(options.values.set ?? `${ROOT}data/eval/stance.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Gold)
const wanted = new Set(gold.map((g) => g.article))
const articles = new Map(devLines({ ...options, limit: Infinity }).map((l) => JSON.parse(l) as { id: string; text: string; date: string; quotes: GoldQuote[] }).filter((a) => wanted.has(a.id)).map((a) => [a.id, a]))

const overlap = (a: number[][], b: Span[]) => a.reduce((sum, [s, e]) => sum + b.reduce((t, x) => t + Math.max(0, Math.min(e, x.end) - Math.max(s, x.start)), 0), 0)
const spans = (q: GoldQuote) => (q.content_parts?.length ? q.content_parts : [q.content]).map((s) => [s.start, s.end])

/** The statement whose content overlaps the gold content most, or null. */
function match(statements: Statement[], content: number[][]): Statement | null {
  let best: Statement | null = null
  let most = 0
  for (const s of statements) {
    const o = overlap(content, s.content)
    if (o > most) [best, most] = [s, o]
  }
  return best
}

const confusion = new Map<string, number>()
let linksTried = 0
let linksRight = 0
const extracted = new Map<string, Statement[]>()
for (const g of gold) {
  const article = articles.get(g.article)!
  if (!extracted.has(g.article)) extracted.set(g.article, extract({ text: article.text, published: article.date }).statements)
  const statements = extracted.get(g.article)!
  const found = match(statements, g.content)
  const predicted = found?.stance ?? 'missed'
  confusion.set(`${g.stance} ${predicted}`, (confusion.get(`${g.stance} ${predicted}`) ?? 0) + 1)
  // The answered claim: the same claim as the statement matching the answered attribution, or one of its own.
  if (g.stance === 'assert' || g.answers === undefined || !found) continue
  linksTried++
  if (g.answers === null) {
    if (!statements.some((s) => s !== found && s.claim === found.claim && s.stance === 'assert')) linksRight++
  } else {
    const answered = match(statements, spans(article.quotes[g.answers]))
    if (answered && answered !== found && answered.claim === found.claim) linksRight++
  }
}

const count = (g: string, p: string) => confusion.get(`${g} ${p}`) ?? 0
const rows = [['gold \\ predicted', ...STANCES, 'missed', 'total']]
for (const g of STANCES) {
  const cells = [...STANCES, 'missed'].map((p) => count(g, p))
  rows.push([g, ...cells.map(String), String(cells.reduce((a, b) => a + b, 0))])
}
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-')
const prf = (stance: Stance) => {
  const tp = count(stance, stance)
  const predicted = STANCES.reduce((sum, g) => sum + count(g, stance), 0)
  const actual = [...STANCES, 'missed'].reduce((sum, p) => sum + count(stance, p), 0)
  const p = tp / predicted
  const r = tp / actual
  return { p, r, f1: (2 * p * r) / (p + r) }
}
const total = gold.length
const right = STANCES.reduce((sum, s) => sum + count(s, s), 0)
const matched = total - STANCES.reduce((sum, g) => sum + count(g, 'missed'), 0)
console.log(`stance gold set: ${total} attributions in ${articles.size} dev articles; matched to a statement ${matched}\n`)
console.log(table(rows))
console.log('')
for (const s of ['deny', 'confirm', 'decline'] as Stance[]) {
  const { p, r, f1 } = prf(s)
  console.log(`${s.padEnd(8)} P ${f(p)}  R ${f(r)}  F1 ${f(f1)}`)
}
console.log(`stance accuracy ${f(right / total)} over all (missed count as wrong), ${f(right / matched)} over matched`)
console.log(`answered-claim links ${linksRight} of ${linksTried} right: ${f(linksRight / linksTried)}`)
