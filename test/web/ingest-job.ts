// Following an ingest job as a browser does: its page (the POST's 303 Location) refreshes itself until the job has
// ended, then shows the summary. One bounded poll for every test that waits on a job.
import type request from 'supertest'

/** Anything that GETs through the app: `request(app)`, or a signed-in agent. */
interface Reader {
  get(url: string): request.Test
}

const refreshing = (page: string) => page.includes('http-equiv="refresh"')

/**
 * The job page once `ready` holds for it (by default: the job has ended, the page no longer refreshes), polled
 * every `every` ms for up to a minute.
 */
export async function jobPage(reader: Reader, location: string, ready = (page: string) => !refreshing(page), every = 50): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += every) {
    const page = (await reader.get(location).expect(200)).text
    if (ready(page)) return page
    await new Promise((resolve) => setTimeout(resolve, every))
  }
  throw new Error(`the ingest job at ${location} did not get there within a minute`)
}
