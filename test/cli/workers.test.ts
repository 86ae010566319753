// `--workers N`: extraction spread over threads gives exactly what one process gives, in input order, and a
// bad line is refused with its line number as it is without workers.

import { readFile, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { councilText } from '../fixtures/bridge-articles.js'
import { readStore, type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, SAMPLE } from './run.js'

describe('--workers', () => {
  let temp: TempFolder
  let lines: string[]
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    const sample = await readFile(SAMPLE, 'utf8')
    // Long and short articles interleaved, so a fast thread would overtake a slow one if order were not kept.
    lines = Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: `a${i}`, text: i % 2 ? councilText : sample, date: '2022-03-15' }))
    lines[5] = JSON.stringify({ id: 'a5', text: `${councilText}\nThe mayor said on Tuesday that the bridge would reopen in May.` })
  })
  afterEach(() => temp.remove())

  it('extract --jsonl prints with two workers what it prints with one, line for line', async () => {
    await writeFile(temp.path('in.jsonl'), `${lines.join('\n')}\n`)
    const one = await claimtrail(['extract', '--jsonl', 'in.jsonl', '--workers', '1'], { cwd: temp.dir })
    const two = await claimtrail(['extract', '--jsonl', 'in.jsonl', '--workers', '2'], { cwd: temp.dir })
    expect(one).to.deep.include({ code: 0, stderr: '' })
    expect(two).to.deep.include({ code: 0, stderr: '' })
    const ids = two.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
    expect(ids).to.deep.equal(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'])
    expect(JSON.parse(two.stdout.split('\n')[0]).statements).to.not.be.empty
    expect(two.stdout).to.equal(one.stdout)
  })

  it('refuses a bad line with its number and exit code 2, after printing every line before it', async () => {
    await writeFile(temp.path('in.jsonl'), `${lines.slice(0, 3).join('\n')}\n{"id": "broken"\n${lines[3]}\n`)
    const one = await claimtrail(['extract', '--jsonl', 'in.jsonl', '--workers', '1'], { cwd: temp.dir })
    const two = await claimtrail(['extract', '--jsonl', 'in.jsonl', '--workers', '2'], { cwd: temp.dir })
    expect(two.code).to.equal(2)
    expect(two.stderr).to.match(/^claimtrail: in\.jsonl:4: not valid JSON/)
    expect(two.stdout.trim().split('\n')).to.have.length(3)
    expect(two).to.deep.equal(one)
  })

  it('refuses a number of workers that is not one', async () => {
    const run = await claimtrail(['extract', '--jsonl', 'in.jsonl', '--workers', 'two'], { cwd: temp.dir })
    expect(run.code).to.equal(2)
    expect(run.stderr).to.include('--workers "two" is not a number of threads')
  })

  it('ingest stores with two workers what it stores with one', async () => {
    await writeFile(temp.path('in.jsonl'), `${lines.join('\n')}\n`)
    const one = await claimtrail(['ingest', 'in.jsonl', '--workers', '1', '--db', 'one.json'], { cwd: temp.dir })
    const two = await claimtrail(['ingest', 'in.jsonl', '--workers', '2', '--db', 'two.json'], { cwd: temp.dir })
    expect(one).to.deep.include({ code: 0, stderr: '' })
    expect(two).to.deep.equal(one)
    // Everything but when each article was added.
    const stored = async (file: string) =>
      JSON.parse(JSON.stringify(await readStore(temp.path(file))), (key, value) => (key === 'addedAt' ? undefined : value)) as {
        statements: unknown[]
      }
    const [a, b] = [await stored('one.json'), await stored('two.json')]
    expect(b.statements).to.not.be.empty
    expect(b).to.deep.equal(a)
  })
})
