// `npm run eval:speakers`: who the pipeline says spoke, scored against data/eval/speakers.jsonl, the labelled
// speaker of every gold attribution in a sample of dev articles (see data/eval/README.md). Each attribution is
// matched to the statement whose content overlaps it most. A name is right when it is the labelled name once
// titles, initials, a leading "the" and a possessive are set aside; a bare surname is wrong when the label is
// the full name, and a full name is right for a label that is the surname alone. A null label is right only
// for a statement with no speaker.
// Scored twice: the statement's own speaker, and the canonical record the store files it under once every dev
// article is ingested (--store gold ingests only the gold articles, --store none skips the store).
//   npx tsx bench/speaker-eval.ts --gold ../shared/eval/dev.jsonl [--set data/eval/speakers.jsonl] [--show wrong]
//     [--store all|gold|none]
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extract } from '../src/pipeline/extract.js'
import type { Statement } from '../src/pipeline/types.js'
import type { StatementRecord } from '../src/store/schema.js'
import { Store } from '../src/store/store.js'
import { type GoldArticle, match } from '../src/train/stance-score.js'
import { benchOptions, devLines, ROOT, table } from './dev-articles.js'

interface SpeakerGold {
  article: string
  quote: number
  content: number[][]
  kind: 'named' | 'pronoun' | 'none'
  name: string | null
  type: string | null
  sure: boolean
}

const TITLES = new Set(
  'mr mrs ms miss dr sen senator rep representative gov governor president vice secretary gen general lt col sgt adm admiral judge justice rev pope prime minister mayor chairman chairwoman chair speaker leader house senate former retired the'.split(
    ' ',
  ),
)

/** "Sen. Bernie Sanders's" -> "bernie sanders"; "Donald J. Trump" -> "donald trump". */
export function normalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s?\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !TITLES.has(w) && !/^\p{L}$/u.test(w))
    .join(' ')
}

export function sameSpeaker(predicted: string | null, gold: string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted
  const p = normalName(predicted)
  const g = normalName(gold)
  if (p === g) return p !== ''
  // The label is the surname alone (the article gives no more): a resolved full name ending in it is right.
  return !g.includes(' ') && g !== '' && p.split(' ').at(-1) === g
}

const options = benchOptions({ set: { type: 'string' }, show: { type: 'string' }, store: { type: 'string' } })
const gold = readFileSync(options.values.set ?? `${ROOT}data/eval/speakers.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as SpeakerGold)
const wanted = new Set(gold.map((g) => g.article))
const dev = devLines({ ...options, limit: Infinity }).map((l) => JSON.parse(l) as GoldArticle & { outlet?: string })
const articles = new Map(dev.filter((a) => wanted.has(a.id)).map((a) => [a.id, a]))

type Tally = Map<string, { total: number; matched: number; right: number; typeRight: number }>
const bump = (tally: Tally, key: string, matched: boolean, right: boolean, typeRight: boolean) => {
  const t = tally.get(key) ?? { total: 0, matched: 0, right: 0, typeRight: 0 }
  t.total++
  if (matched) t.matched++
  if (right) t.right++
  if (typeRight) t.typeRight++
  tally.set(key, t)
}
const goldType = (g: SpeakerGold) => (g.type === 'organisation' ? 'organization' : g.type)

/** Scores who each matched statement names, as `nameOf` reads it: the statement's own speaker, or its store record. */
function score(
  label: string,
  statementsOf: (article: string) => Statement[],
  nameOf: (s: Statement) => { name: string | null; type: string | null; mention?: string },
): void {
  const tally: Tally = new Map()
  for (const g of gold) {
    const found = match(statementsOf(g.article), g.content)
    const said = found ? nameOf(found) : null
    const right = said !== null && sameSpeaker(said.name, g.name)
    const typeRight = said !== null && said.type === goldType(g)
    for (const key of ['all', `${g.kind} source`]) bump(tally, key, found !== null, right, typeRight)
    if (options.values.show === 'wrong' && said && !right)
      console.log(
        `${label.split(' ')[0].padEnd(9)} ${g.kind.padEnd(7)} gold ${JSON.stringify(g.name)} · ${JSON.stringify(said.name)} (${said.mention ?? '-'})`,
      )
  }
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-')
  const rows = [['attributions', 'gold', 'matched', 'name right', 'accuracy on matched', 'type accuracy']]
  for (const key of ['all', 'named source', 'pronoun source', 'none source']) {
    const t = tally.get(key)
    if (t) rows.push([key, String(t.total), String(t.matched), String(t.right), f(t.right / t.matched), f(t.typeRight / t.matched)])
  }
  console.log(`\n${label}\n${table(rows)}`)
}

console.log(`speaker gold set: ${gold.length} attributions in ${articles.size} dev articles`)

// 1. The statement: who the pipeline says spoke, article by article.
const extracted = new Map<string, Statement[]>()
const statementsOf = (id: string) => {
  const article = articles.get(id)!
  if (!extracted.has(id)) extracted.set(id, extract({ text: article.text, published: article.date }).statements)
  return extracted.get(id)!
}
score('statement (extraction)', statementsOf, (s) => ({
  name: s.speaker?.name ?? null,
  type: s.speaker?.type ?? null,
  mention: s.speaker?.mention?.text,
}))

// 2. The store's canonical record: every dev article ingested into a real store file (so records merge across
// articles as they would on a desk), then the record each gold statement is filed under.
if (options.values.store !== 'none') {
  const dir = await mkdtemp(join(tmpdir(), 'claimtrail-speakers-'))
  try {
    const store = await Store.open(join(dir, 'eval.json'))
    const all = options.values.store === 'gold' ? [...articles.values()] : dev
    for (let i = 0; i < all.length; i += 50) {
      await store.addArticles(
        all.slice(i, i + 50).map((a) => {
          const article = { id: a.id, text: a.text, published: a.date, outlet: a.outlet }
          return { article, extraction: extract(article) }
        }),
      )
    }
    const byArticle = new Map<string, StatementRecord[]>()
    for (const s of store.statements()) byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s])
    score(
      `store record (${all.length} dev articles ingested)`,
      (id) => byArticle.get(id) ?? [],
      (s) => {
        const record = (s as StatementRecord).speakerId ? store.speaker((s as StatementRecord).speakerId!) : undefined
        return { name: record?.name ?? null, type: record?.type ?? null, mention: s.speaker?.mention?.text }
      },
    )
    await store.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
