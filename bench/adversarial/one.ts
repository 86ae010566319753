// Hostile articles through one pipeline, in a process of their own so the bench can stop it at its time box:
// prints one {"kind", "chars", "cpuMs", "wallMs", "statements"} line (or "error" for "statements") per kind.
// Kinds are comma-separated, or "all". The pipeline is this checkout's unless a path to another checkout's
// src/pipeline/extract.ts is given (the bench's --baseline).
import { pathToFileURL } from 'node:url'
import { HOSTILE_KINDS, hostileKind } from './articles.js'

const [names, size, pipeline] = process.argv.slice(2)
const kinds = names === 'all' ? HOSTILE_KINDS : names.split(',').map((name) => hostileKind(name) ?? fail(name))
const module = pipeline ? pathToFileURL(pipeline).href : new URL('../../src/pipeline/extract.js', import.meta.url).href
const { extract } = (await import(module)) as typeof import('../../src/pipeline/extract.js')

function fail(name: string): never {
  throw new Error(`no hostile kind "${name}"`)
}

for (const kind of kinds) {
  const text = kind.article(Number(size))
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const done = (outcome: { statements: number } | { error: string }) => {
    const cpu = process.cpuUsage(cpu0)
    console.log(
      JSON.stringify({
        kind: kind.name,
        chars: text.length,
        cpuMs: (cpu.user + cpu.system) / 1000,
        wallMs: performance.now() - t0,
        ...outcome,
      }),
    )
  }
  try {
    done({ statements: extract({ text, published: '2024-05-01' }).statements.length })
  } catch (error) {
    done({ error: String((error as Error).message).slice(0, 200) })
  }
}
