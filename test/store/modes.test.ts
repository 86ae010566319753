// A store's files hold unpublished reviews and who wrote them: only their owner may read them, whatever the
// umask (a server run with --read private must not leave its store readable by every account on the machine).

import { readdir, stat } from 'node:fs/promises'
import { expect } from 'chai'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from './temp-store.js'

describe("store files are the owner's alone", () => {
  let temp: TempFolder
  let umask: number
  beforeEach(async () => {
    temp = await tempFolder()
    umask = process.umask(0o022)
  })
  afterEach(async () => {
    process.umask(umask)
    await temp.remove()
  })

  it('creates the store file, journal, texts, head (0600) and backups folder (0700) readable by no one else', async () => {
    const path = temp.path('claimtrail.json')
    const store = await temp.open(path, { compactFloor: 1 })
    await store.addArticle(council, councilExtraction)
    await store.addArticle(protest, protestExtraction)
    await store.close()
    const mode = async (file: string) => ((await stat(file)).mode & 0o777).toString(8)
    for (const file of [path, `${path}.journal`, `${path}.texts`, `${path}.head`]) expect(await mode(file), file).to.equal('600')
    expect(await mode(`${path}.backups`)).to.equal('700')
    for (const backup of await readdir(`${path}.backups`)) expect(await mode(`${path}.backups/${backup}`), backup).to.equal('600')
  })
})
