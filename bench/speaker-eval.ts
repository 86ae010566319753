// `npm run eval:speakers`: who the pipeline says spoke, scored against data/eval/speakers.jsonl, the labelled
// speaker of every gold attribution in a sample of dev articles (see data/eval/README.md). Each attribution is
// matched to the statement whose content overlaps it most. A name is right when it is the labelled name once
// titles, initials, a leading "the" and a possessive are set aside; a bare surname is wrong when the label is
// the full name, and a full name is right for a label that is the surname alone. A null label is right only
// for a statement with no speaker.
//   npx tsx bench/speaker-eval.ts --gold ../shared/eval/dev.jsonl [--set data/eval/speakers.jsonl] [--show wrong]
import { readFileSync } from 'node:fs'
import { extract } from '../src/pipeline/extract.js'
import type { Statement } from '../src/pipeline/types.js'
import { match, type GoldArticle } from '../src/train/stance-score.js'
import { ROOT, benchOptions, devLines, table } from './dev-articles.js'

interface SpeakerGold { article: string; quote: number; content: number[][]; kind: 'named' | 'pronoun' | 'none'; name: string | null; type: string | null; sure: boolean }

const TITLES = new Set('mr mrs ms miss dr sen senator rep representative gov governor president vice secretary gen general lt col sgt adm admiral judge justice rev pope prime minister mayor chairman chairwoman chair speaker leader house senate former retired the'.split(' '))

/** "Sen. Bernie Sanders's" -> "bernie sanders"; "Donald J. Trump" -> "donald trump". */
export function normalName(name: string): string {
  return name.toLowerCase().replace(/['’]s?\b/g, '').replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/)
    .filter((w) => w && !TITLES.has(w) && !/^\p{L}$/u.test(w)).join(' ')
}

export function sameSpeaker(predicted: string | null, gold: string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted
  const p = normalName(predicted)
  const g = normalName(gold)
  if (p === g) return p !== ''
  // The label is the surname alone (the article gives no more): a resolved full name ending in it is right.
  return !g.includes(' ') && g !== '' && p.split(' ').at(-1) === g
}

const options = benchOptions({ set: { type: 'string' }, show: { type: 'string' } })
const gold = readFileSync(options.values.set ?? `${ROOT}data/eval/speakers.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SpeakerGold)
const wanted = new Set(gold.map((g) => g.article))
const articles = new Map(devLines({ ...options, limit: Infinity }).map((l) => JSON.parse(l) as GoldArticle).filter((a) => wanted.has(a.id)).map((a) => [a.id, a]))

const tally = new Map<string, { total: number; matched: number; right: number; typeRight: number }>()
const bump = (key: string, matched: boolean, right: boolean, typeRight: boolean) => {
  const t = tally.get(key) ?? { total: 0, matched: 0, right: 0, typeRight: 0 }
  t.total++
  if (matched) t.matched++
  if (right) t.right++
  if (typeRight) t.typeRight++
  tally.set(key, t)
}
const extracted = new Map<string, Statement[]>()
for (const g of gold) {
  const article = articles.get(g.article)!
  if (!extracted.has(g.article)) extracted.set(g.article, extract({ text: article.text, published: article.date }).statements)
  const found = match(extracted.get(g.article)!, g.content)
  const right = found !== null && sameSpeaker(found.speaker?.name ?? null, g.name)
  const typeRight = found !== null && (found.speaker?.type ?? null) === (g.type === 'organisation' ? 'organization' : g.type)
  for (const key of ['all', `${g.kind} source`]) bump(key, found !== null, right, typeRight)
  if (options.values.show === 'wrong' && found && !right) console.log(`${g.kind.padEnd(7)} gold ${JSON.stringify(g.name)} · pipeline ${JSON.stringify(found.speaker?.name ?? null)} (${found.speaker?.mention?.text ?? '-'})`)
}
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-')
const rows = [['attributions', 'gold', 'matched', 'name right', 'accuracy on matched', 'type accuracy']]
for (const key of ['all', 'named source', 'pronoun source', 'none source']) {
  const t = tally.get(key)
  if (t) rows.push([key, String(t.total), String(t.matched), String(t.right), f(t.right / t.matched), f(t.typeRight / t.matched)])
}
console.log(`speaker gold set: ${gold.length} attributions in ${articles.size} dev articles (extraction)\n`)
console.log(table(rows))
