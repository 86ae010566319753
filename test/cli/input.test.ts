// What a user sees when the input is wrong: one line naming the file and the fix, exit code 2, nothing stored.

import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt } from './run.js'

describe('claimtrail on bad input', () => {
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    await writeFile(temp.path('empty.txt'), ' \n\t\n')
    await writeFile(temp.path('scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))
    await writeFile(temp.path('latin.txt'), Buffer.from('Le ministre a d\xe9clar\xe9 que', 'latin1'))
    await writeFile(temp.path('book.txt'), 'word '.repeat(500_000))
    await writeFile(temp.path('noise.txt'), '\u0007\u001b !!! ... \u{1F600}')
  })
  afterEach(() => temp.remove())

  const cases: [string, string, string][] = [
    ['a missing file', 'notes.txt', 'claimtrail: notes.txt: no such file. Check the path.\n'],
    ['an empty file', 'empty.txt', "claimtrail: empty.txt is empty: give a file with the article's text.\n"],
    ['a binary file', 'scan.txt', 'claimtrail: scan.txt looks binary, not text: give a plain-text (UTF-8) article.\n'],
    [
      'a file not in UTF-8',
      'latin.txt',
      'claimtrail: latin.txt is not UTF-8 text: convert it (e.g. iconv -f latin1 -t utf-8) and try again.\n',
    ],
    [
      'an article over 2 MB',
      'book.txt',
      'claimtrail: book.txt is 2.38MB; claimtrail takes articles of up to 2MB. Split it into parts and send them one by one, or raise the limit where claimtrail runs (CLAIMTRAIL_MAX_ARTICLE=8MB claimtrail ingest FILE).\n',
    ],
    ['a file with no words', 'noise.txt', "claimtrail: noise.txt: the text has no words in it: give the article's text.\n"],
  ]
  for (const [what, file, message] of cases) {
    it(`extract refuses ${what} with exit code 2`, async () => {
      const run = await claimtrail(['extract', file], { cwd: temp.dir })
      expect(run).to.deep.include({ code: 2, stdout: '', stderr: message })
    })

    it(`ingest refuses ${what} given alone, and creates no store`, async () => {
      const run = await claimtrail(['ingest', file], { cwd: temp.dir })
      expect(run).to.deep.include({ code: 2, stderr: message })
      expect(existsSync(temp.path('data/claimtrail.json'))).to.equal(false)
    })
  }

  it('reads stdin only up to the article limit (CLAIMTRAIL_MAX_ARTICLE), so an endless input ends', async () => {
    const run = await claimtrail(['ingest', '/dev/zero'], { cwd: temp.dir, env: { CLAIMTRAIL_MAX_ARTICLE: '100kB' } })
    expect(run).to.deep.include({
      code: 2,
      stderr:
        'claimtrail: /dev/zero is over 100KB; claimtrail takes articles of up to 100KB. Split it into parts and send them one by one, or raise the limit where claimtrail runs (CLAIMTRAIL_MAX_ARTICLE=8MB claimtrail ingest FILE).\n',
    })
    expect(existsSync(temp.path('data/claimtrail.json'))).to.equal(false)
  })

  it('refuses a CLAIMTRAIL_MAX_ARTICLE that is not a size', async () => {
    await writeFile(temp.path('story.txt'), 'The mayor said the bridge was safe.')
    const run = await claimtrail(['extract', 'story.txt'], { cwd: temp.dir, env: { CLAIMTRAIL_MAX_ARTICLE: 'lots' } })
    expect(run).to.deep.include({
      code: 2,
      stderr: 'claimtrail: CLAIMTRAIL_MAX_ARTICLE "lots" is not a size: write it like 4MB or 500kB, or unset it for 2MB.\n',
    })
  })

  it('refuses a --date that is not a real yyyy-MM-dd day', async () => {
    await writeFile(temp.path('story.txt'), 'The mayor said the bridge was safe.')
    for (const date of ['15/03/2022', '2022-02-30']) {
      const run = await claimtrail(['extract', '--date', date, 'story.txt'], { cwd: temp.dir })
      expect(run.code).to.equal(2)
      expect(run.stderr).to.equal(`claimtrail: --date "${date}" is not a date: write it as yyyy-MM-dd, e.g. 2022-03-15.\n`)
    }
  })

  it('answers a usage mistake with exit code 2 and a pointer to --help', async () => {
    for (const args of [['interview'], ['extract'], ['export', '--what', 'everything'], ['export', '--format', 'xml']]) {
      const run = await claimtrail(args, { cwd: temp.dir })
      expect(run.code, args.join(' ')).to.equal(2)
      expect(run.stderr).to.match(/^claimtrail: .+\n\(claimtrail --help shows every command\)\n$/)
    }
  })

  it('prints help and exits 0 for --help', async () => {
    const run = await claimtrail(['--help'], { cwd: temp.dir })
    expect(run.code).to.equal(0)
    expect(run.stdout).to.match(/^Usage: claimtrail /)
    for (const command of ['extract', 'ingest', 'export', 'serve', 'start']) expect(run.stdout).to.contain(`  ${command} `)
  })
})
