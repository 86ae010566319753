// `claimtrail speakers`: the most quoted speakers of a real store file, as a table and as JSON, and the junk
// check that marks a pronoun or a date word among them and exits 1. Articles written for the test in the shape
// of wire stories.

import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt } from './run.js'

const ARTICLES = [
  {
    id: 'a1',
    date: '2022-03-14',
    text: 'Chinese Foreign Ministry spokesperson Zhao Lijian said the reports were disinformation.\n\nZhao said China wanted peace.',
  },
  {
    id: 'a2',
    date: '2022-03-15',
    text: 'Zhao Lijian said on Tuesday that China was not a party to the conflict.\n\nBeijing said the sanctions were illegal.',
  },
  { id: 'a3', date: '2022-03-16', text: 'Kremlin spokesman Dmitry Peskov said the talks had stalled.' },
]

describe('claimtrail speakers', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    await writeFile(join(temp.dir, 'news.jsonl'), ARTICLES.map((a) => JSON.stringify(a)).join('\n'))
    const run = await claimtrail(['ingest', '--db', 'store.json', 'news.jsonl'], { cwd: temp.dir })
    expect(run.code, run.stderr).to.equal(0)
  })
  afterEach(() => temp.remove())

  it('lists the most quoted first, with how each was written', async () => {
    const run = await claimtrail(['speakers', '--top', '2', '--db', 'store.json'], { cwd: temp.dir })
    expect(run.code, run.stderr).to.equal(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines).to.have.length(3)
    expect(lines[1]).to.match(/^\s*1\s+3\s+\d+\s+\d+\s+person\s+Zhao Lijian\s+.*Zhao/)
    expect(lines[2]).to.match(/China|Dmitry Peskov/)
  })

  it('gives JSON with the counts and no junk in a clean store, and --check passes', async () => {
    const run = await claimtrail(['speakers', '--json', '--check', '--db', 'store.json'], { cwd: temp.dir })
    expect(run.code, run.stderr).to.equal(0)
    const rows = JSON.parse(run.stdout) as Array<{ rank: number; name: string; type: string; statements: number; junk: string | null }>
    expect(rows.map((r) => r.name)).to.include.members(['Zhao Lijian', 'China', 'Dmitry Peskov'])
    expect(rows.find((r) => r.name === 'China')).to.include({ type: 'country', statements: 1, junk: null })
    expect(run.stderr).to.match(/None of the top 3 speakers is a date word/)
  })

  it('marks a pronoun it could not resolve and exits 1 under --check', async () => {
    await writeFile(
      join(temp.dir, 'more.jsonl'),
      [
        JSON.stringify({
          id: 'b1',
          text: 'He said the bridge would reopen.\n\nHe said the repairs were done.\n\nHe said traffic would resume.\n\nHe said the city paid.',
        }),
      ].join('\n'),
    )
    // Unresolved, "He" stays inside its article: four records of one statement each, not one of four.
    expect((await claimtrail(['ingest', '--db', 'store.json', 'more.jsonl'], { cwd: temp.dir })).code).to.equal(0)
    const run = await claimtrail(['speakers', '--top', '100', '--check', '--db', 'store.json'], { cwd: temp.dir })
    expect(run.stdout).to.match(/He {2}<- a pronoun/)
    expect(run.stderr).to.match(/of the top \d+ speakers are no speakers/)
    expect(run.code).to.equal(1)
  })

  it('refuses a --top that is no number, with exit 2', async () => {
    const run = await claimtrail(['speakers', '--top', 'many', '--db', 'store.json'], { cwd: temp.dir })
    expect(run.code).to.equal(2)
    expect(run.stderr).to.match(/--top "many" is not a number of speakers/)
  })

  it('says where the store is missing, with exit 3', async () => {
    const run = await claimtrail(['speakers', '--db', 'nowhere.json'], { cwd: temp.dir })
    expect(run.code).to.equal(3)
    expect(run.stderr).to.match(/nowhere.json: no store there/)
  })
})
