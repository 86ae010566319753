// 500s as a stranger sees them, from a real `claimtrail serve` whose users file is made unreadable under it (a
// folder in its place, which the guard reads on every request): a plain page (or JSON under /api) with an error id, never a stack or a path of the server's; the
// stack goes to the server's log under the same id. Every error under /api is JSON, whatever the asker accepts.

import { mkdir, rm } from 'node:fs/promises'
import { expect } from 'chai'
import { Store } from '../../src/store/store.js'
import { usersPathFor } from '../../src/users/users-file.js'
import { ensureBuilt, listening, stop } from '../cli/run.js'
import { extracted, type TempFolder, tempFolder } from '../store/temp-store.js'

const TEXT = 'The Marston council voted on Monday to sell the pier. "We had no choice," Ana Ruiz, the council leader, said.'

describe('error pages of a served store', function () {
  this.timeout(60_000)
  let temp: TempFolder
  let child: Awaited<ReturnType<typeof listening>>['child'] | undefined
  let url: string
  /** What the server has logged so far (stdout: its message, then JSON lines at level error). */
  let log: () => string
  let articleId: string

  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    const path = temp.path('claimtrail.json')
    const store = await Store.open(path)
    ;[{ articleId }] = await store.addArticles([extracted(TEXT, '2024-03-04', 'The Gazette')])
    await store.close()
  })
  afterEach(async () => {
    await stop(child)
    await temp.remove()
  })

  async function serve(...flags: string[]): Promise<void> {
    const path = temp.path('claimtrail.json')
    const server = await listening(['serve', '--db', path, '--port', '0', ...flags], temp.dir, { LOG_LEVEL: 'error' })
    child = server.child
    url = server.url
    log = server.stdout
    // The store holds what it serves in memory; the users file is read on every request, so a folder in its place fails them.
    await mkdir(usersPathFor(path))
  }

  /** Puts the users file right again: no users, the local mode. */
  const heal = () => rm(usersPathFor(temp.path('claimtrail.json')), { recursive: true })

  /** Neither a stack frame nor a path of this machine's. */
  function clean(body: string): void {
    expect(body).not.to.include(temp.dir)
    expect(body).not.to.match(/\n\s+at /)
    expect(body).not.to.match(/(?:^|[\s"'(])\/(?:tmp|home|work|usr|srv|var|root)\//)
    expect(body).not.to.include('class="stack"')
  }

  it('a 500 page shows an error id, the log has the stack under it, and the page no path', async () => {
    await serve()
    const res = await fetch(`${url}articles/${articleId}`)
    expect(res.status).to.equal(500)
    expect(res.headers.get('content-type')).to.match(/^text\/html/)
    const body = await res.text()
    clean(body)
    const id = /Error id ([0-9a-f]{12})/.exec(body)?.[1]
    expect(id, 'the page names its error').to.be.a('string')
    for (let tries = 0; tries < 40 && !log().includes(id!); tries++) await new Promise((resolve) => setTimeout(resolve, 25))
    const logged = log()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { errorId?: string; msg: string; err?: { stack: string } })
      .find((line) => line.errorId === id)
    expect(logged?.msg).to.equal(`error ${id}`)
    expect(logged?.err?.stack).to.include(temp.dir)
  })

  it('under /api a 500 is a problem (JSON) with an error id, and so are 404 and 400, even for a browser', async () => {
    await serve()
    const res = await fetch(`${url}api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      body: JSON.stringify({ text: `${TEXT} Again.` }),
    })
    expect(res.status).to.equal(500)
    expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/)
    const body = await res.text()
    clean(body)
    const answer = JSON.parse(body) as { status: number; detail: string; error: string; id: string }
    expect(answer.id).to.match(/^[0-9a-f]{12}$/)
    expect(answer.status).to.equal(500)
    expect(answer.detail).to.include(answer.id)
    expect(answer.error).to.equal(answer.detail)
    await heal()
    for (const [path, status] of [
      ['api/nothing', 404],
      ['api/claims/no-such-claim', 404],
      ['api/claims?page=zero', 400],
      ['api/claims/%zz', 400],
    ] as const) {
      const other = await fetch(`${url}${path}`, { headers: { accept: 'text/html' } })
      expect(other.status, path).to.equal(status)
      expect(other.headers.get('content-type'), path).to.match(/^application\/problem\+json/)
      expect(((await other.json()) as { detail: string }).detail, path).to.be.a('string')
    }
  })

  it('shows the stack only when served with --dev', async () => {
    await serve('--dev')
    const body = await (await fetch(`${url}articles/${articleId}`)).text()
    expect(body).to.include('class="stack"')
    expect(body).to.include(temp.dir)
  })
})
