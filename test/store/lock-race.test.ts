// Four processes try to lock one store at the same instant, a hundred rounds over; some rounds start over a lock
// left behind — an empty pid file, an empty folder, a dead pid, a reused pid (a live process that started at
// another time), a lease not renewed for a minute — so that taking over races too; and some over a lock a live
// process holds. Never two holders: in every round exactly one process takes the store (none when it is held),
// and the log the holders append to shows each letting go before the next one takes it.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'chai'
import { place, startTime } from '../../src/lock/holder.js'
import { ROOT } from '../cli/run.js'
import { type TempFolder, tempFolder } from './temp-store.js'

const ROUNDS = 100
const RACERS = 4

type Reply = { ready: true } | { round: number; held: boolean; message?: string } | { released: number }

/** A racing process and the replies it has sent, in order. */
function racer() {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/lock-racer.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const replies: Reply[] = []
  let waiting: ((reply: Reply) => void) | undefined
  child.on('message', (reply: Reply) => {
    if (waiting) {
      const resolve = waiting
      waiting = undefined
      resolve(reply)
    } else replies.push(reply)
  })
  const next = () => (replies.length ? Promise.resolve(replies.shift()!) : new Promise<Reply>((resolve) => (waiting = resolve)))
  return { child, next }
}

describe('Store: the writer lock, raced', function () {
  this.timeout(120_000)
  let temp: TempFolder
  let racers: Array<ReturnType<typeof racer>> = []
  before(async () => {
    temp = await tempFolder()
    racers = Array.from({ length: RACERS }, racer)
    await Promise.all(racers.map((r) => r.next()))
  })
  after(async () => {
    await Promise.all(
      racers.map(async ({ child }) => {
        child.kill()
        if (child.exitCode === null && child.signalCode === null) await once(child, 'exit')
      }),
    )
    await temp.remove()
  })

  it(`lets exactly one of ${RACERS} processes in, over ${ROUNDS} rounds, whatever lock was left behind`, async () => {
    const store = temp.path('claimtrail.json')
    const lock = `${store}.lock`
    const log = temp.path('holders.log')
    writeFileSync(log, '')
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString())
    const aMinuteAgo = new Date(Date.now() - 60_000)
    const folder = (holder: object, lease = new Date()) => {
      mkdirSync(lock)
      writeFileSync(join(lock, 'holder'), JSON.stringify({ place: place(), token: `left-${Math.random()}`, ...holder }))
      utimesSync(join(lock, 'holder'), lease, lease)
    }
    const me = { pid: process.pid, started: startTime(process.pid) }
    // What each round starts over, and how many may take the store.
    const leftBehind: Array<[string, () => void, number]> = [
      ['nothing', () => {}, 1],
      ['an empty pid file, a minute old', () => (writeFileSync(lock, ''), utimesSync(lock, aMinuteAgo, aMinuteAgo)), 1],
      ['an empty folder', () => mkdirSync(lock), 1],
      ['a pid file of a dead process', () => writeFileSync(lock, `${dead}\n`), 1],
      ['a folder held by a dead process', () => folder({ pid: dead, started: '1' }), 1],
      ['a folder held by a reused pid', () => folder({ pid: me.pid, started: `${me.started}0` }), 1],
      ['a folder whose lease ran out a minute ago', () => folder(me, aMinuteAgo), 1],
      ['a folder held by a live process', () => folder(me), 0],
    ]
    const held: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const [what, leave, expected] = leftBehind[round % leftBehind.length]
      rmSync(lock, { recursive: true, force: true })
      leave()
      const at = Date.now() + 40
      for (const { child } of racers) child.send({ round, store, log, at })
      const replies = (await Promise.all(racers.map((r) => r.next()))) as Array<{ held: boolean; message?: string }>
      const holders = replies.filter((r) => r.held).length
      for (const refused of replies.filter((r) => !r.held))
        expect(refused.message, what).to.match(/is open for writing in another claimtrail process \(pid \d+\)/)
      expect(holders, `round ${round}, over ${what}`).to.equal(expected)
      held.push(holders)
      for (const { child } of racers) child.send({ release: round })
      await Promise.all(racers.map((r) => r.next()))
    }
    // The log: take and let alternate, each let by the process that took.
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i][0], `line ${i + 1}`).to.equal('take')
      expect(lines[i + 1], `line ${i + 2}`).to.deep.equal(['let', lines[i][1], lines[i][2]])
    }
    expect(lines.length / 2).to.equal(held.reduce((a, b) => a + b, 0))
    console.log(`      lock race: ${ROUNDS} rounds, ${RACERS} processes, ${lines.length / 2} takings, never two holders`)
  })
})
