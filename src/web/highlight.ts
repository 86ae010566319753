// Cuts a passage into plain-text segments, each marked as content, cue, speaker mention or nothing. Views
// print every segment with `<%= %>`, so article text reaches HTML only escaped: this module never builds HTML.

export type MarkKind = 'content' | 'cue' | 'speaker'

/** A half-open range of the text to mark; offsets are UTF-16, as every span in claimtrail. */
export interface Mark {
  start: number
  end: number
  mark: MarkKind
}

export interface Segment {
  text: string
  mark: MarkKind | null
}

// Where marks overlap the narrower idea wins: a speaker mention or cue written inside a mixed quote ("…,
// he said, …") stays visible as such instead of disappearing into the content.
const PRIORITY: Record<MarkKind, number> = { speaker: 3, cue: 2, content: 1 }

export function highlight(text: string, marks: readonly Mark[]): Segment[] {
  const usable = marks
    .map((m) => ({ ...m, start: clamp(m.start, text.length), end: clamp(m.end, text.length) }))
    .filter((m) => m.start < m.end)
  const cuts = [...new Set([0, text.length, ...usable.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b)

  const segments: Segment[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]]
    const mark = strongest(usable.filter((m) => m.start <= from && to <= m.end))
    const last = segments.at(-1)
    if (last && last.mark === mark) last.text += text.slice(from, to)
    else segments.push({ text: text.slice(from, to), mark })
  }
  return segments
}

function strongest(covering: readonly Mark[]): MarkKind | null {
  let best: MarkKind | null = null
  for (const { mark } of covering) if (best === null || PRIORITY[mark] > PRIORITY[best]) best = mark
  return best
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(Math.trunc(offset) || 0, 0), length)
}
