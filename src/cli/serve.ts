// `claimtrail serve`: the web app over a store. The only place the app is put on a port.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isIP } from 'node:net'
import { type Command, Option } from 'commander'
import type { DestinationStream } from 'pino'
import { InvalidInputError } from '../errors.js'
import { ArticleQueue } from '../queue/queue.js'
import { type ClaimStore, isDatabaseUrl, openStore } from '../store/open.js'
import { PgStore } from '../store/pg/pg-store.js'
import { readUsers } from '../users/users-file.js'
import { publicUrlOf } from '../web/hosts.js'
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, type LogLevel } from '../web/log-levels.js'
import { loadWeb } from './load.js'
import { dbOption, keepBackupsOption, parsePort } from './options.js'
import { usersOption, usersPath } from './users.js'

export const DEFAULT_PORT = 3000
// The write limit's default, repeated here so that `serve --help` does not load the web app to show it.
const DEFAULT_WRITE_LIMIT = 1000

interface ServeOptions {
  keepBackups: number
  port: number
  host: string
  db: string
  users?: string
  read: 'public' | 'private'
  writeLimit: number
  dev?: boolean
  publicUrl?: URL
  logLevel: LogLevel
}

export interface Serving {
  port: number
  host: string
  usersFile: string
  reading?: 'public' | 'private'
  writeLimit?: number
  /** Stacks on 500 pages (--dev); a server is in production unless told. */
  development?: boolean
  /** The address readers use, when it is not the one listened on (behind a proxy). */
  publicUrl?: URL
  /** What the request log writes (request-log.ts); info unless told. */
  logLevel?: LogLevel
  /** Where it writes: stdout unless told (a test's captured stream). */
  logDestination?: DestinationStream
  /** The database's URL, password and all, when the store is one: its job queue is opened beside it. */
  databaseUrl?: string
}

/** `--log-level`, or LOG_LEVEL: how much of the server's JSON log reaches stdout. */
export const logLevelOption = () =>
  new Option('--log-level <level>', 'what the server logs to stdout as JSON lines (one per request, errors with their stacks)')
    .choices(LOG_LEVELS)
    .env('LOG_LEVEL')
    .default(DEFAULT_LOG_LEVEL)

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the web app over the store')
    .addOption(new Option('--port <port>', 'port to listen on').env('PORT').default(DEFAULT_PORT).argParser(parsePort))
    .option('--host <host>', 'address to listen on; 127.0.0.1 keeps it to this machine', '127.0.0.1')
    .addOption(dbOption())
    .addOption(keepBackupsOption())
    .addOption(usersOption())
    .addOption(
      new Option('--read <who>', 'with users: may anyone read (public), or only those signed in (private)?')
        .choices(['public', 'private'])
        .default('public'),
    )
    .option(
      '--public-url <url>',
      'the address readers use (e.g. behind a proxy): absolute links are written with it, and its host is answered',
      publicUrlOf,
    )
    .option(
      '--dev',
      'development: show stack traces (with file paths) on 500 pages; by default they show an error id and the stack is logged',
    )
    .addOption(
      new Option('--write-limit <n>', 'changes a minute taken from one user or address')
        .default(DEFAULT_WRITE_LIMIT)
        .argParser(parseWriteLimit),
    )
    .addOption(logLevelOption())
    .action(async (options: ServeOptions) => {
      const usersFile = usersPath(options)
      // Checked before the store is opened, so a refused start leaves no lock behind.
      await checkHost(options.host, usersFile)
      await serve(await openStore(options.db, { keepBackups: options.keepBackups }), {
        ...options,
        usersFile,
        reading: options.read,
        development: options.dev === true,
        databaseUrl: isDatabaseUrl(options.db) ? options.db : undefined,
      })
    })
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i

/** Without users anyone who reaches the server may write: then it serves this machine only. */
export async function checkHost(host: string, usersFile: string): Promise<void> {
  if (LOOPBACK.test(host)) return
  const users = (await readUsers(usersFile))?.users.length ?? 0
  if (!users) {
    throw new InvalidInputError(
      `${usersFile} holds no users, so serve listens on 127.0.0.1 only, where this machine alone may write. ` +
        `To listen on ${host}, add a user first: claimtrail users add NAME.`,
    )
  }
}

export function parseWriteLimit(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new InvalidInputError(
      `--write-limit "${value}" is not a number of changes a minute: give a whole number from 1, e.g. --write-limit 1000.`,
    )
  }
  return n
}

export async function serve(
  store: ClaimStore,
  { port, host, usersFile, reading, writeLimit, development = false, publicUrl, logLevel, logDestination, databaseUrl }: Serving,
): Promise<Server> {
  const { createApp, jobsPath, webLogger } = await loadWeb()
  // Beside a database store its job queue: the web shows what the workers have left (/queue).
  const queue = databaseUrl ? await ArticleQueue.open(databaseUrl) : undefined
  const server = createServer(
    createApp({
      store,
      logger: webLogger({ level: logLevel, destination: logDestination }),
      // Servers on one database count the limits together there (web/auth/shared-counts.ts).
      access: { usersFile, reading, writeLimit, limitsIn: store instanceof PgStore ? store.pool : undefined },
      // A database keeps no jobs file beside it: the ingest form's jobs are this server's, in memory.
      jobsFile: isDatabaseUrl(store.path) ? undefined : jobsPath(store.path),
      development,
      publicUrl: publicUrl?.href,
      listenName: isIP(host) ? undefined : host,
      queue,
    }),
  )
  server.listen(port, host)
  try {
    await once(server, 'listening')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new InvalidInputError(`port ${port} is in use on ${host}: pass --port with another one.`)
    if (code === 'EACCES') throw new InvalidInputError(`port ${port} needs more privileges: pass --port with one above 1023.`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new InvalidInputError(`${host} is not an address of this machine: pass --host 127.0.0.1.`)
    throw error
  }
  const { port: bound } = server.address() as AddressInfo
  const shown = host.includes(':') ? `[${host}]` : host
  const users = (await readUsers(usersFile))?.users.length ?? 0
  const who = users
    ? `${users} user${users === 1 ? '' : 's'} in ${usersFile}: changes need a sign-in or an API token; reading is ${reading ?? 'public'}.`
    : `No users in ${usersFile}: this machine alone is served, and may make changes.`
  // One write: whoever reads the address may close the pipe after it.
  const readers = publicUrl ? `\nReaders reach it at ${publicUrl.href}; absolute links use that address.` : ''
  console.log(`claimtrail is serving ${store.path} at http://${shown}:${bound}/ (Ctrl-C to stop)\n${who}${readers}`)
  return server
}
