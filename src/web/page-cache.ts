// Rendered pages kept until the store changes. A claims list over 100,000 statements takes milliseconds to
// render and nothing to send again; under load that is the difference between hundreds and thousands of
// requests a second. Safe because of three rules:
//  - only GET pages that show the store and nothing else opt in (routes.ts); a progress page or a form does not;
//  - a request that carries a cookie or credentials is never answered from the cache nor stored in it, and an
//    answer that sets a cookie is not stored: whatever is shown to one signed-in reader (their name, a CSRF
//    token) can never reach another;
//  - the store's change counter is read on every request, and the first request after a write empties the cache.
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { RequestHandler, Response } from 'express'
import { storeVersion } from './store-views.js'
import type { WebStore } from './web-store.js'

interface Page {
  html: Buffer
  /** Compressed once when kept: every browser asks for gzip, and a tenth of the bytes is a tenth of the sending. */
  gzip: Buffer
  etag: string
}

export interface PageCacheOptions {
  /** Pages kept at most, and their size together; the least recently asked for go first. */
  pages?: number
  bytes?: number
}

export function pageCache(
  store: WebStore,
  { pages: most = 1000, bytes: budget = 64 * 1024 * 1024 }: PageCacheOptions = {},
): RequestHandler {
  const pages = new Map<string, Page>()
  let version = ''
  let bytes = 0

  const keep = (key: string, page: Page) => {
    pages.set(key, page)
    bytes += page.html.length + page.gzip.length
    for (const [oldest, old] of pages) {
      if (pages.size <= most && bytes <= budget) break
      pages.delete(oldest)
      bytes -= old.html.length + old.gzip.length
    }
  }

  return async (req, res, next) => {
    if (req.method !== 'GET' || req.headers.cookie !== undefined || req.headers.authorization !== undefined) return next()
    const now = await storeVersion(store)
    if (now !== version) {
      pages.clear()
      bytes = 0
      version = now
    }
    const key = req.originalUrl
    const page = pages.get(key)
    if (page) {
      // Most recently used last, so eviction takes the pages nobody reads.
      pages.delete(key)
      pages.set(key, page)
      res.set({ ETag: page.etag, Vary: 'Accept-Encoding', 'Content-Type': 'text/html; charset=utf-8' })
      // express answers 304 itself when the reader's If-None-Match holds this ETag.
      if (req.acceptsEncodings('gzip', 'identity') === 'gzip') res.set('Content-Encoding', 'gzip').send(page.gzip)
      else res.send(page.html)
      return
    }
    captureHtml(res, (html) => {
      // A write during the render may have made this page stale already; the next version renders it again.
      if (version === now) {
        const body = Buffer.from(html, 'utf8')
        keep(key, { html: body, gzip: gzipSync(body), etag: weakEtag(html) })
      }
    })
    next()
  }
}

/** The ETag express gives a body (its `etag` package's weak form), worked out once instead of per answer. */
function weakEtag(html: string): string {
  const hash = createHash('sha1').update(html, 'utf8').digest('base64').substring(0, 27)
  return `W/"${Buffer.byteLength(html, 'utf8').toString(16)}-${hash}"`
}

/** Hands over the HTML a 200 answer sends, unless it sets a cookie. */
function captureHtml(res: Response, taken: (html: string) => void): void {
  const send = res.send.bind(res)
  res.send = (body?: unknown) => {
    // res.render sends its HTML before a type is set; express then calls it html.
    const type = res.get('Content-Type')
    const html = res.statusCode === 200 && typeof body === 'string' && (type === undefined || /^text\/html/.test(type))
    if (html && res.get('Set-Cookie') === undefined) taken(body)
    return send(body)
  }
}
