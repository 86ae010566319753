// Two `claimtrail serve` processes on one PostgreSQL database, as behind a load balancer: the rate limits are
// counted in the database, so requests from one address sent to either server in turn are refused once the limit
// is reached overall. Each server counting alone would have taken twice as many.
import type { ChildProcess } from 'node:child_process'
import { expect } from 'chai'
import pg from 'pg'
import { addUser } from '../../src/users/users.js'
import { databaseOrSkip, type TestDatabase } from '../pg/database.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { formTokenIn } from '../web/poster.js'
import { harbourArticle as article, ensureBuilt, listening, stop } from './run.js'

const WRITE_LIMIT = 3
const FAILED_SIGN_INS = 10
const PASSWORD = 'a ferry pier at dawn'

describe('rate limits across two servers on one database', function () {
  this.timeout(120_000)
  let database: TestDatabase
  let temp: TempFolder
  const servers: ChildProcess[] = []

  before(async function () {
    await ensureBuilt.call(this)
    database = await databaseOrSkip(this, 'rate limits across two servers on one database')
    temp = await tempFolder()
  })
  afterEach(async () => {
    for (const child of servers.splice(0)) await stop(child)
  })
  after(async () => {
    await temp?.remove()
    await database?.drop()
  })

  /** Two servers on the test's database with the same options; their addresses, first and second. */
  async function twoServers(options: string[]): Promise<string[]> {
    const urls: string[] = []
    for (let i = 0; i < 2; i++) {
      const server = await listening(['serve', '--db', database.url, '--port', '0', ...options], temp.dir)
      servers.push(server.child)
      urls.push(server.url)
    }
    return urls
  }

  async function counts(): Promise<Array<{ key: string; hits: number }>> {
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      return (await client.query('SELECT key, hits FROM rate_limits ORDER BY key')).rows
    } finally {
      await client.end()
    }
  }

  it(`refuses the ${WRITE_LIMIT + 1}th write from one address, whichever server it reaches`, async () => {
    const urls = await twoServers(['--write-limit', String(WRITE_LIMIT)])
    const answers: Array<{ server: number; status: number; error?: string }> = []
    for (let n = 0; n < WRITE_LIMIT + 3; n++) {
      const server = n % 2
      const res = await fetch(`${urls[server]}api/articles?queue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ articles: [article(n)] }),
      })
      const body = (await res.json()) as { error?: string }
      answers.push({ server, status: res.status, error: body.error })
    }
    expect(answers.map((a) => `${a.server}:${a.status}`)).to.deep.equal(['0:202', '1:202', '0:202', '1:429', '0:429', '1:429'])
    for (const refused of answers.filter((a) => a.status === 429))
      expect(refused.error).to.match(new RegExp(`^Too many changes: this server takes ${WRITE_LIMIT} a minute from one user or address`))
    // one count for both, the refused writes counted too
    expect(await counts()).to.deep.include({ key: 'write address 127.0.0.1', hits: WRITE_LIMIT + 3 })
  })

  it(`refuses a sign-in after ${FAILED_SIGN_INS} failed ones from one address, across both; one that succeeds is not counted`, async () => {
    // Each sign-in is a real scrypt check (~0.6 s here).
    const users = temp.path('claimtrail.users.json')
    await addUser(users, 'jo', PASSWORD)
    const urls = await twoServers(['--users', users])
    const signIn = async (base: string, password: string) => {
      const form = await fetch(`${base}login`)
      const cookie = form.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      const body = new URLSearchParams({ name: 'jo', password, _csrf: formTokenIn(await form.text()), next: '/' })
      const res = await fetch(`${base}login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body,
      })
      return { status: res.status, text: await res.text() }
    }
    expect((await signIn(urls[1], PASSWORD)).status).to.equal(303)
    for (let n = 0; n < FAILED_SIGN_INS; n++)
      expect((await signIn(urls[n % 2], 'not the password')).status, `attempt ${n + 1}`).to.equal(401)
    const refused = await signIn(urls[0], PASSWORD)
    expect(refused.status).to.equal(429)
    expect(refused.text).to.include('Too many failed sign-ins from this address: wait 5 minutes, then try again.')
    expect(await counts()).to.deep.include.members([
      { key: 'sign-in address 127.0.0.1', hits: FAILED_SIGN_INS + 1 },
      { key: 'sign-in as account jo', hits: FAILED_SIGN_INS },
    ])
  })
})
