// Which names this server answers to. A Host header is the asker's word: a page on another site can have its
// own name point at this machine (DNS rebinding), and a crafted one would reach every absolute URL the server
// writes (the ClaimReview's url). So a request is answered only when its Host is, whole (name and port), one
// of the server's own: the address the connection came in on (with localhost's names when that is loopback),
// the name it was told to listen on, or the host of --public-url. Absolute URLs come from --public-url, else
// from that checked Host.
import type { Request, RequestHandler } from 'express'
import { InvalidInputError } from '../errors.js'
import { refuse } from './auth/refuse.js'

/** How loopback is named in a Host header (without the port). */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]']

export function isLoopbackName(hostname: string): boolean {
  return LOOPBACK_NAMES.includes(hostname.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(hostname)
}

export interface HostOptions {
  /** Where readers reach the server (a proxy's address, say): its host is one of the server's names. */
  publicUrl?: URL
  /** The name the server was told to listen on (`serve --host`), when it is a name and not an address. */
  listenName?: string
}

/** A --public-url: an http(s) address with nothing after the host but an optional "/". */
export function publicUrlOf(value: string): URL {
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    url = null
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new InvalidInputError(
      `--public-url "${value}" is not the address readers use: give its scheme and host only, e.g. --public-url https://claims.example.org`,
    )
  }
  return url
}

/** Every Host header, whole, that names this server for this request's connection. */
export function ownHosts(req: Request, { publicUrl, listenName }: HostOptions = {}): Set<string> {
  const own = new Set<string>()
  const port = req.socket.localPort
  const address = (req.socket.localAddress ?? '').replace(/^::ffff:(?=\d+\.)/, '')
  const names = [address.includes(':') ? `[${address}]` : address, ...(isLoopbackName(address) || address === '::1' ? LOOPBACK_NAMES : [])]
  if (listenName) names.push(listenName)
  for (const name of names) {
    if (!name) continue
    own.add(`${name}:${port}`.toLowerCase())
    // Without a port a Host means the scheme's default one.
    if (port === 80) own.add(name.toLowerCase())
  }
  if (publicUrl) {
    own.add(publicUrl.host.toLowerCase())
    if (!publicUrl.port) own.add(`${publicUrl.hostname}:${publicUrl.protocol === 'https:' ? 443 : 80}`.toLowerCase())
  }
  return own
}

/** The first middleware: a Host that is not the server's own is refused (400), and the page's origin is set. */
export function checkHost(options: HostOptions = {}): RequestHandler {
  return (req, res, next) => {
    const host = req.get('host') ?? ''
    const own = ownHosts(req, options)
    if (!own.has(host.toLowerCase())) {
      const shown = JSON.stringify(host.length > 100 ? `${host.slice(0, 100)}…` : host)
      return refuse(
        req,
        res,
        400,
        `The Host header ${shown} is not a name of this server. Open it at one of ${[...own].map((h) => `http://${h}/`).join(', ')}` +
          `${options.publicUrl ? '' : ', or start it with --public-url set to the address readers use'}.`,
      )
    }
    // Absolute URLs (the ClaimReview's url) are written from this, never from the Host as sent.
    res.locals.origin = options.publicUrl?.origin ?? `${req.protocol}://${host.toLowerCase()}`
    next()
  }
}
