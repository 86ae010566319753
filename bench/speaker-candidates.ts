// How data/eval/speakers.jsonl is drawn (issue 14): every gold attribution of a seeded random sample of dev
// articles — pronoun sources, named sources and none — so the set is whole for each article in it. Writes the
// candidates as article ids and offsets only (no text); `--show FROM:TO` prints candidates with the article up
// to them, for labelling who the speaker is.
//   npx tsx bench/speaker-candidates.ts --out data/eval/speaker-candidates.jsonl [--seed 14] [--articles 50]
//   npx tsx bench/speaker-candidates.ts --show 0:20 --candidates data/eval/speaker-candidates.jsonl
import { readFileSync, writeFileSync } from 'node:fs'
import { benchOptions, devArticlesById, seeded } from './dev-articles.js'

type Span = { start: number; end: number }
interface GoldQuote {
  type: string
  content: Span
  content_parts?: Span[]
  source: Span | null
  cue: Span | null
}
interface DevArticle {
  id: string
  title?: string
  text: string
  quotes: GoldQuote[]
}

// The pronouns score.mjs counts as pronoun sources, and the possessives and reflexives beside them.
const PRONOUN = /^(he|she|they|it|we|i|you|him|her|them|us|me|his|its|their|our|my|your|himself|herself|themselves|itself|who|which|that)$/i

const spansOf = (q: GoldQuote) => (q.content_parts?.length ? q.content_parts : [q.content])

const options = benchOptions({
  out: { type: 'string' },
  seed: { type: 'string', default: '14' },
  articles: { type: 'string', default: '50' },
  show: { type: 'string' },
  candidates: { type: 'string' },
})
const articles = devArticlesById<DevArticle>(options)

if (options.values.show !== undefined) {
  const [from, to] = options.values.show.split(':').map(Number)
  const lines = readFileSync(options.values.candidates!, 'utf8').trim().split('\n').slice(from, to)
  let shown = ''
  lines.forEach((line, k) => {
    const c = JSON.parse(line) as { article: string; quote: number; kind: string }
    const a = articles.get(c.article)!
    const q = a.quotes[c.quote]
    const at = (s: Span | null) => (s ? a.text.slice(s.start, s.end) : '-')
    const first = spansOf(q)[0]
    const start = Math.min(first.start, q.source?.start ?? first.start, q.cue?.start ?? first.start)
    if (shown !== c.article) {
      // The article from its start, once, up to the first candidate shown; then each candidate's own stretch.
      console.log(
        `\n##### ARTICLE ${c.article}\nTITLE: ${a.title ?? '-'}\nTEXT FROM THE START: ${a.text.slice(0, Math.max(0, start)).replace(/\s+/g, ' ')}`,
      )
      shown = c.article
    }
    console.log(`\n=== #${from + k} ${c.article} quote ${c.quote} [${c.kind}]`)
    console.log(`BEFORE: …${a.text.slice(Math.max(0, start - 700), start).replace(/\s+/g, ' ')}`)
    console.log(`SOURCE: ${at(q.source)} | CUE: ${at(q.cue)} | TYPE: ${q.type}`)
    console.log(`CONTENT: ${spansOf(q).map(at).join(' … ').slice(0, 400)}`)
  })
} else {
  const random = seeded(Number(options.values.seed))
  const ids = [...articles.keys()]
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
  }
  const chosen = new Set(ids.slice(0, Number(options.values.articles)))
  const out: object[] = []
  for (const a of articles.values()) {
    if (!chosen.has(a.id)) continue
    a.quotes.forEach((q, i) => {
      const source = q.source ? a.text.slice(q.source.start, q.source.end).trim() : null
      const kind = source === null ? 'none' : PRONOUN.test(source) ? 'pronoun' : 'named'
      out.push({
        article: a.id,
        quote: i,
        content: spansOf(q).map((s) => [s.start, s.end]),
        cue: q.cue && [q.cue.start, q.cue.end],
        source: q.source && [q.source.start, q.source.end],
        kind,
      })
    })
  }
  const count = (k: string) => out.filter((c) => (c as { kind: string }).kind === k).length
  console.log(
    `${chosen.size} articles, ${out.length} attributions: named ${count('named')}, pronoun ${count('pronoun')}, none ${count('none')}`,
  )
  if (options.values.out) writeFileSync(options.values.out, `${out.map((c) => JSON.stringify(c)).join('\n')}\n`)
}
