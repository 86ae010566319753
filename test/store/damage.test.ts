// A store's files damaged every way an unlucky disk, a careless hand or a restored old copy damages them: bytes
// flipped, lines cut, deleted, repeated and swapped, sequence numbers edited (checksums and all), files truncated
// or removed. Each case must either be refused on open with a message naming the file (and the line, where
// there is one), or open with every acknowledged article, text and decision still there: no case may open
// silently with something missing. Every refused case is then repaired; a repair either refuses (a text is
// gone) or gives back every acknowledged article with its text.

import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { StoreError } from '../../src/errors.js'
import { extract } from '../../src/pipeline/extract.js'
import { listBackups } from '../../src/store/backups.js'
import { checksum } from '../../src/store/line-check.js'
import { repairStore } from '../../src/store/repair.js'
import type { Store } from '../../src/store/store.js'
import { type TempFolder, tempFolder } from './temp-store.js'

const FILE = 'claimtrail.json'
type Damage = (path: string) => Promise<void>

function article(n: number) {
  const names = ['Ana Ruiz', 'Omar Bell', 'Lena Fischer', 'Priya Nair']
  return {
    id: `wire-${n}`,
    title: `Harbour report ${n}`,
    outlet: 'Portsea Post',
    published: `2024-03-1${n % 10}`,
    url: null,
    text:
      `Harbour budget cut by ${n} percent\n\nThe council voted to cut the harbour budget by ${n} percent. ` +
      `"We cannot pay for everything," ${names[n % 4]}, the council leader, said on Monday. Union officials denied that the cut was needed.`,
  }
}

// --- what a case does to the files -------------------------------------------------------------------------
const lines = async (path: string) => (await readFile(path, 'utf8')).split('\n').slice(0, -1)
const putLines = (path: string, all: string[]) => writeFile(path, all.map((l) => `${l}\n`).join(''))
const editLines =
  (file: string, edit: (all: string[]) => string[]): Damage =>
  async (path) =>
    putLines(`${path}${file}`, edit(await lines(`${path}${file}`)))
/** Changes one byte: the first letter or digit at or after `fraction` of the line's JSON. */
const flip = (line: string, fraction = 0.5) => {
  const at = [...line].findIndex((c, i) => i >= Math.floor(line.lastIndexOf('\t') * fraction) && /[a-z0-9]/i.test(c))
  return line.slice(0, at) + (line[at] === 'x' ? 'y' : 'x') + line.slice(at + 1)
}
const flipLine = (file: string, index: (n: number) => number, fraction?: number) =>
  editLines(file, (all) => all.map((l, i) => (i === index(all.length) ? flip(l, fraction) : l)))
const without = (file: string, index: (n: number) => number) => editLines(file, (all) => all.filter((_, i) => i !== index(all.length)))
const repeated = (file: string, index: (n: number) => number) =>
  editLines(file, (all) => all.flatMap((l, i) => (i === index(all.length) ? [l, l] : [l])))
/** An edit made by someone who also fixed the checksum: only the numbering can tell. */
const reseal = (file: string, index: (n: number) => number, edit: (value: Record<string, unknown>) => void) =>
  editLines(file, (all) =>
    all.map((l, i) => {
      if (i !== index(all.length)) return l
      const value = JSON.parse(l.slice(0, l.lastIndexOf('\t')))
      edit(value)
      const json = JSON.stringify(value)
      return `${json}\t${checksum(json)}`
    }),
  )
const cutBytes =
  (file: string, keep: (size: number) => number): Damage =>
  async (path) => {
    const bytes = await readFile(`${path}${file}`)
    await writeFile(`${path}${file}`, bytes.subarray(0, keep(bytes.length)))
  }
const removed =
  (file: string): Damage =>
  (path) =>
    rm(`${path}${file}`)
const both =
  (...damages: Damage[]): Damage =>
  async (path) => {
    for (const damage of damages) await damage(path)
  }
const first = () => 0
const second = () => 1
const middle = (n: number) => Math.floor(n / 2)
const last = (n: number) => n - 1
/** Changes the id of the store file's first row that matches. */
const flipStoreRow =
  (pattern: RegExp): Damage =>
  async (path) => {
    const all = await lines(path)
    const i = all.findIndex((l) => pattern.test(l))
    all[i] = all[i].replace(/"id":"([^"]+)"/, (_, id: string) => `"id":"${id}x"`)
    await putLines(path, all)
  }

