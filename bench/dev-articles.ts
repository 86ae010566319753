// The dev articles the benches run over. They are research data kept outside the repository: --gold PATH, else
// CLAIMTRAIL_DEV, else ../shared/eval/dev.jsonl beside the repository.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))

export interface BenchOptions {
  gold: string
  /** Only the first `limit` articles, for a quick look. */
  limit: number
  values: Record<string, string | undefined>
}

export function benchOptions(extra: Record<string, { type: 'string'; default?: string }> = {}): BenchOptions {
  const { values } = parseArgs({ options: { gold: { type: 'string' }, limit: { type: 'string' }, ...extra } })
  const gold = values.gold ?? process.env.CLAIMTRAIL_DEV ?? join(ROOT, '../shared/eval/dev.jsonl')
  if (!existsSync(gold)) {
    console.error(`bench: ${gold}: no such file. Give the dev articles with --gold PATH or CLAIMTRAIL_DEV=PATH.`)
    process.exit(2)
  }
  const limit = values.limit ? Number(values.limit) : Infinity
  return { gold, limit, values: values as Record<string, string | undefined> }
}

/** The non-blank lines of the dev file, at most `limit` of them. */
export function devLines({ gold, limit }: BenchOptions): string[] {
  return readFileSync(gold, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, limit)
}

/** The dev file's articles with their gold, by id, read as the caller's shape of a line. */
export function devArticlesById<T extends { id: string }>(options: BenchOptions): Map<string, T> {
  return new Map(
    devLines(options).map((line) => {
      const article = JSON.parse(line) as T
      return [article.id, article]
    }),
  )
}

export const words = (text: string) => text.match(/\S+/g)?.length ?? 0

/** A small aligned table: the first column left-aligned, the rest right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ')).join('\n')
}

/** A seeded random number generator (a linear congruence): the same seed draws the same sample. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
}
