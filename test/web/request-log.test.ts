// The operator's log: the real server on a real port writes one JSON line per request and each error with its
// stack under the id the page shows — and never a header, a token, a cookie, a body or article text.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect } from 'chai'
import { StoreError } from '../../src/errors.js'
import { addUser, issueToken } from '../../src/users/users.js'
import { createApp } from '../../src/web/app.js'
import type { WebStore } from '../../src/web/web-store.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { capturedLog } from './captured-log.js'
import { twoArticles } from './claims-fixture.js'

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function closed(server: Server): Promise<void> {
  server.closeAllConnections()
  server.close()
  await once(server, 'close')
}

describe('the request log', function () {
  // Adding a user is a real scrypt hash.
  this.timeout(60_000)
  let folder: TempFolder
  let fixture: Awaited<ReturnType<typeof twoArticles>>
  let usersFile: string
  before(async () => {
    folder = await tempFolder()
    usersFile = folder.path('claimtrail.users.json')
    await addUser(usersFile, 'jo', 'a ferry pier at dawn')
    fixture = await twoArticles()
  })
  after(async () => {
    await fixture.cleanup()
    await folder.remove()
  })

  it('writes one JSON line per request: method, path, status, ms, request id and the signed-in user', async () => {
    const log = capturedLog()
    const server = createServer(createApp({ store: fixture.store, logger: log.logger, access: { usersFile } }))
    const base = await listen(server)
    try {
      const { token } = await issueToken(usersFile, 'jo')
      const signedIn = await fetch(`${base}/claims?stance=deny`, { headers: { authorization: `Bearer ${token}`, cookie: 'ct=secret' } })
      expect(signedIn.status).to.equal(200)
      const article = await fetch(`${base}/articles/harbour`)
      expect(article.status).to.equal(200)
      await fetch(`${base}/no/such/page`)
    } finally {
      await closed(server)
    }
    expect(log.lines).to.have.length(3)
    const [claims, article, missing] = log.lines
    expect(claims).to.include({ level: 30, method: 'GET', path: '/claims', status: 200, user: 'jo', msg: 'GET /claims 200' })
    expect(claims.ms).to.be.a('number').and.at.least(0)
    expect(claims.requestId).to.match(/^[0-9a-f-]{36}$/)
    expect(article).to.include({ path: '/articles/harbour', status: 200, user: null })
    expect(article.requestId).not.to.equal(claims.requestId)
    expect(missing).to.include({ level: 30, path: '/no/such/page', status: 404 })
    // What an operator must never find in it.
    const text = log.text()
    for (const secret of ['Bearer', 'ct=secret', 'stance=deny', 'The pier will be sold before the summer'])
      expect(text).not.to.include(secret)
    expect(log.errors()).to.deep.equal([])
  })

  it("logs an error's stack under the id its page shows, beside the request's line", async () => {
    const log = capturedLog()
    const error = new StoreError('cannot read the store')
    const fail = () => Promise.reject(error)
    // The real store, but for its claims (whole or a page at a time), which fail as a store on a broken disk would.
    const store = fixture.store as unknown as Record<string | symbol, unknown>
    const failing = new Proxy(store, {
      get: (real, name) =>
        name === 'claims' || name === 'claimsPage'
          ? fail
          : typeof real[name] === 'function'
            ? (real[name] as () => unknown).bind(real)
            : real[name],
    }) as unknown as WebStore
    const server = createServer(createApp({ store: failing, logger: log.logger }))
    const base = await listen(server)
    let page: string
    try {
      const res = await fetch(`${base}/`)
      expect(res.status).to.equal(500)
      page = await res.text()
    } finally {
      await closed(server)
    }
    const shown = page.match(/Error id ([0-9a-f]+)/)?.[1]
    expect(shown, 'the page names an error id').to.be.a('string')
    const [logged] = log.errors()
    expect(logged).to.include({ level: 50, errorId: shown, msg: `error ${shown}` })
    const err = logged.err as { message: string; stack: string }
    expect(err.message).to.equal('cannot read the store')
    expect(err.stack).to.include('StoreError: cannot read the store\n    at ')
    const request = log.lines.find((line) => line.path === '/')
    expect(request).to.include({ status: 500, requestId: logged.requestId })
  })

  it('logs nothing at level silent', async () => {
    const log = capturedLog('silent')
    const server = createServer(createApp({ store: fixture.store, logger: log.logger }))
    const base = await listen(server)
    try {
      expect((await fetch(`${base}/`)).status).to.equal(200)
    } finally {
      await closed(server)
    }
    expect(log.text()).to.equal('')
  })
})
