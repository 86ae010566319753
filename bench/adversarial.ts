// `npm run bench:adversarial`: CPU seconds to extract each hostile ~1 MB article (bench/adversarial/articles.ts),
// each in a process of its own stopped at its time box. With --baseline DIR (another checkout, e.g. the commit
// before extraction was bounded) the same articles go through that checkout's pipeline too, and the table shows
// the ratio. Options: --size BYTES (1000000), --limit CPU SECONDS per article (60), --only kind,kind.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { HOSTILE_KINDS } from './adversarial/articles.js'

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    size: { type: 'string', default: '1000000' },
    limit: { type: 'string', default: '60' },
    only: { type: 'string' },
  },
})
const size = Number(values.size)
const limitMs = Number(values.limit) * 1000
const kinds = values.only ? HOSTILE_KINDS.filter((k) => values.only!.split(',').includes(k.name)) : HOSTILE_KINDS
const ONE = new URL('./adversarial/one.ts', import.meta.url).pathname

interface Run {
  cpuMs: number | null
  statements?: number
  error?: string
}

/** One article in a child process: its CPU for extraction, or null when the time box ran out first. */
function run(kind: string, pipeline?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ONE, kind, String(size), ...(pipeline ? [pipeline] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    // The box is CPU time where the system tells it (/proc), so a busy machine does not stop a run that is only
    // waiting its turn; elsewhere it is time since the start. Loading compromise (~1 s) is inside it: errs long.
    const t0 = Date.now()
    const timer = setInterval(() => {
      if (spentMs(child.pid!, t0) > limitMs) child.kill('SIGKILL')
    }, 250)
    child.on('close', () => {
      clearInterval(timer)
      const line = out.trim().split('\n').at(-1)
      if (!line) return resolve({ cpuMs: null, error: err.trim().split('\n').at(-1) })
      resolve(JSON.parse(line) as Run)
    })
  })
}

/** CPU milliseconds the process has used (utime + stime, fields 14 and 15 of /proc/PID/stat), else wall time. */
function spentMs(pid: number, t0: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS
  } catch {
    return Date.now() - t0
  }
}
const TICKS = 100 // USER_HZ: 100 on every Linux that Node supports

const seconds = (r: Run) => (r.cpuMs === null ? `>${values.limit} s` : `${(r.cpuMs / 1000).toFixed(2)} s`)
const rows: string[][] = []
for (const kind of kinds) {
  const before = values.baseline ? await run(kind.name, join(values.baseline, 'src/pipeline/extract.ts')) : null
  const after = await run(kind.name)
  const ratio =
    before && after.cpuMs !== null
      ? `${before.cpuMs === null ? '>' : ''}${((before.cpuMs ?? limitMs) / Math.max(after.cpuMs, 1)).toFixed(0)}×`
      : ''
  const row = [
    kind.name,
    ...(before ? [seconds(before)] : []),
    seconds(after),
    ...(before ? [ratio] : []),
    String(after.statements ?? after.error ?? ''),
  ]
  rows.push(row)
  console.error(row.join('  '))
}

const head = [
  'kind',
  ...(values.baseline ? ['before'] : []),
  values.baseline ? 'after' : 'CPU',
  ...(values.baseline ? ['speed-up'] : []),
  'statements',
]
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log(line(head))
for (const r of rows) console.log(line(r))
