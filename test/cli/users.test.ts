// `claimtrail users …` and `serve` with and without users, through the real built command.

import type { ChildProcess } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, listening, stop } from './run.js'

const PASSWORD = 'a ferry pier at dawn'

describe('claimtrail users, and serve beyond this machine', function () {
  this.timeout(60_000)
  let temp: TempFolder
  let child: ChildProcess | undefined
  const run = (args: string[], input?: string) => claimtrail(args, { cwd: temp.dir, input })
  before(ensureBuilt)
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(async () => {
    await stop(child)
    child = undefined
    await temp.remove()
  })

  it('adds, lists, issues and revokes a token, and removes a user, in a file beside the store that holds no secret in clear', async () => {
    const added = await run(['users', 'add', 'jo', '--password-stdin'], `${PASSWORD}\n`)
    expect(added).to.deep.include({
      code: 0,
      stdout: 'Added user jo to data/claimtrail.users.json. The web app now asks for a sign-in before any change.\n',
    })
    const file = temp.path('data/claimtrail.users.json')
    expect((await stat(file)).mode & 0o777).to.equal(0o600)

    const issued = await run(['users', 'token', 'jo'])
    expect(issued.code).to.equal(0)
    const token = issued.stdout.trim()
    expect(token).to.match(/^ct_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/)
    const id = token.split('_')[1]
    expect(issued.stderr).to.include(`API token ${id} for jo. It is shown only now`)
    const kept = await readFile(file, 'utf8')
    expect(kept).not.to.include(PASSWORD)
    // The secret is everything after the id; it may hold '_' itself (base64url), so it is not split on.
    expect(kept).not.to.include(token.slice(`ct_${id}_`.length))

    expect((await run(['users', 'list'])).stdout).to.match(new RegExp(`^jo  added \\d{4}-\\d{2}-\\d{2}  tokens: ${id}\\n$`))
    expect(await run(['users', 'revoke', id])).to.deep.include({
      code: 0,
      stdout: `Revoked API token ${id} of jo. Requests sending it are refused from now on.\n`,
    })
    expect((await run(['users', 'list'])).stdout).to.include(`tokens: ${id} (revoked)`)
    expect(await run(['users', 'remove', 'jo'])).to.deep.include({
      code: 0,
      stdout: 'Removed user jo and 1 API token. No users are left: the web app serves this machine only again.\n',
    })
    expect((await run(['users', 'list'])).stdout).to.match(/^No users in data\/claimtrail\.users\.json/)
  })

  it('--users names another file; --db moves the default one beside that store', async () => {
    expect((await run(['users', 'add', 'ana', '--password-stdin', '--users', 'desk.json'], PASSWORD)).code).to.equal(0)
    expect((await run(['users', 'add', 'lee', '--password-stdin', '--db', 'stores/harbour.json'], PASSWORD)).stdout).to.include(
      'to stores/harbour.users.json',
    )
    expect((await run(['users', 'list', '--users', 'desk.json'])).stdout).to.match(/^ana {2}/)
    expect((await run(['users', 'list', '--db', 'stores/harbour.json'])).stdout).to.match(/^lee {2}/)
  })

  const refusals: Array<[string, string[], string | undefined, number, RegExp]> = [
    [
      'a name with a space',
      ['users', 'add', 'jo park', '--password-stdin'],
      PASSWORD,
      2,
      /"jo park" is not a user name: use 1 to 64 letters or digits/,
    ],
    [
      'a short password',
      ['users', 'add', 'jo', '--password-stdin'],
      'pier',
      2,
      /The password is 4 characters long; give one of at least 10/,
    ],
    ['no password on stdin', ['users', 'add', 'jo', '--password-stdin'], '', 2, /stdin held no password: pipe one in/],
    [
      'no terminal and no --password-stdin',
      ['users', 'add', 'jo'],
      PASSWORD,
      2,
      /no terminal to ask the password at: pipe it in with --password-stdin/,
    ],
    [
      'an unknown user',
      ['users', 'remove', 'nobody'],
      undefined,
      3,
      /There is no user "nobody" in data\/claimtrail\.users\.json: `claimtrail users list` shows who there is/,
    ],
    ['an unknown token', ['users', 'revoke', 'abc'], undefined, 3, /There is no token "abc"/],
    [
      'serve on 0.0.0.0 with no users',
      ['serve', '--host', '0.0.0.0', '--port', '0'],
      undefined,
      2,
      /holds no users, so serve listens on 127\.0\.0\.1 only.*add a user first: claimtrail users add NAME/,
    ],
    ['a write limit of 0', ['serve', '--write-limit', '0'], undefined, 2, /--write-limit "0" is not a number of changes a minute/],
    ['--read nobody', ['serve', '--read', 'nobody'], undefined, 2, /Allowed choices are public, private/],
  ]
  for (const [what, args, input, code, message] of refusals) {
    it(`refuses ${what} (exit ${code}), saying what to do`, async () => {
      const result = await run(args, input)
      expect(result.code).to.equal(code)
      expect(result.stderr).to.match(message)
    })
  }

  it('a second user of the same name is refused whatever its case', async () => {
    await run(['users', 'add', 'jo', '--password-stdin'], PASSWORD)
    const again = await run(['users', 'add', 'JO', '--password-stdin'], PASSWORD)
    expect(again).to.deep.include({
      code: 2,
      stderr: 'claimtrail: There is already a user "jo": pick another name, or `claimtrail users remove jo` first.\n',
    })
  })

  it('with a user, serve listens on 0.0.0.0: reading is open, an anonymous write is refused, a token writes', async () => {
    await run(['users', 'add', 'jo', '--password-stdin'], PASSWORD)
    const token = (await run(['users', 'token', 'jo'])).stdout.trim()
    const served = await listening(['serve', '--host', '0.0.0.0', '--port', '0'], temp.dir)
    child = served.child
    expect(served.out).to.match(/^claimtrail is serving data\/claimtrail\.json at http:\/\/0\.0\.0\.0:\d+\/ /)
    const base = served.url.replace('0.0.0.0', '127.0.0.1')
    expect((await fetch(base)).status).to.equal(200)
    const article = JSON.stringify({ text: 'Tom Reyes said no offer was on the table.', date: '2025-03-05' })
    const headers = { 'Content-Type': 'application/json' }
    expect((await fetch(`${base}api/articles`, { method: 'POST', headers, body: article })).status).to.equal(401)
    const written = await fetch(`${base}api/articles`, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${token}` },
      body: article,
    })
    expect(written.status).to.equal(201)
    // Revoked while the server runs: refused at once, no restart.
    await run(['users', 'revoke', token.split('_')[1]])
    expect(
      (await fetch(`${base}api/articles`, { method: 'POST', headers: { ...headers, Authorization: `Bearer ${token}` }, body: article }))
        .status,
    ).to.equal(401)
  })
})
