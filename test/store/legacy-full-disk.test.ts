// A store from before checksums, upgraded by its first writer on a nearly full disk. Opening it for writing
// rewrites the store file and moves the unchecked journal to the backups; when the new journal cannot be started
// (no room for its first line), the old one is put back (Journal.rotate). The writer must then never append
// checked lines after unchecked ones: a journal mixing them is refused as damaged on the next open.
// Swept over how much room is left, a page at a time, so every step of the upgrade meets the full disk once.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'
import { Store } from '../../src/store/store.js'
import { type SmallDisk, smallDisk } from './small-disk.js'

function article(n: number) {
  const input = {
    id: `lock-${n}`,
    title: `Lock report ${n}`,
    outlet: 'Portsea Post',
    published: '2024-05-02',
    url: null,
    text: `Lock gates ${n}\n\nThe canal trust said on Tuesday that lock ${n} would reopen. "The gates are fixed," Omar Bell, its engineer, said.`,
  }
  return { article: input, extraction: extract(input) }
}

const unchecked = (line: string) => line.slice(0, line.lastIndexOf('\t'))

/** The files of a store as claimtrail wrote them before lines carried checksums (as at 1274bf3). */
async function legacyStore(dir: string): Promise<Record<string, string>> {
  const path = join(dir, 'claimtrail.json')
  const store = await Store.open(path, { compactFloor: 1 << 30 })
  for (let n = 1; n <= 4; n++) await store.addArticles([article(n)])
  await store.flush()
  const lines = async (suffix: string) => (await readFile(`${path}${suffix}`, 'utf8')).split('\n').slice(0, -1)
  // Read before the store is closed: closing folds the journal into the store file.
  const files = {
    '': `${(await lines('')).filter((line) => !line.startsWith(',"check":')).join('\n')}\n`,
    '.journal': (await lines('.journal'))
      .slice(1)
      .map((line) => `${unchecked(line)}\n`)
      .join(''),
    '.texts': (await lines('.texts'))
      .map((line) => {
        const { id, text } = JSON.parse(unchecked(line)) as { id: string; text: string }
        return `${JSON.stringify({ id, text })}\n`
      })
      .join(''),
  }
  await store.close()
  return files
}

describe('a store from before checksums, upgraded on a nearly full disk', function () {
  this.timeout(120_000)
  let disk: SmallDisk

  beforeEach(async function () {
    disk = await smallDisk(512 * 1024)
    if (disk.restarts) this.skip()
  })
  afterEach(() => disk.remove())

  it('opens again after its writer met the full disk at any step of the upgrade', async () => {
    const legacy = await legacyStore(await mkdir(join(disk.dir, 'source'), { recursive: true }).then(() => join(disk.dir, 'source')))
    const refused: string[] = []
    const outcomes = new Map<string, number>()
    for (let pages = 0; pages <= 16; pages++) {
      const dir = join(disk.dir, `room-${pages}`)
      await mkdir(dir)
      const path = join(dir, 'claimtrail.json')
      for (const [suffix, text] of Object.entries(legacy)) await writeFile(`${path}${suffix}`, text)
      await disk.fill({ free: pages * 4096, fileLimit: 0 })
      let outcome = 'opened'
      try {
        const store = await Store.open(path, { compactFloor: 1 << 30 })
        outcome = await store.addArticles([article(10 + pages)]).then(
          () => 'opened, filed',
          () => 'opened, refused',
        )
        await store.close()
      } catch {
        outcome = 'open refused'
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
      if (process.env.SWEEP_VERBOSE) console.log(pages, outcome)
      await disk.free()
      try {
        const reread = await Store.open(path, { readOnly: true })
        expect(reread.articles().length).to.be.at.least(4)
      } catch (error) {
        refused.push(`${pages} pages free (${outcome}): ${(error as Error).message}`)
      }
      await rm(dir, { recursive: true })
    }
    console.log(`      ${[...outcomes].map(([what, n]) => `${n} × ${what}`).join(', ')}`)
    expect(refused).to.deep.equal([])
  })
})
