// Tries to break claimtrail with malformed input, the same inputs every run (seeded): 1,000 requests to the API,
// the ingest form, the claim forms and the reads, and junk files, lines and options to the CLI. Every one must be
// refused (4xx, or exit 2 with a message), nothing may hang or crash, and nothing stored may change.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect } from 'chai'
import { createApp } from '../../src/web/app.js'
import { capturedLog } from '../web/captured-log.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith, type TestStore } from '../web/fixture.js'
import { type CliTally, cliFuzz } from './cli-fuzz.js'
import { junkRequests, type Targets } from './junk-requests.js'
import { SEED, seeded } from './rng.js'
import { type Answer, fingerprint, sendAll } from './send.js'

const API_INPUTS = 1000
const CLI_INPUTS = 100

describe('fuzz: malformed input is refused and changes nothing', function () {
  this.timeout(180_000)
  const tally = { api: 0, api4xx: 0, cli: null as CliTally | null }
  after(() => {
    const cli = tally.cli ? `; CLI ${tally.cli.inputs} inputs → exit 2 ${tally.cli.exit2}` : ''
    console.log(`      fuzz (seed ${SEED}): ${tally.api} API inputs → 4xx ${tally.api4xx}${cli}`)
  })

  describe('the web app, over a socket', () => {
    let fixture: Awaited<ReturnType<typeof storeWith>>
    let store: TestStore
    let server: Server
    let base: string
    const log = capturedLog('error')
    let answers: Answer[]
    let untouched: string

    before(async () => {
      fixture = await storeWith([[HARBOUR_ARTICLE, harbourExtraction()]])
      store = fixture.store
      server = createServer(createApp({ store, logger: log.logger }))
      server.listen(0, '127.0.0.1')
      await once(server, 'listening')
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const [claim, otherClaim] = (await store.claims()).map((c) => c.claim.id)
      const statement = (await store.claim(claim))!.claim.statementIds[0]
      const targets: Targets = { claim, otherClaim, statement, speaker: (await store.speakers())[0].id }
      untouched = await fingerprint(store)
      answers = await sendAll(base, junkRequests(seeded(SEED), targets, API_INPUTS), 4)
      tally.api = answers.length
      tally.api4xx = answers.filter((a) => typeof a.status === 'number' && a.status >= 400 && a.status < 500).length
    })
    after(async () => {
      server?.closeAllConnections()
      await new Promise((resolve) => server?.close(resolve))
      await fixture?.cleanup()
    })

    it(`answers every one of ${API_INPUTS} malformed requests with a 4xx, none with a 5xx or not at all`, () => {
      const wrong = answers.filter((a) => typeof a.status !== 'number' || a.status < 400 || a.status >= 500)
      expect(wrong.length, `answers that are not 4xx:\n${wrong.slice(0, 40).map(shown).join('\n')}`).to.equal(0)
      expect(
        log.errors().map((line) => line.msg + String((line.err as Error).stack)),
        'errors the server reported as its own',
      ).to.deep.equal([])
    })

    it('says what is wrong: JSON {error} from the API, an HTML page elsewhere', () => {
      const unclear = answers.filter((a) => {
        if (a.request.path.startsWith('/api/'))
          return !/json/.test(a.type) || typeof (JSON.parse(a.body) as { error?: unknown }).error !== 'string'
        return !/html/.test(a.type) || !/<h1>|<h2>Nothing was added<\/h2>/.test(a.body)
      })
      expect(unclear.length, `answers that do not say what is wrong:\n${unclear.slice(0, 40).map(shown).join('\n')}`).to.equal(0)
    })

    it('changes nothing stored', async () => {
      expect(await fingerprint(store)).to.equal(untouched)
    })

    it('keeps serving: the claims list still answers 200', async () => {
      const res = await fetch(`${base}/`)
      expect(res.status).to.equal(200)
      expect(await res.text()).to.include('The harbour board has agreed to sell the old ferry pier')
    })
  })

  describe('the CLI, as a user runs it', () => {
    it(`exits 2 with a message for each of ${CLI_INPUTS} junk files, lines and options, and stores nothing`, async function () {
      const result = await cliFuzz(this, seeded(SEED + 1), CLI_INPUTS)
      tally.cli = result.tally
      expect(result.wrong, 'runs that did not exit 2 with a message').to.deep.equal([])
      expect(result.after, 'the store after every run').to.equal(result.before)
    })
  })
})

function shown(answer: Answer): string {
  const { request, status, body } = answer
  return `${status} ${request.method} ${request.path.slice(0, 80)} (${request.what}): ${body.replace(/\s+/g, ' ').slice(0, 200)}`
}
