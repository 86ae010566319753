// `claimtrail claims`, `claimtrail review` and `export --what claims`: the claim ledger from the terminal, a
// reviewer's decisions, and one CSV row per claim — run as a user runs them, on the mission's article.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, SAMPLE } from './run.js'

describe('claimtrail claims, review, export --what claims', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    const run = await claimtrail(['ingest', '--date', '2022-03-15', '--outlet', 'NextShark', SAMPLE], { cwd: temp.dir })
    expect(run.code).to.equal(0)
  })
  afterEach(() => temp.remove())

  const run = (...args: string[]) => claimtrail(args, { cwd: temp.dir })

  it('lists each claim with who asserted it and who denied it, anonymous support counted', async () => {
    const out = await run('claims')
    expect(out).to.deep.include({ code: 0, stderr: '' })
    const first = out.stdout.split('\n\n')[0]
    expect(first).to.match(/^\S+:c1 {2}"Russia asked China for military, economic assistance/)
    expect(first).to.match(/2 of 2 supporters anonymous/)
    expect(first).to.match(/asserted U\.S\. officials \[anonymous\] — 2022-03-15 · NextShark · article \S+/)
    expect(first).to.match(/denied {3}Zhao Lijian \[person\], Chinese Foreign Ministry spokesperson — 2022-03-14/)
    expect(first).to.match(/denied {3}Russia \[country\]/)
  })

  it('filters by speaker alias, by denial and by anonymous-only support', async () => {
    const zhao = await run('claims', '--speaker', 'Zhao')
    expect(zhao.stdout).to.contain('Zhao Lijian')
    expect(zhao.stdout).not.to.contain('Eric Sayers')
    const denied = await run('claims', '--denied')
    expect(denied.stdout).to.match(/\n1 claim, latest statement, newest first\n$/)
    const anonymous = await run('claims', '--anonymous-only')
    expect(anonymous.stdout).not.to.contain('Eric Sayers')
    expect(anonymous.stdout).to.contain('[anonymous]')
    const nobody = await run('claims', '--speaker', 'Nobody Atall')
    expect(nobody.stdout).to.equal('No claim matches these filters.\n')
  })

  it("lists with --across-articles only the claims a second outlet's report joined", async () => {
    expect((await run('claims', '--across-articles')).stdout).to.equal('No claim matches these filters.\n')
    // A second outlet's wire copy, worded its own way: the index files it under the stored claim.
    await writeFile(
      join(temp.dir, 'wire.txt'),
      'Russia asked China for aid, U.S. says\n\nRussia has asked China for military and economic assistance after its invasion of Ukraine, U.S. officials said on Monday.\n',
    )
    expect((await run('ingest', '--date', '2022-03-15', '--outlet', 'Wire', 'wire.txt')).code).to.equal(0)
    const across = (await run('claims', '--across-articles')).stdout
    expect(across).to.match(/^\S+:c1 {2}"Russia asked China for military, economic assistance/)
    expect(across).to.match(/in 2 articles/)
    expect(across).to.contain('· Wire ·')
    expect(across).to.contain('· NextShark ·')
    expect(across).to.match(/\n1 claim, latest statement, newest first\n$/)
  })

  it('writes one CSV row per claim with its counts', async () => {
    const csv = await run('export', '--format', 'csv', '--what', 'claims')
    expect(csv.code).to.equal(0)
    const lines = csv.stdout.split('\r\n').filter(Boolean)
    expect(lines[0]).to.equal(
      '\ufeffclaim_id,claim_text,statements,articles,asserted,denied,declined,anonymous_support,asserted_by,denied_by,first_date,latest_date,first_statement_id,first_outlet,latest_statement_id,latest_outlet,verdict',
    )
    const claims = (await run('claims')).stdout.match(/^\S+:c\d+ {2}/gm)!
    expect(lines).to.have.length(claims.length + 1)
    expect(lines[1]).to.match(
      /,5,1,2,3,0,2,U\.?S\.? officials \(anonymous\); U\.?S\.? officials \(anonymous\),Zhao Lijian \(person\); China \(country\); Russia \(country\),2022-03-14,2022-03-15,/,
    )
  })

  it('writes one row per claim, speaker and side, as CSV without being asked for CSV', async () => {
    const csv = await run('export', '--what', 'claim-speakers')
    expect(csv.code).to.equal(0)
    const lines = csv.stdout.split('\r\n').filter(Boolean)
    expect(lines[0]).to.equal(
      '\ufeffclaim_id,claim_text,side,speaker,speaker_id,speaker_type,role,statements,first_date,latest_date,outlets,first_statement_id,verdict',
    )
    expect(lines.some((line) => /,denied,Zhao Lijian,zhao-lijian,person,Chinese Foreign Ministry spokesperson,1,/.test(line))).to.equal(
      true,
    )
  })

  it("links each statement at the desk's public address", async () => {
    const csv = await run('export', '--public-url', 'https://claims.example.org')
    expect(csv.code).to.equal(0)
    const [header, first] = csv.stdout.split('\r\n')
    expect(header.endsWith(',url,link')).to.equal(true)
    expect(first).to.match(/,https:\/\/claims\.example\.org\/claims\/[0-9a-f]+%3Ac\d+#statement-[0-9a-f]+:s\d+$/)
  })

  it("filters by the web list's stance, outlet and dates, sorts as it sorts, and prints JSON", async () => {
    const denied = JSON.parse((await run('claims', '--stance', 'deny', '--json')).stdout) as Array<{ id: string; denied: unknown[] }>
    expect(denied.length).to.be.greaterThan(0)
    expect(denied.every((c) => c.denied.length > 0)).to.equal(true)
    const all = JSON.parse((await run('claims', '--json', '--sort', 'statements')).stdout) as Array<{ statements: number }>
    const counts = all.map((c) => c.statements)
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a))
    const none = await run('claims', '--outlet', 'No Such Outlet')
    expect(none.stdout).to.equal('No claim matches these filters.\n')
    const late = await run('claims', '--from', '2030-01-01', '--json')
    expect(JSON.parse(late.stdout)).to.deep.equal([])
  })

  it('refuses a bad filter with exit code 2 and the fix', async () => {
    const backwards = await run('claims', '--from', '2022-03-15', '--to', '2022-03-01')
    expect(backwards.code).to.equal(2)
    expect(backwards.stderr).to.contain('The date range runs backwards')
    const stance = await run('claims', '--stance', 'shrug')
    expect(stance.code).to.equal(2)
  })

  it('refuses --what claims as JSON, with exit code 2', async () => {
    const out = await run('export', '--format', 'json', '--what', 'claims')
    expect(out.code).to.equal(2)
    expect(out.stderr).to.contain('--what claims is a CSV table: drop --format json')
  })

  it('records a reviewer decision with who and when, and shows it in the log', async () => {
    const ids = (await run('export', '--format', 'json')).stdout
    const data = JSON.parse(ids) as { statements: Array<{ id: string; claim: string }> }
    const statement = data.statements[1]
    const split = await run('review', 'split', statement.id, '--by', 'Dana Fact')
    expect(split.code, split.stderr).to.equal(0)
    expect(split.stdout).to.match(/^split-statement by Dana Fact at \d{4}-\d\d-\d\dT/)
    const log = await run('review', 'log')
    expect(log.stdout).to.match(/Dana Fact {2}split-statement {2}\{"statement":"[^"]+","fromClaim":"[^"]+","newClaim":"[^"]+"\}/)
    const moved = JSON.parse((await run('export', '--format', 'json')).stdout).statements[1]
    expect(moved.claim).not.to.equal(statement.claim)
  })

  it('refuses a decision about an unknown statement with exit code 3, changing nothing', async () => {
    const before = (await run('export', '--format', 'json')).stdout
    const out = await run('review', 'stance', 'no-such:s9', 'deny', '--by', 'Dana Fact')
    expect(out.code).to.equal(3)
    expect(out.stderr).to.match(/no statement "no-such:s9" in the store/)
    expect((await run('export', '--format', 'json')).stdout).to.equal(before)
  })
})
