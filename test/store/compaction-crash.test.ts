// A writer killed at each step of a compaction, laid out on disk step by step: the files as they stand before
// it, and as it leaves them, put together as each step leaves them (group-commit.ts #compact, snapshot.ts,
// journal.ts rotate). At every step the store must open, for reading and for writing, with every acknowledged change, and
// go on taking changes that a later reader sees.

import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { exportData } from '../../src/export/json.js'
import { extract } from '../../src/pipeline/extract.js'
import { checkStore } from '../../src/store/check.js'
import type { Store } from '../../src/store/store.js'
import { type TempFolder, tempFolder } from './temp-store.js'

function article(n: number) {
  const input = {
    id: `dock-${n}`,
    title: `Dock report ${n}`,
    outlet: 'Portsea Post',
    published: '2024-05-02',
    url: null,
    text: `Dock ${n} flooded\n\nThe port authority said on Monday that dock ${n} had flooded. "The pumps failed," Tomas Okafor, its engineer, said.`,
  }
  return { article: input, extraction: extract(input) }
}

function contents(store: Store) {
  return { ...exportData(store.tables()), log: store.decisions(), texts: store.articles().map((a) => store.article(a.id)!.text) }
}

type Files = Record<string, Buffer | null>
const SUFFIXES = ['', '.journal', '.texts', '.head']

async function files(path: string): Promise<Files> {
  const found: Files = {}
  for (const suffix of SUFFIXES) found[suffix] = existsSync(`${path}${suffix}`) ? await readFile(`${path}${suffix}`) : null
  return found
}

describe('a writer killed at each step of a compaction', function () {
  this.timeout(60_000)
  let temp: TempFolder
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('leaves a store that opens whole, and takes changes, at every step', async () => {
    const source = temp.path('source/claimtrail.json')
    const store = await temp.open(source, { compactFloor: 1 << 30 })
    for (let n = 1; n <= 3; n++) await store.addArticles([article(n)])
    const claim = store.statement('dock-1:s1')!.claim
    await store.decide({ action: 'review-claim', claim, verdict: 'False', note: 'pumps ran' }, 'desk')
    await store.flush()
    const held = contents(store)
    const before = await files(source)
    const base = 0
    await store.close() // folds the journal in: the files as a finished compaction leaves them
    const after = await files(source)
    const backup = `${source}.backups/${base}`
    expect(await readFile(`${backup}.json`)).to.deep.equal(before[''])
    expect(await readFile(`${backup}.journal`)).to.deep.equal(before['.journal'])

    // Each step: which store file, journal, extra files; texts and head are as the last append left them.
    const steps: Array<{
      step: string
      file: Buffer
      journal: Buffer | null
      writing?: Buffer
      backedUp?: boolean
      journalBackedUp?: boolean
    }> = [
      {
        step: 'the new file half written',
        file: before['']!,
        journal: before['.journal'],
        writing: after['']!.subarray(0, after['']!.length >> 1),
      },
      {
        step: 'the new file written, the old one linked to the backups',
        file: before['']!,
        journal: before['.journal'],
        writing: after['']!,
        backedUp: true,
      },
      { step: 'the new file renamed in, the journal not yet moved', file: after['']!, journal: before['.journal'], backedUp: true },
      { step: 'the journal moved to the backups, no new one yet', file: after['']!, journal: null, backedUp: true, journalBackedUp: true },
      { step: 'the new journal created, empty', file: after['']!, journal: Buffer.alloc(0), backedUp: true, journalBackedUp: true },
      {
        step: "the new journal's first line half written",
        file: after['']!,
        journal: after['.journal']!.subarray(0, 9),
        backedUp: true,
        journalBackedUp: true,
      },
      {
        step: 'the new journal started, the head not yet written',
        file: after['']!,
        journal: after['.journal'],
        backedUp: true,
        journalBackedUp: true,
      },
      {
        step: "rotate's fallback: the new journal removed, the old one not yet back",
        file: after['']!,
        journal: null,
        backedUp: true,
        journalBackedUp: true,
      },
    ]
    const failures: string[] = []
    for (const [i, s] of steps.entries()) {
      const path = temp.path(`step-${i}/claimtrail.json`)
      await mkdir(temp.path(`step-${i}`))
      await writeFile(path, s.file)
      if (s.journal) await writeFile(`${path}.journal`, s.journal)
      await writeFile(`${path}.texts`, before['.texts']!)
      await writeFile(`${path}.head`, before['.head']!)
      if (s.writing) await writeFile(`${path}.writing`, s.writing)
      if (s.backedUp) {
        await mkdir(`${path}.backups`)
        await copyFile(`${backup}.json`, `${path}.backups/${base}.json`)
        if (s.journalBackedUp) await copyFile(`${backup}.journal`, `${path}.backups/${base}.journal`)
      }
      try {
        expect(contents(await temp.open(path, { readOnly: true })), 'read').to.deep.equal(held)
        expect((await checkStore(path)).problems, 'check').to.deep.equal([])
        const writer = await temp.open(path, { compactFloor: 1 << 30 })
        expect(contents(writer), 'opened for writing').to.deep.equal(held)
        await writer.addArticles([article(10 + i)])
        await writer.decide({ action: 'review-claim', claim, verdict: 'True', note: `step ${i}` }, 'desk')
        const later = contents(writer)
        expect(contents(await temp.open(path, { readOnly: true })), 'read after a change').to.deep.equal(later)
        await writer.close()
        expect(contents(await temp.open(path, { readOnly: true })), 'read after closing').to.deep.equal(later)
      } catch (error) {
        failures.push(`${s.step}: ${(error as Error).message.split('\n')[0]}`)
      }
      await rm(temp.path(`step-${i}`), { recursive: true })
    }
    expect(failures).to.deep.equal([])
  })
})
