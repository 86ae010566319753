// How data/eval/claim-pairs.jsonl was drawn: statements of different dev articles paired by a plain word-dice
// (not the ClaimIndex under test, so that the set does not only hold what the index finds), in strata from
// near-identical to unrelated, plus pairs that share names but little else (the hard negatives). Prints the
// candidates with their text for labelling by hand, to the terminal only: the stored set keeps ids and offsets.
//   npx tsx bench/claim-pair-candidates.ts --gold ../shared/eval/dev.jsonl --pred /tmp/dev-extract.jsonl
import { readFileSync } from 'node:fs'
import { benchOptions, devLines } from './dev-articles.js'

interface Stmt {
  article: string
  content: Array<{ start: number; end: number; text: string }>
  speaker: string
  stance: string
  text: string
  date: string
  words: Set<string>
  names: Set<string>
}

const options = benchOptions({ pred: { type: 'string' }, seed: { type: 'string', default: '7' } })
const dates = new Map(
  devLines(options)
    .map((l) => JSON.parse(l) as { id: string; date: string })
    .map((a) => [a.id, a.date]),
)
const STOP = new Set(
  'the a an of to in on at for and or but that this with from by as is are was were be been has have had it its their his her they he she we our will would not no any such also than then there which who i you about more said what if do did can'.split(
    ' ',
  ),
)
const NOT_NAMES = /^(The|He|She|It|We|I|They|This|That|But|And|In|If|A|Mr|Mrs|Ms)$/

const statements: Stmt[] = []
for (const line of readFileSync(options.values.pred!, 'utf8').trim().split('\n')) {
  const { id, statements: found } = JSON.parse(line) as {
    id: string
    statements: Array<{ content: Stmt['content']; speaker: { name: string } | null; stance: string }>
  }
  for (const s of found) {
    const text = s.content.map((c) => c.text).join(' … ')
    const words = new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 1).map((w) => w.slice(0, 6)),
    )
    if (words.size < 4) continue // a name or a date alone is no proposition to compare
    const names = new Set((text.match(/\b\p{Lu}\p{L}+/gu) ?? []).filter((w) => !NOT_NAMES.test(w)))
    statements.push({
      article: id,
      content: s.content,
      speaker: s.speaker?.name ?? '-',
      stance: s.stance,
      text,
      date: dates.get(id) ?? '',
      words,
      names,
    })
  }
}

// Word dice over all cross-article pairs above 0.15, through an inverted index of the rarer words.
const postings = new Map<string, number[]>()
statements.forEach((s, k) => {
  for (const w of s.words) {
    const list = postings.get(w)
    if (list) list.push(k)
    else postings.set(w, [k])
  }
})
const dice: Array<[number, number, number]> = []
statements.forEach((s, k) => {
  const shared = new Map<number, number>()
  for (const w of s.words) {
    const list = postings.get(w)!
    if (list.length > 800) continue
    for (const j of list) if (j > k && statements[j].article !== s.article) shared.set(j, (shared.get(j) ?? 0) + 1)
  }
  for (const [j, n] of shared) dice.push([k, j, (2 * n) / (s.words.size + statements[j].words.size)])
})

let seed = Number(options.values.seed)
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const shuffle = <T>(xs: T[]) =>
  xs
    .map((x) => [random(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x)
const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000
const sharedNames = (a: Stmt, b: Stmt) => [...a.names].filter((n) => b.names.has(n)).length

// At most two pairs per article pair: wire copy run by two outlets would otherwise fill the high strata.
const perArticles = new Map<string, number>()
const seen = new Set<string>()
function take(stratum: string, pool: Array<[number, number, number]>, n: number) {
  const out: Array<[string, number, number, number]> = []
  for (const [k, j, d] of shuffle(pool)) {
    if (out.length >= n) break
    if (seen.has(`${k} ${j}`)) continue
    seen.add(`${k} ${j}`)
    const key = [statements[k].article, statements[j].article].sort().join(' ')
    if ((perArticles.get(key) ?? 0) >= 2) continue
    perArticles.set(key, (perArticles.get(key) ?? 0) + 1)
    out.push([stratum, k, j, d])
  }
  return out
}
const within = (lo: number, hi: number) => dice.filter(([, , d]) => d >= lo && d < hi)
const hard = dice.filter(
  ([k, j, d]) =>
    d >= 0.15 && d < 0.3 && sharedNames(statements[k], statements[j]) >= 2 && days(statements[k].date, statements[j].date) <= 30,
)
const randomPairs: Array<[number, number, number]> = []
while (randomPairs.length < 200) {
  const k = Math.floor(random() * statements.length),
    j = Math.floor(random() * statements.length)
  if (statements[k].article !== statements[j].article) randomPairs.push([k, j, 0])
}
const picked = [
  ...take('dice>=0.7', within(0.7, 1.01), 70),
  ...take('dice0.5-0.7', within(0.5, 0.7), 90),
  ...take('dice0.35-0.5', within(0.35, 0.5), 90),
  ...take('dice0.25-0.35', within(0.25, 0.35), 50),
  ...take('shared-names', hard, 50),
  ...take('random', randomPairs, 30),
  // A second draw from the top, after the first 380 labelled gave 82 positives of the 100 wanted.
  ...take('dice>=0.45-second', within(0.45, 1.01), 90),
]
const spans = (s: Stmt) => s.content.map((c) => [c.start, c.end])
picked.forEach(([stratum, k, j, d], n) => {
  const [a, b] = [statements[k], statements[j]]
  console.log(
    JSON.stringify({
      n,
      stratum,
      dice: +d.toFixed(2),
      a: { article: a.article, content: spans(a) },
      b: { article: b.article, content: spans(b) },
    }),
  )
  console.log(`  A ${a.date} ${a.speaker} [${a.stance}]: ${a.text.slice(0, 300)}`)
  console.log(`  B ${b.date} ${b.speaker} [${b.stance}]: ${b.text.slice(0, 300)}`)
})
