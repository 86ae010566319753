// Journal.rotate closes the journal it moved to the backups before it starts the new one. When starting the new
// one fails and so does putting the old one back (here: a folder stands where the journal goes; in a server, no
// file descriptors left), the store must not go on writing through the descriptor it closed: the next file the
// process opens (a log, the jobs file, a socket) gets its number, and acknowledged changes would go there.

import { closeSync, existsSync, mkdirSync, openSync, rmdirSync, statSync, watch } from 'node:fs'
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'
import { type TempFolder, tempFolder } from './temp-store.js'

function article(n: number) {
  const input = {
    id: `gate-${n}`,
    title: `Gate report ${n}`,
    outlet: 'Portsea Post',
    published: '2024-05-02',
    url: null,
    text: `Gate ${n} shut\n\nThe harbour master said on Thursday that gate ${n} would stay shut. "The sea wall is not safe," Priya Nair, the harbour master, said.`,
  }
  return { article: input, extraction: extract(input) }
}

describe('a compaction whose new journal and fallback both fail', function () {
  this.timeout(60_000)
  let temp: TempFolder
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('writes no acknowledged change through the closed journal, and the store reads whole', async () => {
    const path = temp.path('claimtrail.json')
    const journal = `${path}.journal`
    const store = await temp.open(path, { compactFloor: 2048 })
    // The moment the journal is moved to the backups, a folder takes its place: the new journal cannot be
    // started, and rotate's fallback cannot remove what stands there.
    let blocked = false
    const watcher = watch(temp.dir, (_event, name) => {
      if (blocked || name !== 'claimtrail.json.journal' || existsSync(journal)) return
      mkdirSync(journal)
      blocked = true
    })
    const acknowledged: string[] = []
    const file = (n: number) =>
      store.addArticles([article(n)]).then(
        () => acknowledged.push(`gate-${n}`),
        () => undefined,
      )
    try {
      for (let n = 1; n <= 40 && !blocked; n++) {
        await file(n)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      watcher.close()
      expect(blocked, 'a compaction met the folder').to.equal(true)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(statSync(journal).isDirectory(), 'the fallback failed too').to.equal(true)

      // The folder goes; the process opens files of its own (logs, sockets), as a server does all the time: the
      // lowest free descriptor numbers go to them.
      rmdirSync(journal)
      const logs = Array.from({ length: 8 }, (_, i) => temp.path(`server-${i}.log`))
      const others = logs.map((log) => openSync(log, 'a'))
      try {
        for (let n = 100; n < 103; n++) await file(n)
        expect(
          logs.map((log) => statSync(log).size).reduce((a, b) => a + b),
          'bytes the store wrote into other files',
        ).to.equal(0)
      } finally {
        for (const fd of others) closeSync(fd)
      }
      const stored = (await temp.open(path, { readOnly: true })).articles().map((a) => a.id)
      expect(
        acknowledged.filter((id) => !stored.includes(id)),
        'acknowledged but not stored',
      ).to.deep.equal([])
      expect(acknowledged).to.include('gate-102')
    } finally {
      watcher.close()
      await store.close().catch(() => undefined)
    }
  })
})
