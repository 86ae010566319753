// The built `claimtrail extract --jsonl` on a long input (the dev articles, --repeat
// times over) with --workers 1 and then --workers 2, printing throughput and the ratio. Both runs must print
// the same bytes; the bench says so or fails.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchOptions, devLines, ROOT, table, words } from './dev-articles.js'

const options = benchOptions({ repeat: { type: 'string', default: '1' } })
const lines = devLines(options)
const repeat = Number(options.values.repeat)
const total = repeat * lines.reduce((n, line) => n + words((JSON.parse(line) as { text: string }).text), 0)

const folder = mkdtempSync(join(tmpdir(), 'claimtrail-bench-'))
const input = join(folder, 'long.jsonl')
writeFileSync(input, `${Array.from({ length: repeat }, () => lines.join('\n')).join('\n')}\n`)

async function run(workers: number): Promise<{ seconds: number; digest: string }> {
  const t0 = performance.now()
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'extract', '--jsonl', input, '--workers', String(workers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const hash = createHash('sha256')
  child.stdout.on('data', (chunk: Buffer) => hash.update(chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`claimtrail extract --workers ${workers} exited with ${code}`)
  return { seconds: (performance.now() - t0) / 1000, digest: hash.digest('hex') }
}

try {
  const one = await run(1)
  const two = await run(2)
  const row = (name: string, r: { seconds: number }) => [
    name,
    String(total),
    r.seconds.toFixed(1),
    Math.round(total / r.seconds).toLocaleString('en-US'),
  ]
  console.log(`${lines.length} dev articles × ${repeat}, claimtrail extract --jsonl (built), ${options.gold}\n`)
  console.log(table([['', 'words', 'seconds', 'words/s'], row('--workers 1', one), row('--workers 2', two)]))
  console.log(
    `\n--workers 2 ÷ --workers 1: ${(one.seconds / two.seconds).toFixed(2)}×  (output ${one.digest === two.digest ? 'identical' : 'DIFFERS'})`,
  )
  if (one.digest !== two.digest) process.exitCode = 1
} finally {
  rmSync(folder, { recursive: true, force: true })
}
