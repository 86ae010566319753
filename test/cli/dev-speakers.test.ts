// The junk check on real news: every PolNeAR dev article ingested with `claimtrail ingest` into a real store,
// then `claimtrail speakers --top 100 --check`. None of the 100 most quoted speakers may be a date word, a
// dateline, a venue, a pronoun or a fragment. The dev articles are research data kept outside the repository
// (CLAIMTRAIL_DEV, else ../shared/eval/dev.jsonl beside it); where they are missing the suite says so and skips.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, ROOT } from './run.js'

const DEV = process.env.CLAIMTRAIL_DEV ?? join(ROOT, '../shared/eval/dev.jsonl')

interface Row {
  rank: number
  name: string
  type: string
  statements: number
  junk: string | null
}

describe('speakers of the dev articles (junk check)', function () {
  this.timeout(600_000)
  let temp: TempFolder
  let top: Row[]
  before(async function () {
    if (!existsSync(DEV)) {
      console.log(`      skipped: the dev articles are not at ${DEV}; set CLAIMTRAIL_DEV to run this suite`)
      this.skip()
    }
    await ensureBuilt.call(this)
    temp = await tempFolder()
    const ingest = await claimtrail(['ingest', '--db', 'dev.json', DEV], { cwd: temp.dir })
    expect(ingest.code, ingest.stderr).to.equal(0)
    const run = await claimtrail(['speakers', '--top', '100', '--json', '--check', '--db', 'dev.json'], { cwd: temp.dir })
    top = JSON.parse(run.stdout) as Row[]
    expect(top).to.have.length(100)
  })
  after(() => temp?.remove())

  it('has no date word, dateline, venue, pronoun or fragment among the 100 most quoted', () => {
    expect(top.filter((row) => row.junk).map((row) => `${row.rank}. ${row.name} (${row.junk})`)).to.deep.equal([])
  })

  it('files each of the most quoted politicians under one record, by full name', () => {
    const names = top.map((row) => row.name)
    for (const person of ['Donald Trump', 'Hillary Clinton', 'Bernie Sanders', 'Barack Obama', 'Ted Cruz', 'Marco Rubio']) {
      expect(
        names.filter((name) => name === person || name.endsWith(` ${person}`)),
        person,
      ).to.deep.equal([person])
    }
    // the bare surname never makes a record of its own among them
    for (const surname of ['Trump', 'Clinton', 'Sanders', 'Obama', 'Cruz', 'Rubio']) expect(names, surname).not.to.include(surname)
  })
})
