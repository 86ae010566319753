// The hand-labelled pair sets (data/eval/claim-pairs*.jsonl: article ids and offsets, no text) joined to the
// pipeline's statements of the dev articles: each labelled side becomes the extracted statement that overlaps it
// most, as the index will meet it. Shared by `npm run train:pairs` and `npm run eval:claims`.
import { readFileSync } from 'node:fs'
import { type ClaimStatement, claimStatement, type Entry, entryOf } from '../claims/entry.js'
import { pairFeatures } from '../claims/pair-features.js'
import type { PairExample } from '../claims/pair-model.js'
import { articleFromLine } from '../ingest/article-line.js'
import { extract } from '../pipeline/extract.js'
import type { Statement } from '../pipeline/types.js'

export interface Side {
  article: string
  content: Array<[number, number]>
}
export interface Pair {
  a: Side
  b: Side
  label: 'same' | 'different'
  stratum: string
  note?: string
  unsure?: boolean
}
export interface PairSet {
  name: string
  pairs: Pair[]
}
export interface Extracted {
  id: string
  published: string | null
  text: string
  statements: Statement[]
}

export const PAIR_SETS = ['data/eval/claim-pairs.jsonl', 'data/eval/claim-pairs-2.jsonl']

export function readPairSet(path: string): PairSet {
  const pairs = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Pair)
  return {
    name: path
      .split('/')
      .at(-1)!
      .replace(/\.jsonl$/, ''),
    pairs,
  }
}

export const within = (p: Pair) => p.a.article === p.b.article

/** The dev articles the sets name, extracted by the pipeline (or read from `claimtrail extract --jsonl` output). */
export function extractArticles(devLines: string[], wanted: Set<string>, given?: Map<string, Statement[]>): Map<string, Extracted> {
  const out = new Map<string, Extracted>()
  devLines.forEach((line, i) => {
    const id = (JSON.parse(line) as { id: string }).id
    if (!wanted.has(id)) return
    const input = articleFromLine(line, `dev:${i + 1}`)
    out.set(id, { id, published: input.published ?? null, text: input.text, statements: given?.get(id) ?? extract(input).statements })
  })
  return out
}

export function readPredictions(path: string): Map<string, Statement[]> {
  const lines = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; statements: Statement[] })
  return new Map(lines.map((l) => [l.id, l.statements]))
}

/** Statement ids as the benches name them: `<article>:s<n>`. */
export const statementId = (article: string, i: number) => `${article}:s${i + 1}`

/** The extracted statement whose content overlaps the labelled spans most: offsets outlive pipeline changes. */
export function statementAt(articles: Map<string, Extracted>, side: Side): string | undefined {
  const article = articles.get(side.article)
  let best: string | undefined
  let most = 0
  article?.statements.forEach((s, i) => {
    const overlap = s.content.reduce(
      (sum, c) => sum + side.content.reduce((o, [start, end]) => o + Math.max(0, Math.min(end, c.end) - Math.max(start, c.start)), 0),
      0,
    )
    if (overlap > most) [best, most] = [statementId(article.id, i), overlap]
  })
  return best
}

/** Every extracted statement as the claim index takes it, by id. */
export function claimStatements(articles: Map<string, Extracted>): Map<string, ClaimStatement> {
  const out = new Map<string, ClaimStatement>()
  for (const a of articles.values())
    a.statements.forEach((s, i) => {
      out.set(statementId(a.id, i), claimStatement(statementId(a.id, i), s, a.published, a.id))
    })
  return out
}

/** Folds by article, seeded by the id's characters so that the same article is always in the same fold. */
export function foldOf(article: string, k: number): number {
  let h = 0
  for (let i = 0; i < article.length; i++) h = (h * 31 + article.charCodeAt(i)) >>> 0
  return h % k
}

export interface Labelled extends PairExample {
  set: string
  pair: Pair
  ids: [string, string]
}

/**
 * The labelled pairs as training examples: the features of the two extracted statements, with an idf over the
 * statements of the labelled articles (as the index computes it over what it holds). A pair whose side the
 * pipeline no longer extracts, or whose sides fall in one statement, gives no example.
 */
export function pairExamples(sets: PairSet[], articles: Map<string, Extracted>): { examples: Labelled[]; skipped: number } {
  const entries = new Map<string, Entry>([...claimStatements(articles)].map(([id, s]) => [id, entryOf('', s)]))
  const df = new Map<string, number>()
  for (const e of entries.values()) for (const t of [...e.terms.keys(), ...e.entities]) df.set(t, (df.get(t) ?? 0) + 1)
  const idf = (t: string) => Math.log((entries.size + 1) / ((df.get(t) ?? 0) + 1)) + 1
  const examples: Labelled[] = []
  let skipped = 0
  for (const set of sets) {
    for (const pair of set.pairs) {
      const [a, b] = [statementAt(articles, pair.a), statementAt(articles, pair.b)]
      if (!a || !b || a === b) {
        skipped++
        continue
      }
      // Within one article the pipeline weighs every word alike (src/pipeline/stages/17-claims.ts): so does its example.
      examples.push({
        features: pairFeatures(entries.get(a)!, entries.get(b)!, within(pair) ? () => 1 : idf),
        same: pair.label === 'same',
        weight: pair.unsure ? 0.5 : 1,
        set: set.name,
        pair,
        ids: [a, b],
      })
    }
  }
  return { examples, skipped }
}

/** The pairs a fold's model must not learn from: those touching any of its articles. */
export const touchesFold = (pair: Pair, fold: number, k: number) => foldOf(pair.a.article, k) === fold || foldOf(pair.b.article, k) === fold
