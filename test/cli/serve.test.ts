// `claimtrail serve` and `claimtrail start` put the web app on a port and say where; start first stores the
// bundled samples, found from the package, not from the folder it is run in.

import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { expect } from 'chai'
import { readStore, type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, listening, SAMPLE, stop } from './run.js'

describe('claimtrail serve and start', () => {
  let temp: TempFolder
  let child: ChildProcess | undefined
  before(ensureBuilt)
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(async () => {
    await stop(child)
    child = undefined
    await temp.remove()
  })

  it('serve listens on the port given and answers with the claims list', async () => {
    const served = await listening(['serve', '--port', '0', '--db', 'store.json'], temp.dir)
    child = served.child
    expect(served.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(served.out).to.match(/^claimtrail is serving store\.json at /)
    const response = await fetch(served.url)
    expect(response.status).to.equal(200)
    expect(response.headers.get('content-type')).to.match(/^text\/html/)
  })

  it('while serve holds the store, ingest into it is refused with exit code 4 and reading still works', async () => {
    const served = await listening(['serve', '--port', '0', '--db', 'store.json'], temp.dir)
    child = served.child
    const env = { CLAIMTRAIL_DB: 'store.json' }
    const ingest = await claimtrail(['ingest', '--date', '2022-03-15', SAMPLE], { cwd: temp.dir, env })
    expect(ingest.code).to.equal(4)
    expect(ingest.stderr).to.contain(`store.json is open for writing in another claimtrail process (pid ${child.pid})`)
    const listed = await claimtrail(['claims'], { cwd: temp.dir, env })
    expect(listed).to.deep.include({ code: 0, stdout: 'The store holds no claims yet: `claimtrail ingest ARTICLE.txt` adds some.\n' })
    child.kill()
    await once(child, 'exit')
    child = undefined
    // serve is gone: its lock is taken over.
    expect((await claimtrail(['ingest', '--date', '2022-03-15', SAMPLE], { cwd: temp.dir, env })).code).to.equal(0)
  })

  it('start stores the sample articles in the default store once, then serves them', async () => {
    const started = await listening(['start'], temp.dir, { PORT: '0' })
    child = started.child
    expect(started.out).to.contain('stored the sample articles in data/claimtrail.json')
    const store = await readStore(temp.path('data/claimtrail.json'))
    expect(store.articles.map((a) => [a.outlet, a.published])).to.deep.equal([['NextShark', '2022-03-15']])
    expect(store.statements.length).to.be.greaterThan(0)
    expect((await fetch(started.url)).status).to.equal(200)
    child.kill()
    await once(child, 'exit')

    const again = await listening(['start'], temp.dir, { PORT: '0' })
    child = again.child
    expect(again.out).not.to.contain('stored the sample articles')
    expect((await readStore(temp.path('data/claimtrail.json'))).articles).to.have.length(1)
  })
})
