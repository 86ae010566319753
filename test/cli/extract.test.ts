// `claimtrail extract`: pretty JSON for one article; for --jsonl, one compact line per input line, in order
// (the evaluation contract).

import { readFile, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, SAMPLE } from './run.js'

describe('claimtrail extract', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('prints the statements and claims of the sample article as indented JSON', async () => {
    const run = await claimtrail(['extract', '--date', '2022-03-15', '--outlet', 'NextShark', SAMPLE], { cwd: temp.dir })
    expect(run).to.deep.include({ code: 0, stderr: '' })
    expect(run.stdout).to.match(/^\{\n {2}"statements": \[/)
    const { statements, claims } = JSON.parse(run.stdout)
    expect(statements.length).to.be.greaterThan(0)
    expect(claims.length).to.be.greaterThan(0)
    const text = await readFile(SAMPLE, 'utf8')
    for (const statement of statements) {
      for (const part of statement.content) expect(text.slice(part.start, part.end)).to.equal(part.text)
      expect(claims.map((c: { id: string }) => c.id)).to.include(statement.claim)
    }
  })

  it('--min-confidence keeps only statements at least that sure, and their claims', async () => {
    const all = JSON.parse((await claimtrail(['extract', SAMPLE], { cwd: temp.dir })).stdout)
    const run = await claimtrail(['extract', '--min-confidence', '0.8', SAMPLE], { cwd: temp.dir })
    expect(run.code).to.equal(0)
    const { statements, claims } = JSON.parse(run.stdout)
    const sure = all.statements.filter((s: { confidence: number }) => s.confidence >= 0.8)
    expect(sure.length).to.be.within(1, all.statements.length - 1)
    expect(statements).to.deep.equal(sure)
    for (const claim of claims) expect(statements.some((s: { claim: string }) => s.claim === claim.id)).to.equal(true)
  })

  it('refuses a --min-confidence that is no number from 0 to 1, with exit code 2', async () => {
    const run = await claimtrail(['extract', '--min-confidence', 'high', SAMPLE], { cwd: temp.dir })
    expect(run.code).to.equal(2)
    expect(run.stderr).to.match(/--min-confidence "high" is not a confidence/)
  })

  it('reads the article from stdin for -', async () => {
    const run = await claimtrail(['extract', '-'], { cwd: temp.dir, input: await readFile(SAMPLE) })
    expect(run.code).to.equal(0)
    expect(JSON.parse(run.stdout).statements.length).to.be.greaterThan(0)
  })

  it('--jsonl prints one {"id", "statements"} line per input line, in order, skipping blank lines', async () => {
    const sample = await readFile(SAMPLE, 'utf8')
    const lines = [
      { id: 'sample', text: sample, date: '2022-03-15' },
      { id: 'short', text: 'The mayor said on Monday that the bridge would close.' },
      { id: 'none', text: 'Rain is expected over the weekend.' },
    ]
    await writeFile(temp.path('in.jsonl'), `${JSON.stringify(lines[0])}\n\n${JSON.stringify(lines[1])}\r\n${JSON.stringify(lines[2])}`)
    const run = await claimtrail(['extract', '--jsonl', 'in.jsonl'], { cwd: temp.dir })
    expect(run).to.deep.include({ code: 0, stderr: '' })
    const out = run.stdout.split('\n')
    expect(out.pop()).to.equal('')
    expect(out.map((line) => Object.keys(JSON.parse(line)))).to.deep.equal([
      ['id', 'statements'],
      ['id', 'statements'],
      ['id', 'statements'],
    ])
    expect(out.map((line) => JSON.parse(line).id)).to.deep.equal(['sample', 'short', 'none'])
    expect(JSON.parse(out[0]).statements.length).to.be.greaterThan(0)
  })

  it('--jsonl stops at a bad line with exit code 2, naming the file and line', async () => {
    await writeFile(temp.path('in.jsonl'), '{"id": "a", "text": "The mayor said it."}\n{"id": "b", "text": \n{"id": "c", "text": "x"}\n')
    const run = await claimtrail(['extract', '--jsonl', 'in.jsonl'], { cwd: temp.dir })
    expect(run.code).to.equal(2)
    expect(run.stderr).to.match(/^claimtrail: in\.jsonl:2: not valid JSON \(.+\)\. Each line must be one JSON object\.\n$/)
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).to.deep.equal(['a'])
  })

  it('--jsonl refuses a line without an id, since its output could not be matched', async () => {
    await writeFile(temp.path('in.jsonl'), '{"text": "The mayor said it."}\n')
    const run = await claimtrail(['extract', '--jsonl', 'in.jsonl'], { cwd: temp.dir })
    expect(run).to.deep.include({
      code: 2,
      stderr: 'claimtrail: in.jsonl:1: "id" is missing: every line needs one, to match its output line.\n',
    })
  })
})
