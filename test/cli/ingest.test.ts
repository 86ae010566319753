// `claimtrail ingest`: articles into the store once each, bad inputs skipped with their reason, a damaged
// store refused and left untouched.

import { existsSync } from 'node:fs'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { readStore, type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, SAMPLE } from './run.js'

/** The summary's figures by label: "articles added:  1" → { 'articles added': 1 }. */
function figures(stdout: string): Record<string, number> {
  return Object.fromEntries([...stdout.matchAll(/^([a-z ]+):\s+(\d+)$/gm)].map(([, label, n]) => [label, Number(n)]))
}

describe('claimtrail ingest', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    await copyFile(SAMPLE, temp.path('sample.txt'))
  })
  afterEach(() => temp.remove())

  it('stores the sample article once: the second run adds nothing', async () => {
    const first = await claimtrail(['ingest', '--date', '2022-03-15', '--outlet', 'NextShark', 'sample.txt'], { cwd: temp.dir })
    expect(first).to.deep.include({ code: 0, stderr: '' })
    const added = figures(first.stdout)
    expect(added).to.deep.include({ 'articles added': 1, 'already stored': 0 })
    expect(added.statements).to.be.greaterThan(0)
    expect(added.claims).to.be.greaterThan(0)
    const store = await readStore(temp.path('data/claimtrail.json'))
    expect(store.articles[0]).to.deep.include({ outlet: 'NextShark', published: '2022-03-15' })
    expect(store.statements).to.have.length(added.statements)

    const second = await claimtrail(['ingest', 'sample.txt'], { cwd: temp.dir })
    expect(second.code).to.equal(0)
    expect(figures(second.stdout)).to.deep.equal({ 'articles added': 0, 'already stored': 1, statements: 0, claims: 0 })
    expect((await readStore(temp.path('data/claimtrail.json'))).statements).to.have.length(added.statements)
  })

  it('skips unreadable inputs and bad lines with their reasons, storing the rest', async () => {
    await writeFile(temp.path('empty.txt'), '')
    await writeFile(
      temp.path('wire.jsonl'),
      [
        JSON.stringify({ id: 'wire-1', text: 'The minister said on Monday that fares would rise.', date: '2024-05-06', outlet: 'Wire' }),
        '{"id": "wire-2", "text": ',
        JSON.stringify({ id: 'wire-3', text: 'Police denied that the march was banned.', date: 'Monday' }),
        JSON.stringify({ id: 'wire-4', text: 'The union said the strike would go ahead.' }),
      ].join('\n'),
    )
    const run = await claimtrail(['ingest', 'sample.txt', 'empty.txt', 'gone.txt', 'wire.jsonl'], { cwd: temp.dir })
    expect(run.code).to.equal(0)
    expect(figures(run.stdout)).to.deep.include({ 'articles added': 3, 'already stored': 0 })
    const skipped = run.stdout.split('\n').filter((line) => line.startsWith('skipped'))
    expect(skipped).to.have.length(4)
    expect(skipped[0]).to.equal("skipped: empty.txt is empty: give a file with the article's text.")
    expect(skipped[1]).to.equal('skipped: gone.txt: no such file. Check the path.')
    expect(skipped[2]).to.match(/^skipped: wire\.jsonl:2: not valid JSON \(.+\)\. Each line must be one JSON object\.$/)
    expect(skipped[3]).to.equal('skipped: wire.jsonl:3: "date" "Monday" is not a date: write it as yyyy-MM-dd, e.g. 2022-03-15.')
    const store = await readStore(temp.path('data/claimtrail.json'))
    expect(store.articles.map((a: { id: string }) => a.id)).to.include.members(['wire-1', 'wire-4'])
    expect(store.articles.find((a: { id: string }) => a.id === 'wire-1')).to.deep.include({ published: '2024-05-06', outlet: 'Wire' })
  })

  it('stores a repeated line once and skips a line reusing an id for another text', async () => {
    const line = (id: string, text: string) => JSON.stringify({ id, text })
    await writeFile(
      temp.path('wire.jsonl'),
      [
        line('w1', 'The minister said fares would rise.'),
        line('w1', 'The minister said fares would rise.'),
        line('w1', 'The union said the strike would go ahead.'),
      ].join('\n'),
    )
    const run = await claimtrail(['ingest', 'wire.jsonl'], { cwd: temp.dir })
    expect(run.code).to.equal(0)
    expect(figures(run.stdout)).to.deep.include({ 'articles added': 1, 'already stored': 1 })
    expect(run.stdout).to.contain('skipped: wire.jsonl:3: id "w1" already names another article. Give this one a different id.')
  })

  it('refuses when nothing given can be read, listing every reason', async () => {
    const run = await claimtrail(['ingest', 'a.txt', 'b.txt'], { cwd: temp.dir })
    expect(run).to.deep.include({
      code: 2,
      stderr: 'claimtrail: nothing to ingest:\n  a.txt: no such file. Check the path.\n  b.txt: no such file. Check the path.\n',
    })
  })

  it('uses --db over CLAIMTRAIL_DB over data/claimtrail.json', async () => {
    await claimtrail(['ingest', 'sample.txt'], { cwd: temp.dir, env: { CLAIMTRAIL_DB: 'env/store.json' } })
    expect(existsSync(temp.path('env/store.json'))).to.equal(true)
    await claimtrail(['ingest', '--db', 'flag.json', 'sample.txt'], { cwd: temp.dir, env: { CLAIMTRAIL_DB: 'env/other.json' } })
    expect(existsSync(temp.path('flag.json'))).to.equal(true)
    expect(existsSync(temp.path('env/other.json'))).to.equal(false)
    expect(existsSync(temp.path('data/claimtrail.json'))).to.equal(false)
  })

  it('refuses a damaged store with exit code 4 and leaves its bytes as they were', async () => {
    const damaged = '{"schema": 1, "articles": [{"id": "a"'
    await writeFile(temp.path('store.json'), damaged)
    const run = await claimtrail(['ingest', '--db', 'store.json', 'sample.txt'], { cwd: temp.dir })
    expect(run.code).to.equal(4)
    expect(run.stderr).to.match(
      /^claimtrail: store\.json is not valid JSON \(.+\)\. Nothing was changed: run `claimtrail repair --db store\.json` to rebuild it from its latest backup and journal\.\n$/,
    )
    expect(await readFile(temp.path('store.json'), 'utf8')).to.equal(damaged)
  })
})
