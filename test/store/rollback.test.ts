// A write the disk refuses is rolled back: the writer's memory goes back to what the files hold, the caller
// hears a DiskFullError saying to free space, and no reader ever sees the change. Once space is freed, writing
// goes on, and the files read back to exactly what the writer holds.

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { DiskFullError } from '../../src/errors.js'
import { exportData } from '../../src/export/json.js'
import { extract } from '../../src/pipeline/extract.js'
import { Store } from '../../src/store/store.js'
import { type SmallDisk, smallDisk } from './small-disk.js'

function article(n: number) {
  const input = {
    id: `tide-${n}`,
    title: `Tide report ${n}`,
    outlet: 'Portsea Post',
    published: '2024-05-02',
    url: null,
    text: `Tide gates closed ${n}\n\nThe harbour master said on Thursday that gate ${n} would stay shut. "The sea wall is not safe," Priya Nair, the harbour master, said.`,
  }
  return { article: input, extraction: extract(input) }
}

function contents(store: Store) {
  return { ...exportData(store.tables()), log: store.decisions(), texts: store.articles().map((a) => store.article(a.id)!.text) }
}

describe('a write the disk refuses is rolled back', function () {
  this.timeout(60_000)
  let disk: SmallDisk | null

  beforeEach(async function () {
    disk = await smallDisk(512 * 1024)
    // The writes here are this process's own: a file-size limit, the fallback, would have to be set on it.
    if (disk.restarts) {
      console.log(`      skipped: ${disk.how}; this test needs the tmpfs (CI runs as root and has it)`)
      this.skip()
    }
  })
  afterEach(() => disk?.remove())

  it('articles and decisions refused on a full disk are in no view, in memory or on disk, and writing goes on once space is freed', async () => {
    const path = join(disk!.dir, 'claimtrail.json')
    const store = await Store.open(path, { compactFloor: 1 << 30 })
    await store.addArticles([article(1), article(2)])
    const claim = store.statement('tide-1:s1')!.claim
    const before = contents(store)

    await disk!.fill({ free: 0, fileLimit: 0 })
    const refused = await Promise.allSettled([3, 4, 5].map((n) => store.addArticles([article(n)])))
    for (const outcome of refused) {
      expect(outcome.status).to.equal('rejected')
      expect((outcome as PromiseRejectedResult).reason).to.be.instanceOf(DiskFullError)
      expect(((outcome as PromiseRejectedResult).reason as Error).message).to.match(/is full .* Free some space and try again/)
    }
    // A verdict's line is small: the journal's last page may still take a few. Each taken is kept; the first refused is not.
    let taken = 0
    let refusal: unknown = null
    while (!refusal && taken < 200) {
      refusal = await store.decide({ action: 'review-claim', claim, verdict: 'False', note: `verdict ${taken}` }, 'desk').then(
        () => null,
        (error: unknown) => error,
      )
      if (!refusal) taken++
    }
    expect(refusal).to.be.instanceOf(DiskFullError)
    await store.flush().catch(() => undefined)
    // Memory is back to what the files hold: no refused article, no refused verdict, no trace in the fingerprints.
    const held = contents(store)
    expect(held.articles).to.deep.equal(before.articles)
    expect(held.log.map((entry) => entry.detail.note)).to.deep.equal(Array.from({ length: taken }, (_, i) => `verdict ${i}`))
    expect(store.hasArticle(article(3).article.text)).to.equal(false)
    expect(contents(await Store.open(path, { readOnly: true }))).to.deep.equal(held)

    await disk!.free()
    await store.addArticles([article(3)])
    await store.decide({ action: 'review-claim', claim, verdict: 'False', note: 'space freed' }, 'desk')
    expect(store.articles().map((a) => a.id)).to.deep.equal(['tide-1', 'tide-2', 'tide-3'])
    expect(contents(await Store.open(path, { readOnly: true }))).to.deep.equal(contents(store))
    await store.close()
    expect(contents(await Store.open(path, { readOnly: true }))).to.deep.equal(contents(store))
  })

  it('a compaction that finds no room leaves the old store file and journal, and every acknowledged change', async () => {
    const path = join(disk!.dir, 'claimtrail.json')
    const store = await Store.open(path, { compactFloor: 1 << 30 })
    for (let n = 1; n <= 6; n++) await store.addArticles([article(n)])
    const held = contents(store)
    await disk!.fill({ free: 0, fileLimit: 0 })
    const fileBefore = await readFile(path, 'utf8')
    // Closing folds the journal in, which needs room for a new store file: it closes all the same, and says why.
    await store.close()
    expect(await readFile(path, 'utf8')).to.equal(fileBefore)
    expect(contents(await Store.open(path, { readOnly: true }))).to.deep.equal(held)
    expect(await readdir(disk!.dir)).to.not.include('claimtrail.json.writing')
    await disk!.free()
  })
})
