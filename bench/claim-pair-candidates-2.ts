// How data/eval/claim-pairs-2.jsonl was drawn: a second pair set, drawn another way than the first (which paired
// statements by word dice). Here the strata come from what a fact-checker follows: the same event in another
// outlet (shared rare names and numbers within three days, or a shared run of five words), a denial with the
// statements before it, restatements inside one article (the headline and the body, a quote and its
// paraphrase), and hard negatives (one speaker or topic, another proposition; the same words, other numbers).
// Prints the candidates with their text for labelling by hand, to the terminal only: the stored set keeps ids
// and offsets.
//   npx tsx bench/claim-pair-candidates-2.ts --gold ../shared/eval/dev.jsonl --pred /tmp/dev-extract.jsonl
import { readFileSync } from 'node:fs'
import { benchOptions, devLines, seeded } from './dev-articles.js'

interface Part {
  start: number
  end: number
  text: string
}
interface Stmt {
  article: string
  outlet: string
  date: string
  index: number
  content: Part[]
  speaker: string
  stance: string
  text: string
  words: Set<string>
  names: Set<string>
  numbers: Set<string>
  grams: Set<string>
}

const options = benchOptions({ pred: { type: 'string' }, seed: { type: 'string', default: '11' } })
const texts = new Map(
  devLines(options)
    .map((l) => JSON.parse(l) as { id: string; date: string; text: string })
    .map((a) => [a.id, a]),
)
const STOP = new Set(
  'the a an of to in on at for and or but that this with from by as is are was were be been has have had it its their his her they he she we our will would not no any such also than then there which who i you about more said what if do did can'.split(
    ' ',
  ),
)
const NOT_NAMES = /^(The|He|She|It|We|I|They|This|That|But|And|In|If|A|Mr|Mrs|Ms|On|As|At|For|So|When|What)$/

const statements: Stmt[] = []
for (const line of readFileSync(options.values.pred!, 'utf8').trim().split('\n')) {
  const { id, statements: found } = JSON.parse(line) as {
    id: string
    statements: Array<{ content: Part[]; speaker: { name: string } | null; stance: string }>
  }
  found.forEach((s, index) => {
    const text = s.content.map((c) => c.text).join(' … ')
    const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
    const words = new Set(tokens.filter((w) => !STOP.has(w) && w.length > 1).map((w) => w.slice(0, 6)))
    if (words.size < 4) return // a name or a date alone is no proposition to compare
    const names = new Set((text.match(/\b\p{Lu}\p{L}+/gu) ?? []).filter((w) => !NOT_NAMES.test(w)))
    const numbers = new Set(text.match(/\d[\d,.]*\d|\d/g) ?? [])
    // Runs of five words, three of them not function words: a remark two outlets quote alike.
    const grams = new Set(
      tokens
        .slice(4)
        .map((_, i) => tokens.slice(i, i + 5))
        .filter((g) => g.filter((w) => !STOP.has(w)).length >= 3)
        .map((g) => g.join(' ')),
    )
    statements.push({
      article: id,
      outlet: id.split('/')[1].split('_')[0],
      date: texts.get(id)?.date ?? '',
      index,
      content: s.content,
      speaker: s.speaker?.name ?? '-',
      stance: s.stance,
      text,
      words,
      names,
      numbers,
      grams,
    })
  })
}

const random = seeded(Number(options.values.seed))
const shuffle = <T>(xs: T[]) =>
  xs
    .map((x) => [random(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x)
const days = (a: Stmt, b: Stmt) => Math.abs(Date.parse(a.date) - Date.parse(b.date)) / 86_400_000
const shared = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x)).length
const dice = (a: Stmt, b: Stmt) => (2 * shared(a.words, b.words)) / (a.words.size + b.words.size)

// Rare names: in fewer than 2% of statements. Cross-article candidates meet through them (an inverted index).
const nameDf = new Map<string, number>()
for (const s of statements) for (const n of s.names) nameDf.set(n, (nameDf.get(n) ?? 0) + 1)
const rareNames = (s: Stmt) => [...s.names].filter((n) => nameDf.get(n)! < statements.length * 0.02)
const byName = new Map<string, number[]>()
statements.forEach((s, k) => {
  for (const n of rareNames(s)) byName.set(n, [...(byName.get(n) ?? []), k])
})

