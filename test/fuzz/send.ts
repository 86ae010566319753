// Sending junk to a real server over a real socket, and fingerprinting what a store holds.
import { createHash } from 'node:crypto'
import { exportData } from '../../src/export/json.js'
import type { WebStore } from '../../src/web/web-store.js'
import type { JunkRequest } from './junk-requests.js'

/** Past this a request counts as hung. */
const PATIENCE_MS = 15_000

export interface Answer {
  request: JunkRequest
  status: number | 'hung' | 'refused'
  type: string
  body: string
}

export async function send(base: string, request: JunkRequest): Promise<Answer> {
  try {
    const res = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body && new Uint8Array(request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(PATIENCE_MS),
    })
    return { request, status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() }
  } catch (error) {
    const name = (error as Error).name
    return {
      request,
      status: name === 'TimeoutError' || name === 'AbortError' ? 'hung' : 'refused',
      type: '',
      body: String((error as Error).cause ?? error),
    }
  }
}

/** Sends every request, `width` at a time, answers in the order asked. */
export async function sendAll(base: string, requests: JunkRequest[], width = 6): Promise<Answer[]> {
  const answers: Answer[] = new Array(requests.length)
  let next = 0
  const lane = async () => {
    while (next < requests.length) {
      const i = next++
      answers[i] = await send(base, requests[i])
    }
  }
  await Promise.all(Array.from({ length: width }, lane))
  return answers
}

/** Everything a store holds that a request could change: its tables, article texts, and the decisions log. */
export async function fingerprint(store: WebStore): Promise<string> {
  const articles = await store.articles()
  const held = {
    data: exportData(await store.tables()),
    texts: await Promise.all(articles.map(async (a) => [a.id, (await store.article(a.id))!.text])),
    decisions: await store.decisions(),
  }
  return createHash('sha256').update(JSON.stringify(held)).digest('hex')
}
