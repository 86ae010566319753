// Scores statements' stances and answered-claim links against the stance gold set (data/eval/stance.jsonl).
// Shared by `npm run eval:stance` (the shipped model) and `npm run train:stance` (each fold's model on the
// articles it never saw). Each gold attribution is matched to the statement whose content overlaps it most;
// one no statement overlaps is "missed".
import { STANCES, type Stance, type Statement } from '../pipeline/types.js'

export interface StanceGold {
  article: string
  quote: number
  content: number[][]
  cue: number[] | null
  stance: Stance
  sure: boolean
  answers?: number | null
}
export interface Range {
  start: number
  end: number
}
export interface GoldArticle {
  id: string
  text: string
  date?: string
  quotes: Array<{ content: Range; content_parts?: Range[] }>
}

const overlap = (a: number[][], b: Range[]) =>
  a.reduce((sum, [s, e]) => sum + b.reduce((t, x) => t + Math.max(0, Math.min(e, x.end) - Math.max(s, x.start)), 0), 0)
export const goldSpans = (q: { content: Range; content_parts?: Range[] }) =>
  (q.content_parts?.length ? q.content_parts : [q.content]).map((s) => [s.start, s.end])

/** The statement whose content overlaps the gold content most, or null. */
export function match(statements: Statement[], content: number[][]): Statement | null {
  let best: Statement | null = null
  let most = 0
  for (const s of statements) {
    const o = overlap(content, s.content)
    if (o > most) [best, most] = [s, o]
  }
  return best
}

export class StanceScore {
  confusion = new Map<string, number>()
  linksTried = 0
  linksRight = 0
  /** The same, over the answers whose stance the pipeline found: what its linking does when it knows. */
  foundTried = 0
  foundRight = 0
  total = 0

  add(gold: StanceGold, article: GoldArticle, statements: Statement[]): void {
    this.total++
    const found = match(statements, gold.content)
    const predicted = found?.stance ?? 'missed'
    this.bump(gold.stance, predicted)
    // The answered claim: the claim of the statement matching the answered attribution, or none but its own.
    if (gold.stance === 'assert' || gold.answers === undefined || !found) return
    let right: boolean
    if (gold.answers === null) {
      right = !statements.some((s) => s !== found && s.claim === found.claim && s.stance === 'assert')
    } else {
      const answered = match(statements, goldSpans(article.quotes[gold.answers]))
      right = answered !== null && answered !== found && answered.claim === found.claim
    }
    this.linksTried++
    if (right) this.linksRight++
    if (found.stance === gold.stance) {
      this.foundTried++
      if (right) this.foundRight++
    }
  }

  bump(gold: string, predicted: string): void {
    this.confusion.set(`${gold} ${predicted}`, (this.confusion.get(`${gold} ${predicted}`) ?? 0) + 1)
  }

  count(gold: string, predicted: string): number {
    return this.confusion.get(`${gold} ${predicted}`) ?? 0
  }

  prf(stance: Stance): { p: number; r: number; f1: number } {
    const tp = this.count(stance, stance)
    const predicted = STANCES.reduce((sum, g) => sum + this.count(g, stance), 0)
    const actual = [...STANCES, 'missed'].reduce((sum, p) => sum + this.count(stance, p), 0)
    const p = tp / predicted
    const r = tp / actual
    return { p, r, f1: (2 * p * r) / (p + r) }
  }

  /** Right over all (missed counts as wrong) and over those a statement matched. */
  accuracy(): { all: number; matched: number } {
    const right = STANCES.reduce((sum, s) => sum + this.count(s, s), 0)
    const missed = STANCES.reduce((sum, g) => sum + this.count(g, 'missed'), 0)
    return { all: right / this.total, matched: right / (this.total - missed) }
  }

  report(): string {
    const rows = [['gold \\ predicted', ...STANCES, 'missed', 'total']]
    for (const g of STANCES) {
      const cells = [...STANCES, 'missed'].map((p) => this.count(g, p))
      rows.push([g, ...cells.map(String), String(cells.reduce((a, b) => a + b, 0))])
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
    const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '))
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-')
    lines.push('')
    for (const s of ['deny', 'confirm', 'decline'] as Stance[]) {
      const { p, r, f1 } = this.prf(s)
      lines.push(`${s.padEnd(8)} P ${f(p)}  R ${f(r)}  F1 ${f(f1)}`)
    }
    const { all, matched } = this.accuracy()
    lines.push(
      `stance accuracy ${f(matched)} over the ${this.total - STANCES.reduce((sum, g) => sum + this.count(g, 'missed'), 0)} attributions a statement matched; ${f(all)} over all ${this.total} (missed count as wrong)`,
    )
    lines.push(
      `answered-claim links ${this.linksRight} of ${this.linksTried} right: ${f(this.linksRight / this.linksTried)}; where the stance was found, ${this.foundRight} of ${this.foundTried}: ${f(this.foundRight / this.foundTried)}`,
    )
    return lines.join('\n')
  }
}
