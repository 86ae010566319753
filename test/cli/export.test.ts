// `claimtrail export`: the store as CSV or JSON, to stdout or to a file.

import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, SAMPLE } from './run.js'

describe('claimtrail export', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    const run = await claimtrail(['ingest', '--date', '2022-03-15', SAMPLE], { cwd: temp.dir })
    expect(run.code).to.equal(0)
  })
  afterEach(() => temp.remove())

  it('prints the store as JSON: four tables, no article text', async () => {
    const run = await claimtrail(['export', '--format', 'json'], { cwd: temp.dir })
    expect(run).to.deep.include({ code: 0, stderr: '' })
    const data = JSON.parse(run.stdout)
    expect(Object.keys(data)).to.deep.equal(['articles', 'speakers', 'claims', 'statements'])
    expect(data.articles).to.have.length(1)
    expect(data.articles[0]).not.to.have.property('text')
    expect(data.statements.length).to.be.greaterThan(0)
    expect(data.statements.every((s: { articleId: string }) => s.articleId === data.articles[0].id)).to.equal(true)
  })

  it('streams the statements as CSV to stdout, one row per statement', async () => {
    const json = JSON.parse((await claimtrail(['export', '--format', 'json'], { cwd: temp.dir })).stdout)
    const run = await claimtrail(['export', '--format', 'csv'], { cwd: temp.dir })
    expect(run.code).to.equal(0)
    expect(run.stdout.startsWith('\ufeffstatement_id,claim_id,claim_text,speaker,')).to.equal(true)
    const rows = run.stdout.split('\r\n').filter((line) => line.startsWith(`${json.articles[0].id}:s`))
    expect(rows).to.have.length(json.statements.length)
  })

  it('writes to --out instead, the same bytes', async () => {
    const run = await claimtrail(['export', '--format', 'csv', '--out', 'statements.csv'], { cwd: temp.dir })
    expect(run).to.deep.include({ code: 0, stdout: '' })
    const printed = await claimtrail(['export', '--format', 'csv'], { cwd: temp.dir })
    expect(await readFile(temp.path('statements.csv'), 'utf8')).to.equal(printed.stdout)
  })

  it('refuses an --out in a folder that does not exist, with exit code 2', async () => {
    const run = await claimtrail(['export', '--format', 'json', '--out', 'no/such/folder/x.json'], { cwd: temp.dir })
    expect(run.code).to.equal(2)
    expect(run.stderr).to.match(
      /^claimtrail: cannot write no\/such\/folder\/x\.json \(ENOENT.*\)\. Check that its folder exists and is writable\.\n$/,
    )
  })

  it('refuses a store that is not there with exit code 3, creating none', async () => {
    const run = await claimtrail(['export', '--format', 'csv', '--db', 'typo.json'], { cwd: temp.dir })
    expect(run).to.deep.include({
      code: 3,
      stdout: '',
      stderr: 'claimtrail: typo.json: no store there. Check --db (or CLAIMTRAIL_DB), or ingest articles first.\n',
    })
    expect(existsSync(temp.path('typo.json'))).to.equal(false)
  })

  it('refuses a store of another schema with exit code 4', async () => {
    await writeFile(temp.path('old.json'), '{"schema": 9}')
    const refused = await claimtrail(['export', '--format', 'csv', '--db', 'old.json'], { cwd: temp.dir })
    expect(refused).to.deep.include({
      code: 4,
      stdout: '',
      stderr: 'claimtrail: old.json is schema 9; this build reads schemas 1 to 3. Upgrade claimtrail or restore a backup.\n',
    })
  })
})
