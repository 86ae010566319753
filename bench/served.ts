// The real `claimtrail serve` (the built CLI) in a child process over a store file, for the benches: its address,
// its peak memory so far, and a way to stop it. The benches run `npm run build` first.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './dev-articles.js'

// CLAIMTRAIL_BENCH_CLI points the benches at another build's dist/cli/main.js, to compare before and after.
export const CLI = process.env.CLAIMTRAIL_BENCH_CLI ?? join(ROOT, 'dist/cli/main.js')
const PRELOAD = join(ROOT, 'bench/max-rss.mjs')

export interface Served {
  base: string
  /** The server's peak RSS so far, in bytes (Linux: VmHWM); null where /proc is not there. */
  peakRss(): number | null
  stop(): Promise<void>
}

export async function serveStore(db: string): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const base = await new Promise<string>((resolve, reject) => {
    let said = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk
      const found = /at (http:\/\/[^/\s]+)\//.exec(said)
      if (found) resolve(found[1])
    })
    child.once('exit', (code) => reject(new Error(`claimtrail serve ended (exit ${code}) before it listened`)))
  })
  return {
    base,
    peakRss: () => peakOf(child),
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

function peakOf(child: ChildProcess): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
    return kb ? Number(kb[1]) * 1024 : null
  } catch {
    return null
  }
}

/** Runs the built CLI to its end; its wall time and peak RSS (reported by the preload, so any OS). */
export function runCli(args: string[], rssFile: string): { seconds: number; peakRss: number; status: number | null } {
  const start = performance.now()
  const run = spawnSync(process.execPath, ['--import', PRELOAD, CLI, ...args], {
    env: { ...process.env, CLAIMTRAIL_MAX_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return { seconds: (performance.now() - start) / 1000, peakRss: Number(readFileSync(rssFile, 'utf8')), status: run.status }
}

/** Requests `path` and reads the answer to its last byte. */
export async function timedGet(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now()
  const res = await fetch(url, { headers })
  let bytes = 0
  for await (const chunk of res.body ?? []) bytes += (chunk as Uint8Array).byteLength
  return { ms: performance.now() - start, bytes, status: res.status }
}

export function percentile(times: number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

export const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`)

/**
 * `npm run gen` in a child process, so the bench never holds the store (nor its lock) while a server runs;
 * `size` is `--statements N` or `--claims N`. Prints the generator's line with the folder shown as $TMP.
 */
export function generateInChild(size: ['--statements' | '--claims', string], db: string, folder: string): void {
  const gen = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/gen.ts'), ...size, '--db', db], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (gen.status !== 0) throw new Error('the generator failed')
  console.log(gen.stdout.trim().replace(folder, '$TMP'))
}
