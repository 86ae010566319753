// One hostile article through one pipeline, in a process of its own so the bench can stop it at its time box:
// prints {"kind", "cpuMs", "wallMs", "statements"} or {"kind", "error"}. The pipeline is this checkout's unless
// a path to another checkout's src/pipeline/extract.ts is given (the bench's --baseline).
import { pathToFileURL } from 'node:url'
import { hostileKind } from './articles.js'

const [name, size, pipeline] = process.argv.slice(2)
const kind = hostileKind(name)
if (!kind) throw new Error(`no hostile kind "${name}"`)
const module = pipeline ? pathToFileURL(pipeline).href : new URL('../../src/pipeline/extract.js', import.meta.url).href
const { extract } = (await import(module)) as typeof import('../../src/pipeline/extract.js')
const text = kind.article(Number(size))
const cpu0 = process.cpuUsage()
const t0 = performance.now()
try {
  const out = extract({ text, published: '2024-05-01' })
  const cpu = process.cpuUsage(cpu0)
  console.log(JSON.stringify({ kind: name, chars: text.length, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0, statements: out.statements.length }))
} catch (error) {
  const cpu = process.cpuUsage(cpu0)
  console.log(JSON.stringify({ kind: name, chars: text.length, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0, error: String((error as Error).message).slice(0, 200) }))
}
