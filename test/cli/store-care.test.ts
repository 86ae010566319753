// `claimtrail check`, `repair` and `backup DEST` as a user runs them: on a healthy store, on a damaged one, and
// a backup taken while a server is filing articles into the store it copies.

import { readFile, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { Store } from '../../src/store/store.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, listening, SAMPLE, stop } from './run.js'

function article(n: number) {
  return {
    id: `quay-${n}`,
    date: `2024-04-0${1 + (n % 9)}`,
    text: `Quay repairs ${n}\n\nThe port authority said on Monday that quay ${n} would reopen. "The repairs are done," Jonas Weber, its engineer, said.`,
  }
}

describe('claimtrail check, repair and backup', function () {
  this.timeout(120_000)
  let temp: TempFolder
  let db: string
  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    db = temp.path('claimtrail.json')
    const filed = await claimtrail(['ingest', SAMPLE, '--db', db], { cwd: temp.dir })
    expect(filed.code, filed.stderr).to.equal(0)
  })
  afterEach(() => temp.remove())

  it('check says every file checks out (exit 0); with a byte flipped it names the file and line (exit 4), and every reading command refuses too', async () => {
    const healthy = await claimtrail(['check', '--db', db], { cwd: temp.dir })
    expect(healthy.code, healthy.stderr).to.equal(0)
    expect(healthy.stdout).to.match(/every file checks out/)
    const journal = await readFile(`${db}.journal`, 'utf8')
    await writeFile(`${db}.journal`, journal.replace('Sullivan', 'Sullivxn'))
    const damaged = await claimtrail(['check', '--db', db], { cwd: temp.dir })
    expect(damaged.code).to.equal(4)
    expect(damaged.stdout).to.match(/claimtrail\.json\.journal: DAMAGED/)
    expect(damaged.stderr).to.match(/claimtrail\.json\.journal is damaged at line 2: its checksum does not match/)
    expect(damaged.stderr).to.match(/claimtrail repair --db/)
    for (const command of [['claims'], ['export', '--format', 'csv']]) {
      const refused = await claimtrail([...command, '--db', db], { cwd: temp.dir })
      expect(refused.code, command.join(' ')).to.equal(4)
      expect(refused.stderr).to.match(/journal is damaged at line 2/)
    }
  })

  it('repair keeps a copy of every file, files the article again from its text, and the store checks out', async () => {
    const journal = await readFile(`${db}.journal`, 'utf8')
    await writeFile(`${db}.journal`, journal.replace('Sullivan', 'Sullivxn'))
    const repaired = await claimtrail(['repair', '--db', db], { cwd: temp.dir })
    expect(repaired.code, repaired.stderr).to.equal(0)
    expect(repaired.stdout).to.match(/kept a copy of every file in .*claimtrail\.json\.repair-/)
    expect(repaired.stdout).to.match(/filed again from their texts: 1 articles/)
    const copy = repaired.stdout.match(/kept a copy of every file in (\S+)/)![1]
    expect(await readFile(`${copy}/claimtrail.json.journal`, 'utf8')).to.contain('Sullivxn')
    expect((await claimtrail(['check', '--db', db], { cwd: temp.dir })).code).to.equal(0)
    const store = await Store.open(db, { readOnly: true })
    expect(store.articles()).to.have.length(1)
    expect(store.statements().length).to.be.greaterThan(10)
  })

  it('backup DEST refuses a path that exists (exit 2), and copies the store while a server files articles into it', async () => {
    const taken = await claimtrail(['backup', db, '--db', db], { cwd: temp.dir })
    expect(taken.code).to.equal(2)
    expect(taken.stderr).to.match(/already exists: give a new path for the copy/)

    const { child, url } = await listening(['serve', '--db', db, '--port', '0'], temp.dir, { CLAIMTRAIL_COMPACT_BYTES: '8192' })
    try {
      const acknowledged: string[] = []
      let posting = true
      const poster = (async () => {
        for (let n = 0; posting && n < 400; n++) {
          const res = await fetch(`${url}api/articles`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(article(n)),
          })
          expect(res.status).to.equal(201)
          acknowledged.push(article(n).id)
        }
      })()
      while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20))
      const before = [...acknowledged]
      const backup = await claimtrail(['backup', temp.path('copies/claimtrail.json'), '--db', db], { cwd: temp.dir })
      posting = false
      await poster
      expect(backup.code, backup.stderr).to.equal(0)
      expect(backup.stdout).to.match(/read back and checked/)
      expect((await claimtrail(['check', '--db', temp.path('copies/claimtrail.json')], { cwd: temp.dir })).code).to.equal(0)
      const copy = await Store.open(temp.path('copies/claimtrail.json'), { readOnly: true })
      const ids = new Set(copy.articles().map((a) => a.id))
      // Everything acknowledged before the copy began is in it, and nothing that was never acknowledged.
      for (const id of before) expect(ids.has(id), id).to.equal(true)
      for (const id of ids) if (id.startsWith('quay-')) expect(acknowledged, id).to.include(id)
      for (const a of copy.articles()) expect(copy.article(a.id)!.text.length).to.be.greaterThan(0)
    } finally {
      await stop(child)
    }
  })
})
