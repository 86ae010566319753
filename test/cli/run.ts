// Runs the built command as a user would (`node dist/cli/main.js …`) in a folder of its own. `npm test` builds
// first; run alone, mocha builds here when dist/ is missing or older than a source file.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const MAIN = join(ROOT, 'dist/cli/main.js')
export const SAMPLE = join(ROOT, 'data/samples/nextshark-russia-china-aid.txt')

/** A short article, different for each n, as the tests that post many of them to real servers send it. */
export const harbourArticle = (n: number) => ({
  title: `Harbour dues ${n}`,
  text: `The port authority said on Monday that harbour dues for berth ${n} would rise by ${n} percent. "We had no choice," its director told reporters.`,
  date: '2024-05-06',
})

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

let built: Promise<void> | undefined

/** A mocha hook: building can take minutes on a busy machine, so the hook gives it the time. */
export function ensureBuilt(this: Mocha.Context): Promise<void> {
  this.timeout(300_000)
  built ??= isStale()
    ? promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT }).then(() => undefined)
    : Promise.resolve()
  return built
}

function isStale(): boolean {
  if (!existsSync(MAIN)) return true
  const builtAt = statSync(MAIN).mtimeMs
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
        const path = join(dir, entry.name)
        return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs
      }),
    )
  return newest(join(ROOT, 'src')) > builtAt
}

/** `claimtrail ...args` in `cwd`, with `input` on stdin; the store is the default one unless `env` says, no server log unless it sets LOG_LEVEL. */
export function claimtrail(
  args: string[],
  { cwd, input, env = {} }: { cwd: string; input?: string | Buffer; env?: Record<string, string> },
): Promise<Run> {
  const { CLAIMTRAIL_DB: _db, PORT: _port, ...inherited } = process.env
  const child = spawn(process.execPath, [MAIN, ...args], { cwd, env: { ...inherited, LOG_LEVEL: 'silent', ...env } })
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  child.stdin.end(input)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    )
  })
}

/**
 * Starts a long-running command and resolves with the URL it prints once listening; `stdout()` is all it has
 * printed so far. Its server logs nothing unless `env` sets LOG_LEVEL, so no log reaches mocha's output. With
 * `fileLimit` (bytes) it runs under `ulimit -f`: a write past that size of any file fails (EFBIG; Node ignores
 * SIGXFSZ), as on a full disk.
 */
export async function listening(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  { fileLimit }: { fileLimit?: number } = {},
): Promise<{ child: ChildProcess; url: string; out: string; stdout: () => string }> {
  const { CLAIMTRAIL_DB: _db, PORT: _port, ...inherited } = process.env
  const [command, argv] =
    fileLimit === undefined
      ? [process.execPath, [MAIN, ...args]]
      : ['bash', ['-c', `ulimit -f ${Math.max(1, Math.floor(fileLimit / 1024))} && exec "$0" "$@"`, process.execPath, MAIN, ...args]]
  const child = spawn(command, argv, { cwd, env: { ...inherited, LOG_LEVEL: 'silent', ...env } })
  let out = ''
  let err = ''
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk
      const url = out.match(/at (http:\/\/\S+\/) /)?.[1]
      if (url) resolve(url)
    })
    child.on('error', reject)
    child.on('close', () => reject(new Error(`${args.join(' ')} ended before listening: ${err}`)))
  })
  return { child, url, out, stdout: () => out }
}

/** Ends a started command that is still running, and waits until it has. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  child.kill()
  await once(child, 'exit')
}
