// The same article posted twice while the first post's write is still on its way to the disk (a client that
// retried after a timeout, two feeds carrying one wire story): the second post must not be told "already
// stored" before the first write is acknowledged. If that write then fails, the second poster was told a lie
// and the article is gone.

import { join } from 'node:path'
import { expect } from 'chai'
import { DiskFullError } from '../../src/errors.js'
import { extract } from '../../src/pipeline/extract.js'
import { Store } from '../../src/store/store.js'
import { type SmallDisk, smallDisk } from './small-disk.js'
import { type TempFolder, tempFolder } from './temp-store.js'

function article(n: number) {
  const input = {
    id: `wire-${n}`,
    title: `Ferry report ${n}`,
    outlet: 'Portsea Post',
    published: '2024-05-02',
    url: null,
    text: `Ferry sailings cut ${n}\n\nThe ferry operator said on Friday that sailing ${n} would be cancelled. "We have no crew for it," Lena Fischer, its director, said.`,
  }
  return { article: input, extraction: extract(input) }
}

describe('the same article posted again while its first write is in flight', function () {
  this.timeout(60_000)

  it('is answered only once the first write is acknowledged: the article is then there to read', async () => {
    const temp: TempFolder = await tempFolder()
    try {
      const store = await Store.open(temp.path('claimtrail.json'))
      const first = store.addArticles([article(1)])
      const again = await store.addArticles([article(1)])
      expect(again[0].added).to.equal(false)
      // "Already stored" must mean stored: readable here, and on the disk for any other reader.
      expect(store.article('wire-1'), 'the article the second post was told is stored').to.not.equal(undefined)
      expect((await Store.open(temp.path('claimtrail.json'), { readOnly: true })).article('wire-1')).to.not.equal(undefined)
      await first
      await store.close()
    } finally {
      await temp.remove()
    }
  })

  it('is refused, not told "already stored", when the first write finds the disk full', async function () {
    const disk: SmallDisk = await smallDisk(512 * 1024)
    try {
      if (disk.restarts) this.skip()
      const path = join(disk.dir, 'claimtrail.json')
      const store = await Store.open(path, { compactFloor: 1 << 30 })
      await store.addArticles([article(1)])
      await disk.fill({ free: 0, fileLimit: 0 })
      // Longer than a page, so no file's last page has room for it.
      const long = article(2)
      long.article.text += ' The harbour board met again.'.repeat(400)
      const [first, again] = await Promise.allSettled([store.addArticles([long]), store.addArticles([long])])
      expect(first.status).to.equal('rejected')
      expect((first as PromiseRejectedResult).reason).to.be.instanceOf(DiskFullError)
      const stored = (await Store.open(path, { readOnly: true })).articles().map((a) => a.id)
      expect(stored).to.deep.equal(['wire-1'])
      // The second post may not be answered with success for an article that is not stored.
      expect(
        again.status,
        `second post answered ${JSON.stringify((again as PromiseFulfilledResult<unknown>).value)} for an article not stored`,
      ).to.equal('rejected')
      await disk.free()
      await store.close()
    } finally {
      await disk.remove()
    }
  })
})
