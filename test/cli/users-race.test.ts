// `users add` hashes its password for ~0.6 s; a `users revoke`, `users remove` or `users token` run meanwhile
// in another process must not be undone when the add writes the file. Thirty rounds through the built command,
// each starting the second command while the first is hashing; after every round the file holds every change.

import { spawnSync } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { expect } from 'chai'
import { place } from '../../src/lock/holder.js'
import type { UsersData } from '../../src/users/users-file.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { claimtrail, ensureBuilt, type Run } from './run.js'

const ROUNDS = 30
const PASSWORD = 'a ferry pier at dawn'

describe('claimtrail users, run side by side', function () {
  this.timeout(180_000)
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  /** One users file raced `rounds` times over; how many tokens were revoked and users removed. */
  async function lane(file: string, rounds: number): Promise<{ revoked: number; removed: number }> {
    const run = (args: string[], input?: string) => claimtrail(['users', ...args, '--users', file], { cwd: temp.dir, input })
    const ok = (done: Run) => (expect(done.code, done.stderr).to.equal(0), done)
    const read = async () => JSON.parse(await readFile(temp.path(file), 'utf8')) as UsersData
    ok(await run(['add', 'jo', '--password-stdin'], PASSWORD))
    let token = ok(await run(['token', 'jo'])).stdout.split('_')[1]
    const revoked: string[] = []
    const removed: string[] = []
    for (let round = 0; round < rounds; round++) {
      const adding = run(['add', `u${round}`, '--password-stdin'], PASSWORD)
      // Started once the add is well into its hash.
      await new Promise((resolve) => setTimeout(resolve, 150))
      if (round % 2 === 0) {
        ok(await run(['revoke', token]))
        revoked.push(token)
      } else {
        const [gone, issued] = await Promise.all([run(['remove', `u${round - 1}`]), run(['token', 'jo'])])
        ok(gone)
        removed.push(`u${round - 1}`)
        token = ok(issued).stdout.split('_')[1]
      }
      ok(await adding)
      const data = await read()
      const names = data.users.map((u) => u.name)
      const where = `${file}, round ${round}`
      expect(names, where).to.include(`u${round}`)
      expect(
        names.filter((name) => removed.includes(name)),
        `${where}: removed users back`,
      ).to.deep.equal([])
      const live = data.tokens.filter((t) => !t.revoked).map((t) => t.id)
      expect(
        live.filter((id) => revoked.includes(id)),
        `${where}: revoked tokens back`,
      ).to.deep.equal([])
      if (round % 2 === 1)
        expect(
          data.tokens.map((t) => t.id),
          `${where}: the token issued`,
        ).to.include(token)
    }
    return { revoked: revoked.length, removed: removed.length }
  }

  it(`loses no revoked token and brings back no removed user, over ${ROUNDS} rounds`, async () => {
    // Two users files side by side: each round waits mostly for a hash, on one core.
    const lanes = await Promise.all([lane('desk-a.users.json', ROUNDS / 2), lane('desk-b.users.json', ROUNDS / 2)])
    const revoked = lanes.reduce((sum, l) => sum + l.revoked, 0)
    const removed = lanes.reduce((sum, l) => sum + l.removed, 0)
    // Nothing left beside the files: no lock, no temporary file.
    expect((await readdir(temp.dir)).sort()).to.deep.equal(['desk-a.users.json', 'desk-b.users.json'])
    console.log(
      `      users race: ${ROUNDS} rounds, ${revoked} tokens revoked and ${removed} users removed while another user was added; none came back`,
    )
  })

  it('takes over at once a lock left by a users command that was killed', async () => {
    const run = (args: string[], input?: string) => claimtrail(['users', ...args, '--users', 'desk.json'], { cwd: temp.dir, input })
    expect((await run(['add', 'jo', '--password-stdin'], PASSWORD)).code).to.equal(0)
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString())
    await mkdir(temp.path('desk.json.lock'))
    await writeFile(temp.path('desk.json.lock/holder'), JSON.stringify({ pid: dead, place: place(), started: '1', token: 'left' }))
    const started = Date.now()
    const issued = await run(['token', 'jo'])
    expect(issued.code, issued.stderr).to.equal(0)
    expect(Date.now() - started, 'no wait for the lease to run out').to.be.below(5000)
    expect((await readdir(temp.dir)).sort()).to.deep.equal(['desk.json'])
  })
})
