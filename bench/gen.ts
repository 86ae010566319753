// `npm run gen -- --articles N --db PATH [--seed S]`: a store of generated news, for the benches and for trying
// the UI at scale. --statements N or --claims N stop once the store holds that many instead.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type GenerateOptions, generateStore } from './generate/build.js'

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    statements: { type: 'string' },
    claims: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
})

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^[1-9]\d*$/.test(value)) fail(`--${name} "${value}" is not a count: give a whole number above 0, e.g. --${name} 1000.`)
  return Number(value)
}

function fail(message: string): never {
  console.error(`gen: ${message}`)
  process.exit(2)
}

const options: GenerateOptions = {
  db: values.db ?? fail('give the store to build with --db PATH (a new file, e.g. /tmp/scale/claimtrail.json).'),
  seed: Number.isInteger(Number(values.seed)) ? Number(values.seed) : fail(`--seed "${values.seed}" is not a whole number.`),
  articles: count('articles', values.articles),
  statements: count('statements', values.statements),
  claims: count('claims', values.claims),
}
if (options.articles === undefined && options.statements === undefined && options.claims === undefined) {
  fail('say how big: --articles N, --statements N or --claims N.')
}
// Generating into a store that holds articles would mix them with the generated ones and lose determinism.
if (existsSync(options.db)) fail(`${options.db} exists. Give a new path, or move that file aside.`)

const built = await generateStore(options)
const n = (x: number) => x.toLocaleString('en-US')
console.log(
  `built ${options.db} (seed ${options.seed}) in ${built.seconds.toFixed(1)} s: ${n(built.articles)} articles, ${n(built.statements)} statements, ` +
    `${n(built.claims)} claims, ${n(built.speakers)} speakers; ${(built.bytes / 1024 / 1024).toFixed(1)} MB on disk`,
)
