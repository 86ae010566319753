// The real server on a temporary store, and Debian's Chromium driven by playwright-core. Nothing here
// downloads a browser: CI installs the system's chromium (see .ci/run), and without it these tests fail and say so.
import { once } from 'node:events'
import { accessSync, constants } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { delimiter, join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import type { Store } from '../../src/store/store.js'
import { createApp } from '../../src/web/app.js'
import type { AccessOptions } from '../../src/web/auth/index.js'
import { tempStore } from '../store/temp-store.js'

export const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url)

/** The chromium binary on PATH (or $CHROMIUM_PATH); a clear failure when there is none. */
export function chromiumPath(): string {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => ['chromium', 'chromium-browser'].map((name) => join(dir, name)))
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK)
      return path
    } catch {
      // not here; try the next
    }
  }
  throw new Error(
    'The browser tests need Chromium, and none is installed: run `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary.',
  )
}

export interface Served {
  store: Store
  base: string
  close(): Promise<void>
}

/** createApp over a store in a fresh temporary folder, listening on a free loopback port; `access` as serve's options. */
export async function serve(access: AccessOptions = {}): Promise<Served> {
  const { store, remove } = await tempStore()
  const server: Server = createServer(createApp({ store, access }))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    store,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await remove()
    },
  }
}

export interface Launched {
  browser: Browser
  close(): Promise<void>
}

// The flags this machine needs: no sandbox as root, and no background calls to Google's hosts (the network is
// closed). playwright-core gives each launch a fresh, empty profile folder of its own (it refuses --user-data-dir).
export async function launch(): Promise<Launched> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  await mkdir(SCREENSHOTS, { recursive: true })
  return {
    browser,
    close: async () => {
      await browser.close()
    },
  }
}

export function screenshot(name: string): string {
  return new URL(`${name}.png`, SCREENSHOTS).pathname
}