type Pair = [string, number, number]
const crossNames: Pair[] = []
const crossQuote: Pair[] = []
const hardCross: Pair[] = []
const numbersDiffer: Pair[] = []
const sameSpeakerCross: Pair[] = []
const seenPair = new Set<string>()
statements.forEach((s, k) => {
  const met = new Map<number, number>()
  for (const n of rareNames(s)) for (const j of byName.get(n)!) if (j > k) met.set(j, (met.get(j) ?? 0) + 1)
  for (const [j, names] of met) {
    const t = statements[j]
    if (t.article === s.article || t.outlet === s.outlet) continue
    const gap = days(s, t)
    if (shared(s.grams, t.grams) >= 1 && gap <= 7) crossQuote.push(['outlets-quote', k, j])
    else if (names >= 2 && gap <= 3 && shared(s.words, t.words) >= 3) crossNames.push(['outlets-names', k, j])
    else if (names >= 1 && gap <= 30 && dice(s, t) >= 0.15 && dice(s, t) < 0.35) hardCross.push(['hard-topic', k, j])
    if (s.speaker === t.speaker && s.speaker !== '-' && /^\p{Lu}/u.test(s.speaker) && gap <= 7 && shared(s.words, t.words) >= 3)
      sameSpeakerCross.push(['outlets-speaker', k, j])
    if (s.numbers.size && t.numbers.size && !shared(s.numbers, t.numbers) && shared(s.words, t.words) >= 3 && gap <= 30)
      numbersDiffer.push(['hard-numbers', k, j])
  }
})

const answers: Pair[] = []
const headline: Pair[] = []
const restate: Pair[] = []
const sameSpeaker: Pair[] = []
const byArticle = new Map<string, number[]>()
statements.forEach((s, k) => {
  byArticle.set(s.article, [...(byArticle.get(s.article) ?? []), k])
})
for (const ks of byArticle.values()) {
  const text = texts.get(statements[ks[0]].article)?.text ?? ''
  const headEnd = text.indexOf('\n')
  for (const [i, k] of ks.entries()) {
    const s = statements[k]
    // A denial, confirmation or decline and the two statements before it: does it answer one of them?
    if (s.stance !== 'assert') for (const j of ks.slice(Math.max(0, i - 2), i)) answers.push(['answers', j, k])
    for (const j of ks.slice(i + 1)) {
      const t = statements[j]
      if (s.content[0].start < headEnd && shared(s.words, t.words) >= 2) headline.push(['headline', k, j])
      else if (dice(s, t) >= 0.3) restate.push(['restate', k, j])
      else if (s.speaker === t.speaker && s.speaker !== '-' && dice(s, t) >= 0.1) sameSpeaker.push(['hard-speaker', k, j])
    }
  }
}

// At most two pairs per article pair, so that wire copy run twice does not fill a stratum.
const perArticles = new Map<string, number>()
function take(pool: Pair[], n: number): Pair[] {
  const out: Pair[] = []
  for (const p of shuffle(pool)) {
    if (out.length >= n) break
    const [, k, j] = p
    const key = [statements[k].article, statements[j].article].sort().join(' ')
    if (seenPair.has(`${k} ${j}`) || (perArticles.get(key) ?? 0) >= 2) continue
    seenPair.add(`${k} ${j}`)
    perArticles.set(key, (perArticles.get(key) ?? 0) + 1)
    out.push(p)
  }
  return out
}
const picked = [
  ...take(crossQuote, 70),
  ...take(crossNames, 130),
  ...take(answers, 80),
  ...take(headline, 50),
  ...take(restate, 80),
  ...take(sameSpeaker, 40),
  ...take(hardCross, 40),
  ...take(numbersDiffer, 30),
  // A second draw, after the first 520 gave few cross-article positives: one named speaker in two outlets within
  // a week, and the rest of the shared-run pool.
  ...take(sameSpeakerCross, 110),
  ...take(crossQuote, 20),
]
const spans = (s: Stmt) => s.content.map((c) => [c.start, c.end])
/** The sentence or two around a statement, for the reader. */
function around(s: Stmt): string {
  const text = texts.get(s.article)!.text
  const from = Math.max(0, s.content[0].start - 200),
    to = Math.min(text.length, s.content.at(-1)!.end + 120)
  return text.slice(from, to).replace(/\s+/g, ' ')
}
picked.forEach(([stratum, k, j], n) => {
  const [a, b] = [statements[k], statements[j]]
  console.log(JSON.stringify({ n, stratum, a: { article: a.article, content: spans(a) }, b: { article: b.article, content: spans(b) } }))
  for (const [tag, s] of [
    ['A', a],
    ['B', b],
  ] as const) {
    console.log(
      `  ${tag} ${s.article} ${s.date} speaker=${s.speaker} stance=${s.stance}\n    CONTENT: ${s.text.slice(0, 400)}\n    CONTEXT: …${around(s)}…`,
    )
  }
})
console.error(
  `pools: quote ${crossQuote.length}, names ${crossNames.length}, answers ${answers.length}, headline ${headline.length}, restate ${restate.length}, speaker ${sameSpeaker.length}, topic ${hardCross.length}, numbers ${numbersDiffer.length}, speaker across ${sameSpeakerCross.length}; picked ${picked.length}`,
)
