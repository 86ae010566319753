// How data/eval/stance.jsonl is drawn: every gold attribution of the dev articles whose cue, content or nearby
// words pass one of several keyword screens (denials, rebuttals, confirmations, declines, and their look-alikes:
// the hard negatives), plus a seeded random sample of the rest. Writes the candidates as article ids and
// offsets only (no text); `--show FROM:TO` prints candidates with their context to the terminal for labelling.
//   npx tsx bench/stance-candidates.ts --out data/eval/stance-candidates.jsonl [--seed 13] [--random 300]
//   npx tsx bench/stance-candidates.ts --show 0:50 --candidates data/eval/stance-candidates.jsonl
import { readFileSync, writeFileSync } from 'node:fs'
import { benchOptions, devArticlesById, seeded } from './dev-articles.js'

type Span = { start: number; end: number }
interface GoldQuote {
  type: string
  content: Span
  content_parts?: Span[]
  source: Span | null
  cue: Span | null
  speaker: string | null
}
interface DevArticle {
  id: string
  text: string
  quotes: GoldQuote[]
}

/** Each screen: a family of wording that can signal a stance other than assert, or look as if it did. */
const SCREENS: Array<[string, RegExp]> = [
  [
    'deny-cue',
    /\b(den(y|ies|ied|ying|ial)|dismiss|reject|refut|rebut|disput|debunk|contradict|push(ed|es|ing)? back|insist|counter(ed|s)?)\b/i,
  ],
  [
    'false-words',
    /\b(not true|untrue|false(ly|hood)?|nonsense|baseless|fabricat\w*|made[- ]up|hoax|smear|disinformation|misinformation|lie|lies|lied|lying|ridiculous|absurd|no evidence|no basis|flatly|categorically|wrong|inaccurate|fake|bogus|myth|conspiracy)\b/i,
  ],
  ['never-no', /(^|[^\p{L}])(never|no,|nothing to)\b/iu],
  ['confirm', /\b(confirm\w*|acknowledg\w*|admit\w*|conced\w*|verif\w*|corroborat\w*)\b/i],
  [
    'decline',
    /\b(declin\w*|refus\w* to|did not (respond|return|reply|comment)|didn't (respond|return|reply|comment)|would not (say|comment|discuss|confirm|elaborate)|wouldn't (say|comment|discuss|confirm)|no comment|not immediately|not respond|unavailable for comment|did not dispute|didn't dispute)\b/i,
  ],
]
const CONTEXT = 80

function spansOf(q: GoldQuote): Span[] {
  return q.content_parts?.length ? q.content_parts : [q.content]
}

const options = benchOptions({
  out: { type: 'string' },
  seed: { type: 'string', default: '13' },
  random: { type: 'string', default: '300' },
  show: { type: 'string' },
  candidates: { type: 'string' },
})
const articles = devArticlesById<DevArticle>(options)

if (options.values.show !== undefined) {
  const [from, to] = options.values.show.split(':').map(Number)
  const lines = readFileSync(options.values.candidates!, 'utf8').trim().split('\n').slice(from, to)
  lines.forEach((line, k) => {
    const c = JSON.parse(line) as { article: string; quote: number; screens: string[] }
    const a = articles.get(c.article)!
    const q = a.quotes[c.quote]
    const at = (s: Span | null) => (s ? a.text.slice(s.start, s.end) : '-')
    const first = spansOf(q)[0]
    const last = spansOf(q).at(-1)!
    const lo = Math.max(0, Math.min(first.start, q.cue?.start ?? first.start, q.source?.start ?? first.start) - 600)
    console.log(`\n=== #${from + k} ${c.article} quote ${c.quote} [${c.screens.join(',') || 'random'}]`)
    console.log(`CONTEXT: …${a.text.slice(lo, Math.min(a.text.length, last.end + 250)).replace(/\s+/g, ' ')}…`)
    console.log(`SOURCE: ${at(q.source)} | CUE: ${at(q.cue)} | TYPE: ${q.type}`)
    console.log(`CONTENT: ${spansOf(q).map(at).join(' … ')}`)
    console.log('THE ARTICLE\'S OTHER ATTRIBUTIONS (index: source — content; "later" ones come after this one):')
    a.quotes.forEach((o, i) => {
      if (i === c.quote) return
      console.log(
        `  ${i}${o.content.start > first.start ? ' (later)' : ''}: ${at(o.source)} — ${spansOf(o).map(at).join(' … ').slice(0, 160)}`,
      )
    })
  })
} else {
  const random = seeded(Number(options.values.seed))
  const screened: object[] = []
  const rest: object[] = []
  for (const a of articles.values()) {
    a.quotes.forEach((q, i) => {
      const spans = spansOf(q)
      const content = spans.map((s) => a.text.slice(s.start, s.end)).join(' ')
      const cue = q.cue ? a.text.slice(q.cue.start, q.cue.end) : ''
      // Nearby: the words just before the content and just after it, where "denied that", "called it" and
      // "did not respond" stand when the cue itself is plain; never-no is read in the content alone.
      const near =
        a.text.slice(Math.max(0, spans[0].start - CONTEXT), spans[0].start) +
        ' ' +
        a.text.slice(spans.at(-1)!.end, spans.at(-1)!.end + CONTEXT / 2)
      const screens = SCREENS.filter(
        ([name, pattern]) => pattern.test(cue) || pattern.test(content) || (name !== 'never-no' && pattern.test(near)),
      ).map(([name]) => name)
      const line = {
        article: a.id,
        quote: i,
        content: spans.map((s) => [s.start, s.end]),
        cue: q.cue && [q.cue.start, q.cue.end],
        source: q.source && [q.source.start, q.source.end],
        screens,
      }
      ;(screens.length ? screened : rest).push(line)
    })
  }
  // The random sample: a seeded shuffle of what no screen caught.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[rest[i], rest[j]] = [rest[j], rest[i]]
  }
  const sample = rest.slice(0, Number(options.values.random))
  console.log(`screened ${screened.length} of ${screened.length + rest.length} gold attributions; random sample ${sample.length}`)
  for (const [name] of SCREENS)
    console.log(`  ${name}: ${screened.filter((c) => (c as { screens: string[] }).screens.includes(name)).length}`)
  // In the dev file's order, article by article: labelled a stretch at a time, the set is whole for each article in it.
  const order = new Map([...articles.keys()].map((id, i) => [id, i]))
  const key = (c: object) => {
    const { article, quote } = c as { article: string; quote: number }
    return order.get(article)! * 10_000 + quote
  }
  const all = [...screened, ...sample].sort((x, y) => key(x) - key(y))
  if (options.values.out) writeFileSync(options.values.out, `${all.map((c) => JSON.stringify(c)).join('\n')}\n`)
}
