// The ingest form's 303 says "queued", not "stored": a real server is sent a .jsonl of articles through the form,
// killed with SIGKILL in the middle of the job, and started again. The job's page must then say exactly which
// articles the store holds and which it does not, and no article it had shown as stored may be missing.

import { once } from 'node:events'
import { mkdir, stat } from 'node:fs/promises'
import { expect } from 'chai'
import { fingerprint } from '../../src/store/records.js'
import { Store } from '../../src/store/store.js'
import { ensureBuilt, listening, stop } from '../cli/run.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'

const ARTICLES = 120
const CITIES = ['Riverside', 'Halden', 'Marston', 'Elmira', 'Portsea', 'Kettering']
const NAMES = ['Ana Ruiz', 'Omar Bell', 'Lena Fischer', 'Tomas Okafor', 'Priya Nair']

function article(n: number) {
  const city = CITIES[n % CITIES.length]
  const name = NAMES[n % NAMES.length]
  return {
    // Half name themselves, half are named by their fingerprint.
    ...(n % 2 ? { id: `wire-${n}` } : {}),
    title: `${city} council report ${n}`,
    text:
      `The ${city} council voted on Monday to cut the harbour budget by ${n} percent. ` +
      `"We cannot pay for everything," ${name}, the council leader, said at the meeting. ` +
      `Union officials denied that the cut was needed, according to a statement. ${name} said the vote would stand.`,
  }
}

/** The form as a browser sends it: the page's cookie, and the token the page carried. */
async function postForm(url: string, file: string, name: string): Promise<Response> {
  const page = await fetch(`${url}articles/new`)
  const cookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1]
  expect(token, 'the form has a token').to.be.a('string')
  const form = new FormData()
  form.append('_csrf', token!)
  form.append('file', new Blob([file]), name)
  return fetch(`${url}articles`, { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' })
}

/** Each listed article's status by its line: "line 3" → "stored". */
function statuses(html: string): Map<number, string> {
  const found = new Map<number, string>()
  for (const [, status, line] of html.matchAll(/<li data-status="([^"]+)">.*?line (\d+): <strong>/g)) found.set(Number(line), status)
  return found
}

describe('an ingest job after the server was killed', function () {
  this.timeout(120_000)
  let temp: TempFolder
  let child: Awaited<ReturnType<typeof listening>>['child'] | undefined
  before(ensureBuilt)
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(async () => {
    await stop(child)
    await temp.remove()
  })

  it('says exactly which articles were stored, and loses none it had said were', async () => {
    const path = temp.path('claimtrail.json')
    const sent = Array.from({ length: ARTICLES }, (_, i) => article(i))
    let server = await listening(['serve', '--db', path, '--port', '0'], temp.dir)
    child = server.child
    const posted = await postForm(server.url, sent.map((a) => JSON.stringify(a)).join('\n'), 'wire.jsonl')
    expect(posted.status).to.equal(303)
    expect(await posted.text()).to.match(/^Queued 120 articles, not yet stored/)
    const job = posted.headers.get('location')!
    expect((await stat(`${path}.jobs`)).mode & 0o777, "the jobs file is the operator's alone").to.equal(0o600)

    // Killed once the page shows some articles stored, while others are still queued.
    let shown = new Map<number, string>()
    for (let tries = 0; tries < 1200; tries++) {
      shown = statuses(await (await fetch(`${server.url}${job.slice(1)}`)).text())
      if ([...shown.values()].includes('stored')) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
    const acknowledged = [...shown].filter(([, status]) => status === 'stored').map(([line]) => line)
    expect(acknowledged.length, 'the page showed articles stored before the kill').to.be.greaterThan(0)

    server = await listening(['serve', '--db', path, '--port', '0'], temp.dir)
    child = server.child
    const page = await fetch(`${server.url}${job.slice(1)}`)
    expect(page.status).to.equal(200)
    const html = await page.text()
    const after = statuses(html)
    expect(after.size, 'every article of the job is listed').to.equal(ARTICLES)

    const store = await Store.open(path, { readOnly: true })
    const prints = new Set(store.articles().map((a) => a.fingerprint))
    const inStore = sent.map((a, i) => [i + 1, prints.has(fingerprint(a.text))] as const)
    for (const [line, held] of inStore) expect(after.get(line), `line ${line}`).to.equal(held ? 'stored' : 'not stored')
    for (const line of acknowledged) expect(after.get(line), `line ${line} was shown stored before the kill`).to.equal('stored')
    const stored = inStore.filter(([, held]) => held).length
    expect(stored, 'the kill came in the middle of the job').to.be.within(1, ARTICLES - 1)
    expect(store.articles()).to.have.length(stored)
    expect(html).to.include(`Interrupted: ${stored} of ${ARTICLES} stored; re-submit the others.`)
    console.log(
      `      killed mid-job: ${acknowledged.length} shown stored before the kill, ${stored} of ${ARTICLES} in the store after it, all ${ARTICLES} accounted for`,
    )
  })

  it('answers 500 and queues nothing when the job cannot be recorded', async () => {
    const path = temp.path('claimtrail.json')
    const server = await listening(['serve', '--db', path, '--port', '0'], temp.dir)
    child = server.child
    // A folder where the jobs file would be written: the write fails, as on a full or read-only disk.
    await mkdir(`${path}.jobs`)
    const posted = await postForm(server.url, JSON.stringify(article(1)), 'one.jsonl')
    expect(posted.status).to.equal(500)
    expect(posted.headers.get('location')).to.equal(null)
    expect(await posted.text(), 'the 500 page shows no path of the server').not.to.include(temp.dir)
    await stop(child)
    expect((await Store.open(path, { readOnly: true })).articles()).to.have.length(0)
  })
})
