// A denial that is a bare quote, end to end: an article filed with `claimtrail ingest`, found by `claims
// --denied`, and shown under "Denied by" on the claim's page and in the web's "someone denied it" filter
// of a real server. The article is written for this test in the shape of a wire story.

import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, listening, stop } from './run.js'

const STORY = [
  'Ministry under pressure over hospital figures',
  '',
  'The health ministry hid the true number of hospital deaths for months, two former officials told the newspaper on Monday.',
  '',
  '"It is a made-up story," the ministry said in a statement on Tuesday.',
  '',
  "The governor's office did not respond to requests for comment.",
].join('\n')

describe('a bare-quote denial, from ingest to the claim page', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    await writeFile(join(temp.dir, 'story.txt'), STORY)
    const run = await claimtrail(['ingest', '--date', '2026-11-20', '--outlet', 'The Courier', '--db', 'store.json', 'story.txt'], {
      cwd: temp.dir,
    })
    expect(run.code, run.stderr).to.equal(0)
  })
  afterEach(() => temp.remove())

  it('is filed under the claim it answers, and `claims --denied` finds that claim', async () => {
    const denied = await claimtrail(['claims', '--denied', '--db', 'store.json'], { cwd: temp.dir })
    expect(denied.code).to.equal(0)
    expect(denied.stdout).to.match(/"The health ministry hid the true number of hospital deaths for months"/)
    expect(denied.stdout).to.match(/asserted former officials \[anonymous\]/)
    expect(denied.stdout).to.match(/denied {3}ministry/)
    expect(denied.stdout).to.match(/\n1 claim, latest statement, newest first\n$/)
    const all = await claimtrail(['claims', '--db', 'store.json'], { cwd: temp.dir })
    expect(all.stdout).to.match(/declined governor's office/)
  })

  it('shows the denier on the claim page and under the web\'s "someone denied it" filter', async () => {
    const served = await listening(['serve', '--port', '0', '--db', 'store.json'], temp.dir)
    try {
      const list = await (await fetch(`${served.url}claims?denied=1`)).text()
      const link = list.match(/href="\/claims\/([^"]+)"/)
      expect(link, 'a claim listed').to.not.equal(null)
      expect(list).to.include('hospital deaths')
      const page = await (await fetch(`${served.url}claims/${link![1]}`)).text()
      const denied = page.slice(page.indexOf('Denied by'), page.indexOf('Denied by') + 600)
      expect(denied).to.include('ministry')
    } finally {
      await stop(served.child)
    }
  })
})
