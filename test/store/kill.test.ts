// A server killed with SIGKILL at a random moment of a long ingest, fifty times over the same store: every
// time, the store opens, its records hang together, and every article the server had acknowledged (answered
// 201) is there. The journal is folded into the store file every few articles here, so kills land during
// appends, during compaction and between them alike.

import { once } from 'node:events'
import { expect } from 'chai'
import { exportData } from '../../src/export/json.js'
import { Store } from '../../src/store/store.js'
import { ensureBuilt, listening } from '../cli/run.js'
import { type TempFolder, tempFolder } from './temp-store.js'

const KILLS = 50
const CITIES = ['Riverside', 'Halden', 'Marston', 'Elmira', 'Portsea', 'Kettering', 'Ashby', 'Dunmore']
const NAMES = ['Ana Ruiz', 'Omar Bell', 'Lena Fischer', 'Tomas Okafor', 'Priya Nair', 'Jonas Weber']

/** A small seeded generator: the same kills at the same moments on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
}

function article(n: number) {
  const city = CITIES[n % CITIES.length]
  const name = NAMES[n % NAMES.length]
  return {
    id: `wire-${n}`,
    date: `2024-0${1 + (n % 9)}-1${n % 10}`,
    title: `${city} council report ${n}`,
    text:
      `${city} council votes on budget ${n}\n\nThe ${city} council voted on Monday to cut the harbour budget by ${n} percent. ` +
      `"We cannot pay for everything," ${name}, the council leader, said at the meeting. ` +
      `Union officials denied that the cut was needed, according to a statement. ${name} said the vote would stand.`,
  }
}

/** Every statement's article and claim are stored, every claim's statements are, every article has its text. */
function holdsTogether(store: Store): void {
  const articles = new Set(store.articles().map((a) => a.id))
  const statements = new Set(store.statements().map((s) => s.id))
  for (const s of store.statements()) expect(articles.has(s.articleId), `${s.id}'s article`).to.equal(true)
  for (const claim of exportData(store.tables()).claims)
    for (const id of claim.statementIds) expect(statements.has(id), `${claim.id} holds ${id}`).to.equal(true)
  for (const { id } of store.articles()) expect(store.article(id)!.text, `${id}'s text`).to.be.a('string')
  expect(store.claims()).to.be.an('array')
}

describe('a server killed during a long ingest', function () {
  this.timeout(300_000)
  let temp: TempFolder
  before(ensureBuilt)
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  /** Kills a server over one store `kills` times; resolves with how many articles it acknowledged and how many were posted. */
  async function killLane(lane: number, kills: number): Promise<{ acknowledged: number; posted: number }> {
    const random = seeded(6 + lane)
    const path = temp.path(`lane-${lane}/claimtrail.json`)
    const acknowledged = new Set<string>()
    let next = 0
    for (let kill = 0; kill < kills; kill++) {
      const { child, url } = await listening(['serve', '--db', path, '--port', '0'], temp.dir, { CLAIMTRAIL_COMPACT_BYTES: '4096' })
      const exited = once(child, 'exit')
      let killed = false
      let firstAnswer: () => void
      const answered = new Promise<void>((resolve) => (firstAnswer = resolve))
      // Three clients post one article after another until the kill.
      const client = async () => {
        while (!killed) {
          const sent = article(lane * 100_000 + next++)
          try {
            const res = await fetch(`${url}api/articles`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(sent),
            })
            if (res.status === 201) acknowledged.add(sent.id)
            else throw new Error(`POST answered ${res.status}: ${await res.text()}`)
            firstAnswer()
          } catch (error) {
            if (!killed) throw error
          }
        }
      }
      const clients = [client(), client(), client()]
      // The first answer waits for the language models to load; the kill comes at any moment after it.
      await Promise.race([answered, Promise.all(clients)])
      await new Promise((resolve) => setTimeout(resolve, random() * 400))
      killed = true
      child.kill('SIGKILL')
      await exited
      await Promise.allSettled(clients)

      const store = await Store.open(path, { readOnly: true })
      const stored = new Set(store.articles().map((a) => a.id))
      const lost = [...acknowledged].filter((id) => !stored.has(id))
      expect(lost, `lane ${lane}, after kill ${kill + 1}: acknowledged but not stored`).to.deep.equal([])
      holdsTogether(store)
    }
    return { acknowledged: acknowledged.size, posted: next }
  }

  it(`loses no acknowledged article over ${KILLS} kills at random moments`, async () => {
    // Two stores killed side by side: a server spends most of its short life loading, on one core.
    const lanes = await Promise.all([killLane(0, KILLS / 2), killLane(1, KILLS / 2)])
    const acknowledged = lanes.reduce((sum, lane) => sum + lane.acknowledged, 0)
    const posted = lanes.reduce((sum, lane) => sum + lane.posted, 0)
    console.log(`      kill test: ${KILLS} kills over 2 stores, ${acknowledged} articles acknowledged, 0 lost; ${posted} posted`)
    expect(acknowledged).to.be.greaterThan(KILLS)
  })
})
