// Crafted Host headers sent to a real `claimtrail serve`: only the server's own names, host and port compared
// whole, are answered; anything else is a 400 saying why (JSON under /api), and the ClaimReview's url comes
// from --public-url or the checked Host, never from what a stranger sent.

import { request as httpRequest } from 'node:http'
import { expect } from 'chai'
import { Store } from '../../src/store/store.js'
import { ensureBuilt, listening, stop } from '../cli/run.js'
import { extracted, type TempFolder, tempFolder } from '../store/temp-store.js'

const TEXT = 'The Marston council voted on Monday to sell the pier. "We had no choice," Ana Ruiz, the council leader, said.'

/** One GET with the Host header as given (fetch would not send it). */
function get(url: string, path: string, host: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers: { host } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'] ?? '', body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('Host headers at a served store', function () {
  this.timeout(60_000)
  let temp: TempFolder
  let child: Awaited<ReturnType<typeof listening>>['child'] | undefined
  let claimPath: string

  before(ensureBuilt)
  beforeEach(async () => {
    temp = await tempFolder()
    const store = await Store.open(temp.path('claimtrail.json'))
    await store.addArticles([extracted(TEXT, '2024-03-04', 'The Gazette')])
    const claim = store.claims()[0].claim.id
    await store.decide({ action: 'review-claim', claim, verdict: 'False', note: '' }, 'Reviewer')
    await store.close()
    claimPath = `/claims/${encodeURIComponent(claim)}/claimreview.jsonld`
  })
  afterEach(async () => {
    await stop(child)
    await temp.remove()
  })

  async function serve(...flags: string[]): Promise<{ url: string; port: string }> {
    const server = await listening(['serve', '--db', temp.path('claimtrail.json'), '--port', '0', ...flags], temp.dir)
    child = server.child
    return { url: server.url, port: new URL(server.url).port }
  }

  it('refuses every Host that is not its own, whole, and writes the ClaimReview url from the checked one', async () => {
    const { url, port } = await serve()
    const crafted = [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port}.evil`,
      `127.0.0.1.evil:${port}`,
      'localhost@evil',
      `localhost@evil:${port}`,
      `localhost:${port}@evil`,
      `evil@localhost:${port}`,
      '127.0.0.1',
      'localhost',
      `localhost:${Number(port) + 1}`,
      `127.0.0.1:${port}0`,
      `127.0.0.1:0${port}`,
    ]
    for (const host of crafted) {
      const page = await get(url, claimPath, host)
      expect(page.status, host).to.equal(400)
      expect(page.body, host).to.include('is not a name of this server')
      expect(page.body, host).not.to.match(/ClaimReview/)
      const api = await get(url, '/api/claims', host)
      expect(api.status, `${host} on /api`).to.equal(400)
      expect(api.type, `${host} on /api`).to.match(/^application\/problem\+json/)
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const page = await get(url, claimPath, host)
      expect(page.status, host).to.equal(200)
      expect((JSON.parse(page.body) as { url: string }).url, host).to.equal(
        `http://${host.toLowerCase()}${claimPath.replace('/claimreview.jsonld', '')}`,
      )
    }
  })

  it('with --public-url, answers its host too and writes every ClaimReview url with it', async () => {
    // With a user, as a desk behind a proxy runs: with none, only loopback names may even read.
    const { claimtrail } = await import('../cli/run.js')
    const added = await claimtrail(['users', 'add', 'jo', '--password-stdin', '--db', temp.path('claimtrail.json')], {
      cwd: temp.dir,
      input: 'correct horse battery\n',
    })
    expect(added.code, added.stderr).to.equal(0)
    const { url, port } = await serve('--public-url', 'https://claims.example.org')
    const claimPage = `https://claims.example.org${claimPath.replace('/claimreview.jsonld', '')}`
    for (const host of ['claims.example.org', 'claims.example.org:443', `127.0.0.1:${port}`]) {
      const page = await get(url, claimPath, host)
      expect(page.status, host).to.equal(200)
      expect((JSON.parse(page.body) as { url: string }).url, host).to.equal(claimPage)
    }
    for (const host of ['claims.example.org.evil', 'claims.example.org:8443', 'evil.claims.example.org', 'claims.example.org@evil']) {
      expect((await get(url, claimPath, host)).status, host).to.equal(400)
    }
  })

  it('refuses a --public-url that is not a bare web address, naming the fix', async () => {
    const { claimtrail } = await import('../cli/run.js')
    const run = await claimtrail(['serve', '--db', temp.path('claimtrail.json'), '--public-url', 'https://claims.example.org/desk?x=1'], {
      cwd: temp.dir,
    })
    expect(run.code).to.equal(2)
    expect(run.stderr).to.include('--public-url https://claims.example.org')
  })
})
