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

  it('serve logs a JSON line per request on stdout at LOG_LEVEL, below its own message; --log-level silent logs nothing', async () => {
    const served = await listening(['serve', '--port', '0', '--db', 'store.json'], temp.dir, { LOG_LEVEL: 'info' })
    child = served.child
    expect((await fetch(`${served.url}articles`)).status).to.equal(200)
    for (let waited = 0; !served.stdout().includes('"path"') && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50))
    // The command's own message as before, then the log's lines.
    expect(served.stdout().startsWith(served.out)).to.equal(true)
    expect(served.out).to.match(/^claimtrail is serving store\.json at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\nNo users in /)
    const logged = served
      .stdout()
      .slice(served.out.length)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(logged).to.have.length(1)
    expect(logged[0]).to.include({ level: 30, method: 'GET', path: '/articles', status: 200, user: null })
    expect(logged[0]).to.have.keys('level', 'time', 'pid', 'hostname', 'requestId', 'method', 'path', 'status', 'ms', 'user', 'msg')
    child.kill()
    await once(child, 'close')

    const quiet = await listening(['serve', '--port', '0', '--db', 'store.json', '--log-level', 'silent'], temp.dir, { LOG_LEVEL: 'info' })
    child = quiet.child
    expect((await fetch(`${quiet.url}no/such/page`)).status).to.equal(404)
    child.kill()
    await once(child, 'close')
    expect(quiet.stdout()).to.equal(quiet.out)
  })
})
