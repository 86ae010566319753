// Signing out ends the session, not only the browser's cookie: a cookie copied before is refused afterwards. And
// failed sign-ins are limited per account as well as per address: guesses at one user's password from many
// addresses are answered 429 after ten, while other users still sign in. A real server on a real port, a real
// users file; requests leave from different loopback addresses (127.0.0.x) as from different machines.

import { readFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { expect } from 'chai'
import { addUser } from '../../src/users/users.js'
import type { UsersData } from '../../src/users/users-file.js'
import { type Served, serve } from '../browser/harness.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { formTokenIn } from './poster.js'

const PASSWORD = 'a ferry pier at dawn'
const ARTICLE = { text: 'The harbour board denied that the pier was sold, its spokesperson Tom Reyes said on Tuesday.', date: '2025-03-05' }

interface Answer {
  status: number
  body: string
  cookies: string[]
}

/** One request from `from` (a loopback address), as a browser holding `cookie` sends it. */
function send(
  base: string,
  method: string,
  path: string,
  {
    cookie = '',
    from = '127.0.0.1',
    form,
    json,
    headers = {},
  }: { cookie?: string; from?: string; form?: Record<string, string>; json?: object; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : json ? JSON.stringify(json) : ''
  const type = form ? 'application/x-www-form-urlencoded' : 'application/json'
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method, localAddress: from, headers: { cookie, 'content-type': type, accept: 'text/html', ...headers } },
      (res) => {
        let text = ''
        res
          .setEncoding('utf8')
          .on('data', (chunk: string) => (text += chunk))
          .on('end', () =>
            resolve({ status: res.statusCode!, body: text, cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]) }),
          )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A browser's first visit to the sign-in page: its form cookie and the page's token. */
async function signInForm(base: string, from?: string) {
  const page = await send(base, 'GET', '/login', { from })
  return { cookie: page.cookies.join('; '), token: formTokenIn(page.body) }
}

const signInAs = async (base: string, name: string, password: string, from?: string) => {
  const { cookie, token } = await signInForm(base, from)
  return send(base, 'POST', '/login', { cookie, from, form: { name, password, _csrf: token, next: '/' } })
}

describe('with users: signing out, and the per-account sign-in limit', function () {
  // Each sign-in is a real scrypt check (~0.6 s here).
  this.timeout(90_000)
  let folder: TempFolder
  let usersFile: string
  let served: Served
  before(async () => {
    folder = await tempFolder()
    usersFile = folder.path('claimtrail.users.json')
    await addUser(usersFile, 'jo', PASSWORD)
    await addUser(usersFile, 'sam', PASSWORD)
  })
  after(() => folder.remove())
  beforeEach(async () => (served = await serve({ usersFile })))
  afterEach(() => served.close())

  it('signing out ends the session: a cookie copied before it is refused for a write and shows signed out', async () => {
    const signedIn = await signInAs(served.base, 'jo', PASSWORD)
    expect(signedIn.status).to.equal(303)
    const copied = signedIn.cookies.find((c) => c.startsWith('claimtrail_session='))!
    expect(copied).to.be.a('string')
    const home = await send(served.base, 'GET', '/', { cookie: copied })
    expect(home.body).to.include('<span>jo</span> <button type="submit">Sign out</button>')
    const token = formTokenIn(home.body)

    const out = await send(served.base, 'POST', '/logout', { cookie: copied, form: { _csrf: token } })
    expect(out.status).to.equal(303)
    expect(out.cookies).to.include('claimtrail_session=')

    // The cookie as it was before signing out, kept by whoever copied it.
    const write = await send(served.base, 'POST', '/api/articles', { cookie: copied, json: ARTICLE, headers: { 'x-csrf-token': token } })
    expect(write.status).to.equal(401)
    expect(JSON.parse(write.body).error).to.match(/^Sign in to make changes/)
    expect(served.store.articles()).to.deep.equal([])
    const after = await send(served.base, 'GET', '/', { cookie: copied })
    expect(after.body).not.to.include('Sign out')
    expect(after.body).to.include('<a class="session" href="/login?next=%2F">Sign in</a>')
    expect((JSON.parse(await readFile(usersFile, 'utf8')) as UsersData).users.find((u) => u.name === 'jo')!.sessionEpoch).to.equal(1)

    // Signing in again starts a session that works.
    const again = await signInAs(served.base, 'jo', PASSWORD)
    const fresh = again.cookies.find((c) => c.startsWith('claimtrail_session='))!
    const page = await send(served.base, 'GET', '/', { cookie: fresh })
    const written = await send(served.base, 'POST', '/api/articles', {
      cookie: fresh,
      json: ARTICLE,
      headers: { 'x-csrf-token': formTokenIn(page.body) },
    })
    expect(written.status, written.body).to.equal(201)
  })

  it('answers 429 after ten failed sign-ins as one user from ten addresses; other users still sign in', async () => {
    for (let i = 0; i < 10; i++) {
      const failed = await signInAs(served.base, i % 2 ? 'jo' : 'JO', 'not the password', `127.0.0.${10 + i}`)
      expect(failed.status, `attempt ${i + 1}`).to.equal(401)
    }
    const limited = await signInAs(served.base, 'jo', 'not the password', '127.0.0.30')
    expect(limited.status).to.equal(429)
    expect(limited.body).to.include('Too many failed sign-ins as this user, from any address: wait 15 minutes, then try again.')
    // Held out for the window even with the right password: the guesser learns nothing more.
    expect((await signInAs(served.base, 'jo', PASSWORD, '127.0.0.31')).status).to.equal(429)
    expect((await signInAs(served.base, 'sam', PASSWORD, '127.0.0.30')).status).to.equal(303)
  })
})
