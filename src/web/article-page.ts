// One article as its page shows it: the whole stored text cut into segments, each statement's content, cue
// and speaker mention marked and linked to that statement on its claim's page. Like highlight(), this builds
// no HTML: the view prints every segment with `<%= %>`.
import { statementPath } from '../export/links.js'
import type { StatementRecord, StoredArticle } from '../store/schema.js'
import type { MarkKind } from './highlight.js'

export interface ArticleSegment {
  text: string
  mark: MarkKind | null
  /** The statement this piece of text belongs to, for its link; null for unmarked text. */
  statement: { href: string; label: string } | null
}

interface StatementMark {
  start: number
  end: number
  mark: MarkKind
  statement: StatementRecord
}

// As in highlight(): where marks overlap the narrower idea wins.
const PRIORITY: Record<MarkKind, number> = { speaker: 3, cue: 2, content: 1 }
const STANCES: Record<string, string> = { assert: 'asserts', deny: 'denies' }

/** Where a statement is shown on its claim's page (the claim page gives each statement this anchor). */
export function statementHref(statement: Pick<StatementRecord, 'id' | 'claim'>): string {
  // A fragment may hold ':' as it is ("harbour:s2"), matching the element's id without any decoding.
  return statementPath(statement)
}

export function articleSegments(article: Pick<StoredArticle, 'text'>, statements: readonly StatementRecord[]): ArticleSegment[] {
  const { text } = article
  const marks: StatementMark[] = statements
    .filter((s) => !s.rejected)
    .flatMap((statement) => [
      ...statement.content.map((s) => ({ ...s, mark: 'content' as const, statement })),
      ...(statement.cue ? [{ ...statement.cue, mark: 'cue' as const, statement }] : []),
      ...(statement.speaker?.mention ? [{ ...statement.speaker.mention, mark: 'speaker' as const, statement }] : []),
    ])
    .map((m) => ({ ...m, start: clamp(m.start, text.length), end: clamp(m.end, text.length) }))
    .filter((m) => m.start < m.end)
    .sort((a, b) => a.start - b.start)
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b)

  const segments: ArticleSegment[] = []
  let from = 0 // marks before this index end before the current cut
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]]
    while (from < marks.length && marks[from].end <= start && marks[from].start <= start) from++
    let best: StatementMark | null = null
    for (let j = from; j < marks.length && marks[j].start <= start; j++) {
      const m = marks[j]
      if (m.end >= end && (!best || PRIORITY[m.mark] > PRIORITY[best.mark])) best = m
    }
    const last = segments.at(-1)
    const statement = best ? { href: statementHref(best.statement), label: label(best.statement) } : null
    if (last && last.mark === (best?.mark ?? null) && last.statement?.href === statement?.href) last.text += text.slice(start, end)
    else segments.push({ text: text.slice(start, end), mark: best?.mark ?? null, statement })
  }
  return segments
}

// The link's tooltip: who, and whether they assert or deny.
function label(statement: StatementRecord): string {
  const who = statement.speaker?.name ?? 'No source given'
  return `${who} ${STANCES[statement.stance] ?? statement.stance}: open this statement on its claim's page`
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(Math.trunc(offset) || 0, 0), length)
}