const CASES: Array<[string, Damage]> = [
  ['journal: a byte of its heading flipped', flipLine('.journal', first)],
  ['journal: a byte of its first change flipped', flipLine('.journal', second)],
  ['journal: a byte of a middle change flipped', flipLine('.journal', middle)],
  ['journal: a byte of its last change flipped', flipLine('.journal', last)],
  ['journal: a byte near the start of a change flipped', flipLine('.journal', middle, 0.05)],
  ['journal: a byte near the end of a change flipped', flipLine('.journal', last, 0.95)],
  [
    'journal: a checksum digit changed',
    editLines('.journal', (all) => all.map((l, i) => (i === 1 ? l.slice(0, -1) + (l.endsWith('0') ? '1' : '0') : l))),
  ],
  ['journal: its heading deleted', without('.journal', first)],
  ['journal: its first change deleted', without('.journal', second)],
  ['journal: a middle change deleted', without('.journal', middle)],
  ['journal: its last change deleted', without('.journal', last)],
  ['journal: a change repeated', repeated('.journal', middle)],
  ['journal: its last change repeated', repeated('.journal', last)],
  ['journal: two changes swapped', editLines('.journal', (all) => [all[0], all[2], all[1], ...all.slice(3)])],
  [
    "journal: a change's seq raised, checksum fixed",
    reseal('.journal', middle, (v) => {
      v.seq = (v.seq as number) + 1
    }),
  ],
  [
    "journal: the last change's seq raised, checksum fixed",
    reseal('.journal', last, (v) => {
      v.seq = (v.seq as number) + 5
    }),
  ],
  [
    "journal: its heading's base lowered, checksum fixed",
    reseal('.journal', first, (v) => {
      v.base = (v.base as number) - 1
    }),
  ],
  [
    "journal: its heading's base raised, checksum fixed",
    reseal('.journal', first, (v) => {
      v.base = (v.base as number) + 1
    }),
  ],
  ['journal: cut inside its last line', cutBytes('.journal', (n) => n - 40)],
  [
    'journal: cut inside its first change',
    async (path) => {
      const journal = await readFile(`${path}.journal`, 'utf8')
      await writeFile(`${path}.journal`, journal.slice(0, journal.indexOf('\n') + 30))
    },
  ],
  ['journal: cut to nothing', cutBytes('.journal', () => 0)],
  ['journal: removed', removed('.journal')],
  ['journal: two lines run together', editLines('.journal', (all) => [all[0], `${all[1]} ${all[2]}`, ...all.slice(3)])],
  ['journal: a line of junk inserted', editLines('.journal', (all) => [...all.slice(0, 2), '{"seq":"?"}', ...all.slice(2)])],
  ['texts: a byte of its first text flipped', flipLine('.texts', first)],
  ['texts: a byte of a middle text flipped', flipLine('.texts', middle)],
  ['texts: a byte of its last text flipped', flipLine('.texts', last)],
  ['texts: a middle line deleted', without('.texts', middle)],
  ['texts: its last line deleted', without('.texts', last)],
  ['texts: a line repeated', repeated('.texts', middle)],
  [
    "texts: a line's number edited, checksum fixed",
    reseal('.texts', middle, (v) => {
      v.seq = (v.seq as number) + 1
    }),
  ],
  ['texts: cut inside its last line', cutBytes('.texts', (n) => n - 50)],
  ['texts: cut in half', cutBytes('.texts', (n) => Math.floor(n / 2))],
  ['texts: cut to nothing', cutBytes('.texts', () => 0)],
  ['texts: removed', removed('.texts')],
  ["store file: an article's id changed", flipStoreRow(/^,?\{"id":"wire-1"/)],
  ["store file: a statement's id changed", flipStoreRow(/"articleId":"wire-2"/)],
  ["store file: a claim's id changed", flipStoreRow(/"statementIds"/)],
  [
    'store file: a byte of a decision flipped',
    async (path) =>
      putLines(
        path,
        (await lines(path)).map((l) => (l.includes('"verdict"') && l.includes('"by"') ? l.replace('False', 'Falsx') : l)),
      ),
  ],
  [
    'store file: its seq raised',
    async (path) =>
      putLines(
        path,
        (await lines(path)).map((l, i) => (i === 0 ? l.replace(/"seq":(\d+)/, (_, n: string) => `"seq":${Number(n) + 1}`) : l)),
      ),
  ],
  [
    'store file: a statement line deleted',
    editLines('', (all) => {
      const i = all.findIndex((l) => l.includes('"articleId"'))
      return all.filter((_, j) => j !== i)
    }),
  ],
  [
    'store file: a claim line repeated',
    editLines('', (all) => {
      const i = all.findIndex((l) => l.includes('"statementIds"'))
      return all.flatMap((l, j) => (j === i ? [l, `,${l.replace(/^,/, '')}`] : [l]))
    }),
  ],
  [
    'store file: its check line flipped',
    editLines('', (all) => all.map((l) => (l.startsWith(',"check"') ? l.replace('"seq":', '"seq":1') : l))),
  ],
  ['store file: cut in half', cutBytes('', (n) => Math.floor(n / 2))],
  ['store file: its last line cut off', cutBytes('', (n) => n - 2)],
  ['store file: removed', removed('')],
  ['store file: an older copy put back (its newest backup)', async (path) => cp((await listBackups(path))[0].file, path)],
  ['store file: an older copy put back (its oldest backup)', async (path) => cp((await listBackups(path)).at(-1)!.file, path)],
  ['head: removed', removed('.head')],
  ['head: garbled', async (path) => writeFile(`${path}.head`, 'not a number')],
  [
    'a backup: a byte flipped',
    async (path) => {
      const b = (await listBackups(path))[0].file
      await writeFile(b, (await readFile(b, 'utf8')).replace('wire-1', 'wire-x'))
    },
  ],
  ['store file and journal: both damaged', both(flipStoreRow(/"articleId":"wire-1"/), without('.journal', last))],
  [
    'journal: a torn line after the last (a killed write, never acknowledged)',
    async (path) => writeFile(`${path}.journal`, `${await readFile(`${path}.journal`, 'utf8')}{"seq":99,"arti`),
  ],
  [
    'texts: a text with no article after the last (a killed write, never acknowledged)',
    async (path) => {
      const all = await lines(`${path}.texts`)
      const json = JSON.stringify({ seq: all.length + 1, id: 'never-filed', text: 'An article whose journal line was never written.' })
      await putLines(`${path}.texts`, [...all, `${json}\t${checksum(json)}`])
    },
  ],
]

describe('a damaged store: refused with the file and line, or opened whole; never opened with something missing', function () {
  this.timeout(120_000)
  let temp: TempFolder
  let pristine: string
  let held: { texts: Map<string, string>; decisions: number }
  const tally = { tried: 0, openedWhole: 0, refused: 0, repaired: 0, repairRefused: 0, lost: 0, decisionsLost: 0 }

  before(async () => {
    temp = await tempFolder()
    pristine = temp.path(`pristine/${FILE}`)
    // Three compactions' worth of changes: backups, a store file, and a journal of articles and decisions after it.
    const store = await temp.open(pristine, { compactFloor: 1, keepBackups: 3 })
    for (let n = 1; n <= 9; n++) {
      await store.addArticle(article(n), extract(article(n)))
      if (n % 3 === 0)
        await store.decide(
          { action: 'review-claim', claim: store.statement(`wire-${n}:s1`)!.claim, verdict: 'False', note: `checked ${n}` },
          'desk',
        )
    }
    await store.close()
    const more = await temp.open(pristine, { keepBackups: 3 })
    for (let n = 10; n <= 13; n++) await more.addArticle(article(n), extract(article(n)))
    await more.decide({ action: 'review-claim', claim: more.statement('wire-10:s1')!.claim, verdict: 'Mostly true', note: 'later' }, 'desk')
    await more.flush()
    const reader = await temp.open(pristine, { readOnly: true })
    held = { texts: new Map(reader.articles().map((a) => [a.id, reader.article(a.id)!.text])), decisions: reader.decisions().length }
    expect(held.texts.size).to.equal(13)
    expect((await listBackups(pristine)).length).to.be.greaterThan(1)
    expect((await lines(`${pristine}.journal`)).length).to.equal(6)
  })
  after(async () => {
    console.log(
      `      damage: ${tally.tried} cases: ${tally.openedWhole} opened whole, ${tally.refused} refused with the file named; of those ${tally.repaired} repaired with every acknowledged article and text back, ${tally.repairRefused} refused by repair (texts gone); ${tally.lost} acknowledged articles lost; ${tally.decisionsLost} decisions lost by repairs, each in a journal line that was damaged or missing (repair says so)`,
    )
    await temp.remove()
  })

  /** What a reader finds missing of what was acknowledged. */
  function missing(store: Store): string[] {
    const gone = [...held.texts].filter(([id, text]) => store.article(id)?.text !== text).map(([id]) => id)
    if (store.decisions().length < held.decisions) gone.push(`${held.decisions - store.decisions().length} decisions`)
    return gone
  }

  CASES.forEach(([what, damage], n) => {
    it(what, async () => {
      tally.tried++
      const path = temp.path(`case-${n}/${FILE}`)
      // Not the writer's lock: the pristine store's writer (this process) still holds it.
      await cp(temp.path('pristine'), temp.path(`case-${n}`), { recursive: true, filter: (from) => !from.includes('.lock') })
      await damage(path)
      let refusal: Error | undefined
      try {
        const store = await temp.open(path, { readOnly: true })
        expect(missing(store), 'opened with acknowledged data missing').to.deep.equal([])
        tally.openedWhole++
        return
      } catch (error) {
        if (!(error instanceof StoreError)) throw error
        refusal = error
      }
      tally.refused++
      // The file, and the line unless the file is gone; and what to do.
      expect(refusal.message).to.match(/claimtrail\.json(\.journal|\.texts)? (is damaged at line \d+|is missing but)|is not valid JSON/)
      expect(refusal.message).to.match(/claimtrail repair/)
      try {
        await repairStore(path, extract)
      } catch (error) {
        if (!(error instanceof StoreError)) throw error
        expect(error.message).to.match(/cannot be rebuilt\. Nothing was written/)
        tally.repairRefused++
        return
      }
      const repaired = await temp.open(path, { readOnly: true })
      tally.decisionsLost += held.decisions - repaired.decisions().length
      const gone = missing(repaired).filter((m) => !m.endsWith('decisions'))
      tally.lost += gone.length
      expect(gone, 'articles lost by repair').to.deep.equal([])
      tally.repaired++
    })
  })

  it('tries at least 40 cases', () => expect(CASES.length).to.be.at.least(40))
})
