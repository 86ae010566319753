// The web app as a value: createApp builds it around a store and returns it. It never listens or opens
// anything on import; only `claimtrail serve` calls listen.

import { fileURLToPath } from 'node:url'
import ejs from 'ejs'
import express, { type Express } from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'
import type { ArticleQueue } from '../queue/queue.js'
import { type AccessOptions, access } from './auth/index.js'
import { errorHandler } from './errors.js'
import { escapeNeutral } from './escape.js'
import { checkHost, publicUrlOf } from './hosts.js'
import { IngestJobs } from './ingest-jobs.js'
import { JobsFile } from './jobs-file.js'
import { errorLog, requestLog, silentLogger } from './request-log.js'
import { routes } from './routes.js'
import type { WebStore } from './web-store.js'

// views/ sits at the package root, two levels up from both src/web (tsx) and dist/web (after build).
const VIEWS = fileURLToPath(new URL('../../views/', import.meta.url))
const ASSETS = fileURLToPath(new URL('../../views/public/', import.meta.url))

export interface AppOptions {
  store: WebStore
  /**
   * The operator's log (request-log.ts): a line per request, and the errors that are not ours (bugs, a failing
   * disk) with their stacks. `claimtrail serve` gives one; without one nothing is logged.
   */
  logger?: Logger
  /** Users, private reading, the write limit (auth/index.ts); by default: no users, this machine only. */
  access?: AccessOptions
  /** The ingest form's jobs file (`<store>.jobs`, jobs-file.ts); without one, jobs are kept in memory only. */
  jobsFile?: string
  /**
   * Show a 500's stack (with the server's paths) on its page: explicit development only. By default, or when
   * NODE_ENV=production, a 500 shows an error id and the stack goes to the log.
   */
  development?: boolean
  /** The job queue beside a database store (src/queue): its progress is shown at /queue. */
  queue?: ArticleQueue
  /** The address readers use (`serve --public-url`): absolute URLs are written from it, and its host is answered. */
  publicUrl?: string
  /** The name the server listens on (`serve --host`), when a name: a Host header naming it is answered. */
  listenName?: string
}

export function createApp({
  store,
  logger = silentLogger(),
  access: accessOptions,
  jobsFile,
  development,
  publicUrl,
  listenName,
  queue,
}: AppOptions): Express {
  const app = express()
  // express would require() its own CommonJS copy of ejs; register the one we import. Everything a page shows
  // through <%= %> is escaped, and first rid of bidi controls and invisible characters (text/neutral.ts): a name
  // stored as "Ana \u202EzuiR" must not display as "Ana Ruiz". ejs 7 reads no 'view options', so they are given
  // here, with the cache that express's 'view cache' would have asked for.
  app.engine('ejs', (path, data, done) => ejs.renderFile(path, data, { views: [VIEWS], cache: true, escape: escapeNeutral }, done))
  app.set('view engine', 'ejs')
  app.set('views', VIEWS)
  // express caches compiled views only under NODE_ENV=production; the views ship with the package and never
  // change while it runs, and compiling them (with every partial) for each request was most of a page's time.
  app.enable('view cache')
  app.disable('x-powered-by')
  app.use(requestLog(logger))
  const logError = errorLog(logger)
  app.use(checkHost({ publicUrl: publicUrl === undefined ? undefined : publicUrlOf(publicUrl), listenName }))
  app.use(guardPages)
  app.use('/assets', express.static(ASSETS, { index: false }))
  app.use(access(accessOptions))
  app.use(routes(store, new IngestJobs(store, { logError, file: jobsFile ? JobsFile.open(jobsFile) : undefined }), queue))
  const showStacks = process.env.NODE_ENV !== 'production' && (development ?? process.env.NODE_ENV === 'development')
  app.use(errorHandler(logError, showStacks))
  return app
}

// Pages show text written by strangers. Escaping is the defence; these headers are the second line: no
// script runs at all (no page needs one: charts are drawn on the server, the job page refreshes by a meta tag),
// nothing loads from elsewhere, and no other site frames the pages or reads them.
const guardPages = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  // The older header for what frame-ancestors says, for browsers that predate it.
  xFrameOptions: { action: 'deny' },
  // Our own links keep their address (the claims list's filters); other sites learn nothing.
  referrerPolicy: { policy: 'same-origin' },
})

export { jobsPath } from './jobs-file.js'
export { webLogger } from './request-log.js'
