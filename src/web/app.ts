// The web app as a value: createApp builds it around a store and returns it. It never listens or opens
// anything on import; only `claimtrail serve` calls listen.
import { fileURLToPath } from 'node:url'
import ejs from 'ejs'
import express, { type Express, type RequestHandler } from 'express'
import { errorHandler } from './errors.js'
import { routes } from './routes.js'
import type { WebStore } from './web-store.js'

// views/ sits at the package root, two levels up from both src/web (tsx) and dist/web (after build).
const VIEWS = fileURLToPath(new URL('../../views/', import.meta.url))
const ASSETS = fileURLToPath(new URL('../../views/public/', import.meta.url))

export interface AppOptions {
  store: WebStore
  /** Where errors that are not ours (bugs, a failing disk) are reported; console.error unless told. */
  logError?: (error: unknown) => void
}

export function createApp({ store, logError = console.error }: AppOptions): Express {
  const app = express()
  // express would require() its own CommonJS copy of ejs; register the one we import.
  app.engine('ejs', ejs.renderFile)
  app.set('view engine', 'ejs')
  app.set('views', VIEWS)
  // express caches compiled views only under NODE_ENV=production; the views ship with the package and never
  // change while it runs, and compiling them (with every partial) for each request was most of a page's time.
  app.enable('view cache')
  app.disable('x-powered-by')
  app.use(guardPages)
  app.use('/assets', express.static(ASSETS, { index: false }))
  app.use(routes(store))
  app.use(errorHandler(logError))
  return app
}

// Pages show text written by strangers. Escaping is the defence; these headers are the second line: no
// script runs at all, nothing loads from elsewhere, no other site frames the pages.
const guardPages: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy':
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  })
  next()
}
