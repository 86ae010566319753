// `claimtrail serve`: the web app over a store. The only place the app is put on a port.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Option, type Command } from 'commander'
import { InvalidInputError } from '../errors.js'
import { Store } from '../store/store.js'
import { loadWeb } from './load.js'
import { dbOption, parsePort } from './options.js'

export const DEFAULT_PORT = 3000

interface ServeOptions {
  port: number
  host: string
  db: string
}

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the web app over the store')
    .addOption(new Option('--port <port>', 'port to listen on').env('PORT').default(DEFAULT_PORT).argParser(parsePort))
    .option('--host <host>', 'address to listen on; 127.0.0.1 keeps it to this machine', '127.0.0.1')
    .addOption(dbOption())
    .action(async (options: ServeOptions) => {
      await serve(await Store.open(options.db), options)
    })
}

export async function serve(store: Store, { port, host }: { port: number; host: string }): Promise<Server> {
  const { createApp } = await loadWeb()
  const server = createServer(createApp({ store }))
  server.listen(port, host)
  try {
    await once(server, 'listening')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new InvalidInputError(`port ${port} is in use on ${host}: pass --port with another one.`)
    if (code === 'EACCES') throw new InvalidInputError(`port ${port} needs more privileges: pass --port with one above 1023.`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InvalidInputError(`${host} is not an address of this machine: pass --host 127.0.0.1.`)
    throw error
  }
  const { port: bound } = server.address() as AddressInfo
  const shown = host.includes(':') ? `[${host}]` : host
  console.log(`claimtrail is serving ${store.path} at http://${shown}:${bound}/ (Ctrl-C to stop)`)
  return server
}
