// `npm run gen -- --articles N --db PATH [--seed S]`: a store of generated news, for the benches and for trying
// the UI at scale. --statements N or --claims N stop once the store holds that many instead. A postgres:// URL
// for --db builds the same store in that database, which must hold no articles (generate/into-database.ts).
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { getHeapStatistics } from 'node:v8'
import { InvalidInputError } from '../src/errors.js'
import { isDatabaseUrl, shownUrl } from '../src/store/pg/database-url.js'
import { type GenerateOptions, generateStore } from './generate/build.js'
import { generateIntoDatabase } from './generate/into-database.js'

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
  db:
    values.db ??
    fail('give the store to build with --db PATH (a new file, e.g. /tmp/scale/claimtrail.json) or --db postgres://… (an empty database).'),
  seed: Number.isInteger(Number(values.seed)) ? Number(values.seed) : fail(`--seed "${values.seed}" is not a whole number.`),
  articles: count('articles', values.articles),
  statements: count('statements', values.statements),
  claims: count('claims', values.claims),
}
if (options.articles === undefined && options.statements === undefined && options.claims === undefined) {
  fail('say how big: --articles N, --statements N or --claims N.')
}
const inDatabase = isDatabaseUrl(options.db)
// Generating into a store that holds articles would mix them with the generated ones and lose determinism.
if (!inDatabase && existsSync(options.db)) fail(`${options.db} exists. Give a new path, or move that file aside.`)

// The whole store is in memory while it is built (~3 KB a statement, records and claim index), and the copy into a
// database holds it twice: `npm run gen` gives node an 8 GiB heap, where the default is about 4 GiB.
const peak = () => `peak RSS ${(process.resourceUsage().maxRSS / 1024 ** 2).toFixed(1)} GiB`
const heap = `node heap limit ${(getHeapStatistics().heap_size_limit / 1024 ** 3).toFixed(1)} GiB`
const n = (x: number) => x.toLocaleString('en-US')
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
if (inDatabase) {
  const built = await generateIntoDatabase(options).catch((error: unknown) => {
    if (error instanceof InvalidInputError) fail(error.message)
    throw error
  })
  console.log(
    `built ${shownUrl(options.db)} (seed ${options.seed}) in ${built.seconds.toFixed(1)} s ` +
      `(${built.built.toFixed(1)} s generating, ${built.copied.toFixed(1)} s copying in and verifying): ${n(built.articles)} articles, ` +
      `${n(built.statements)} statements, ${n(built.claims)} claims, ${n(built.speakers)} speakers; ${mb(built.bytes)} in the database; ${peak()} (${built.peakBuilding} building), ${heap}`,
  )
} else {
  const built = await generateStore(options)
  console.log(
    `built ${options.db} (seed ${options.seed}) in ${built.seconds.toFixed(1)} s: ${n(built.articles)} articles, ${n(built.statements)} statements, ` +
      `${n(built.claims)} claims, ${n(built.speakers)} speakers; ${mb(built.bytes)} on disk; ${peak()}, ${heap}`,
  )
}
