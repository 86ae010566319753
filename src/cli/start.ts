// `claimtrail start` (npm start): the bundled sample articles in the default store, then the web app, so a
// first run shows something without any input of one's own.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { decodeArticle } from '../ingest/decode.js'
import type { PendingArticle } from '../ingest/file-articles.js'
import { emptyTally, fileTallied } from '../ingest/tally.js'
import { Store } from '../store/store.js'
import type { LogLevel } from '../web/log-levels.js'
import { summary } from './ingest.js'
import { dbOption, keepBackupsOption, parsePort } from './options.js'
import { DEFAULT_PORT, logLevelOption, serve } from './serve.js'
import { usersOption, usersPath } from './users.js'

// The samples ship with the package (data/samples), two levels up from both src/cli and dist/cli, whatever the cwd.
const SAMPLES = new URL('../../data/samples/', import.meta.url)

interface SampleEntry {
  file: string
  title: string | null
  outlet: string | null
  published: string | null
  url: string | null
}

export function startCommand(program: Command): void {
  program
    .command('start')
    .description('store the bundled sample articles (once) and serve the web app on PORT or 3000')
    .addOption(dbOption())
    .addOption(keepBackupsOption())
    .addOption(usersOption())
    .addOption(logLevelOption())
    .action(async (options: { db: string; users?: string; keepBackups: number; logLevel: LogLevel }) => {
      const store = await Store.open(options.db, { keepBackups: options.keepBackups })
      const tally = await fileTallied(store, await samples(), emptyTally())
      if (tally.added > 0) console.log(`stored the sample articles in ${store.path}:\n${summary(tally)}`)
      await serve(store, {
        port: process.env.PORT ? parsePort(process.env.PORT) : DEFAULT_PORT,
        host: '127.0.0.1',
        usersFile: usersPath(options),
        logLevel: options.logLevel,
      })
    })
}

async function samples(): Promise<PendingArticle[]> {
  const index = JSON.parse(await readFile(new URL('articles.json', SAMPLES), 'utf8')) as SampleEntry[]
  return Promise.all(
    index.map(async ({ file, title, outlet, published, url }) => {
      const path = fileURLToPath(new URL(file, SAMPLES))
      return { source: file, article: { text: decodeArticle(await readFile(path), file), title, outlet, published, url } }
    }),
  )
}
