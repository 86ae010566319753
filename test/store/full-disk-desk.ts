// The newsroom desk of the full-disk test: a real `claimtrail serve` over a store on the small disk, articles
// posted to the API and verdicts and corrections posted through the claim page's forms, each answer tallied as
// acknowledged (the write is on disk, by promise) or refused (with its status and the message a reader sees).
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { listening, stop } from '../cli/run.js'
import type { Room, SmallDisk } from './small-disk.js'

const CITIES = ['Riverside', 'Halden', 'Marston', 'Elmira', 'Portsea', 'Kettering', 'Ashby', 'Dunmore']
const NAMES = ['Ana Ruiz', 'Omar Bell', 'Lena Fischer', 'Tomas Okafor', 'Priya Nair', 'Jonas Weber']

/** A distinct article of about 2 kB with two statements: a quote and a denial, then the harbour's figures. */
export function article(n: number) {
  const city = CITIES[n % CITIES.length]
  const [name, other] = [NAMES[n % NAMES.length], NAMES[(n + 2) % NAMES.length]]
  const paragraphs = [
    `${city} harbour report ${n}`,
    `The ${city} council voted on Monday to cut the harbour budget by ${n} percent. "We cannot pay for dredging the berths this year," ${name}, the council leader, said at the meeting. ${other} denied that the cut was needed.`,
  ]
  for (let berth = 1; berth <= 10; berth++) {
    paragraphs.push(
      `Berth ${berth} of the ${city} harbour took ${((n * 7 + berth * 13) % 90) + 10} ships in the spring of report ${n}, up from ` +
        `${((n * 3 + berth) % 40) + 5} a year before, and its cranes moved ${(((n + berth) * 17) % 900) + 100} containers to the rail yard behind it.`,
    )
  }
  return {
    id: `harbour-${n}`,
    date: `2024-0${1 + (n % 9)}-1${n % 10}`,
    title: `${city} harbour report ${n}`,
    text: paragraphs.join('\n\n'),
  }
}

/** A reviewer's decision the server acknowledged; `by` is unique to it, so the log shows whether it was kept. */
export interface Decided {
  by: string
  action: 'review-claim' | 'set-stance'
  target: string
  value: string
}

export interface Refusal {
  write: string
  status: number
  message: string
}

export interface Tally {
  /** Every article sent: id -> its text. */
  sent: Map<string, string>
  /** The acknowledged ones among them. */
  articles: Set<string>
  decisions: Decided[]
  refused: Refusal[]
}

export const tally = (): Tally => ({ sent: new Map(), articles: new Set(), decisions: [], refused: [] })

/** What a reader of the answer sees: the JSON API's `error`, or the error page's text without its stack trace. */
function messageOf(body: string): string {
  try {
    return String((JSON.parse(body) as { error?: unknown }).error ?? body)
  } catch {
    const main = /<main>([\s\S]*)<\/main>/.exec(body)?.[1] ?? body
    return main
      .replace(/<details[\s\S]*?<\/details>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  }
}

/** The server would not start over the store (under ulimit, a fill or a free starts it again). */
export class NotStarted extends Error {}

export class Desk {
  url = ''
  #child: ChildProcess | undefined
  #form = { cookie: '', token: '' }

  constructor(
    readonly disk: SmallDisk,
    readonly path: string,
    readonly written: Tally,
  ) {}

  /** Starts the server; rate limits off, and the journal folded into the store file every 4 kB. */
  async start(): Promise<void> {
    const args = ['serve', '--db', this.path, '--port', '0', '--write-limit', '1000000']
    const { child, url } = await listening(
      args,
      this.disk.dir,
      { CLAIMTRAIL_COMPACT_BYTES: '4096' },
      { fileLimit: this.disk.fileLimit },
    ).catch((error: Error) => {
      throw new NotStarted(`the server did not start: ${error.message.trim()}`)
    })
    this.#child = child
    this.url = url.replace(/\/$/, '')
    // The forms want the cookie and token of a page the server served.
    const page = await fetch(`${this.url}/articles/new`)
    this.#form = {
      cookie: page.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      token: /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '',
    }
  }

  async kill(): Promise<void> {
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }

  /** Ends the server as an operator does (SIGTERM). */
  stop = () => stop(this.#child)

  async fill(room: Room): Promise<void> {
    await this.disk.fill(room)
    if (this.disk.restarts) await this.#restart()
  }

  async free(): Promise<void> {
    await this.disk.free()
    if (this.disk.restarts) await this.#restart()
  }

  async #restart(): Promise<void> {
    await this.kill()
    await this.start()
  }

  async postArticle(n: number): Promise<boolean> {
    const sent = article(n)
    this.written.sent.set(sent.id, sent.text)
    const res = await fetch(`${this.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sent),
    })
    return this.#answered(`article ${sent.id}`, res, 201, () => this.written.articles.add(sent.id))
  }

  /** A verdict on a claim, or a statement's stance corrected; `by` names the decision. */
  async postDecision(decided: Decided, claim: string): Promise<boolean> {
    const form: Record<string, string> = { by: decided.by, _csrf: this.#form.token }
    let path = `/claims/${encodeURIComponent(claim)}/review`
    if (decided.action === 'review-claim') Object.assign(form, { verdict: decided.value, note: `checked by ${decided.by}` })
    else {
      path = `/claims/${encodeURIComponent(claim)}/statements/${encodeURIComponent(decided.target)}`
      Object.assign(form, { action: 'set-stance', stance: decided.value })
    }
    const res = await fetch(`${this.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams(form),
      redirect: 'manual',
      headers: { cookie: this.#form.cookie, origin: this.url },
    })
    return this.#answered(`${decided.action} by ${decided.by}`, res, 303, () => this.written.decisions.push(decided))
  }

  /** The stored claims with their statements, from the API. */
  async claims(): Promise<Array<{ id: string; statements: string[] }>> {
    const { items } = (await (await fetch(`${this.url}/api/claims?per=100`)).json()) as { items: Array<{ id: string }> }
    return Promise.all(
      items.map(async ({ id }) => {
        const { entries } = (await (await fetch(`${this.url}/api/claims/${encodeURIComponent(id)}`)).json()) as {
          entries: Array<{ statement: { id: string } }>
        }
        return { id, statements: entries.map((e) => e.statement.id) }
      }),
    )
  }

  /** Article pages that do not answer 200. */
  async brokenPages(ids: string[]): Promise<string[]> {
    const broken: string[] = []
    for (const id of ids) {
      const res = await fetch(`${this.url}/articles/${encodeURIComponent(id)}`)
      if (res.status !== 200) broken.push(`/articles/${id} answered ${res.status}: ${messageOf(await res.text()).slice(0, 200)}`)
    }
    return broken
  }

  async #answered(write: string, res: Response, acknowledged: number, keep: () => void): Promise<boolean> {
    const body = await res.text()
    if (res.status === acknowledged) keep()
    else this.written.refused.push({ write, status: res.status, message: messageOf(body).slice(0, 300) })
    return res.status === acknowledged
  }
}
