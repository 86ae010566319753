// `npm run bench:load`: the real `claimtrail serve` under load. A generated store of 10,000 claims (--claims),
// the server on loopback, and autocannon against the claims list, a claim page and a search for --seconds each
// with --connections connections: requests a second and latency percentiles per page. Each page is loaded
// twice: as an anonymous reader (answered from the rendered-page cache once the first request has rendered it)
// and as a reader sending a cookie, as a signed-in one will, whom the cache never serves: every one of those
// requests renders the page. Both send Accept-Encoding: gzip, as browsers do. Target: the claims list serves >= 1,000 requests a second.
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { table } from './dev-articles.js'
import { generateInChild, serveStore } from './served.js'

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
})
const SECONDS = Number(values.seconds)
const CONNECTIONS = Number(values.connections)

const folder = mkdtempSync(join(tmpdir(), 'claimtrail-bench-load-'))
try {
  const db = join(folder, 'claimtrail.json')
  generateInChild(['--claims', values.claims!], db, folder)

  const server = await serveStore(db)
  // Other work on the machine slows every figure; say how busy it was.
  const busy = loadavg()[0]
  // A claim from the middle of the first page, as a reader would open one.
  const list = await (await fetch(`${server.base}/`)).text()
  const claims = [...list.matchAll(/href="(\/claims\/[^"?#]+)"/g)].map((m) => m[1])
  const pages: Array<[string, string]> = [
    ['claims list /', '/'],
    ['a claim page', claims[Math.floor(claims.length / 2)]],
    ['search /search?q=troops', '/search?q=troops'],
  ]
  const rows = [['page', 'reader', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors']]
  for (const [name, path] of pages) {
    // Both ask for gzip, as every browser does.
    for (const [reader, headers] of [
      ['anonymous', { 'accept-encoding': 'gzip' }],
      ['with a cookie', { 'accept-encoding': 'gzip', cookie: 'bench=1' }],
    ] as const) {
      const result = await autocannon({ url: server.base + path, connections: CONNECTIONS, duration: SECONDS, headers })
      rows.push([
        name,
        reader,
        result.requests.average.toFixed(0),
        String(result.latency.p50),
        String(result.latency.p99),
        String(result.non2xx),
        String(result.errors),
      ])
    }
  }
  await server.stop()
  console.log(
    `\nautocannon, ${CONNECTIONS} connections, ${SECONDS} s per row, over loopback to \`claimtrail serve\`; load average ${busy.toFixed(1)} on ${availableParallelism()} cores\n`,
  )
  console.log(table(rows))
} finally {
  rmSync(folder, { recursive: true, force: true })
}
