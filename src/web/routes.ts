// Every route of the web UI, grouped by resource. Handlers live in one module per resource; this table is
// the one place to see what the app answers.
import { Router } from 'express'
import { apiRouter } from './api.js'
import { claimHandlers } from './claims.js'
import { notFound } from './errors.js'
import { exportHandlers } from './exports.js'
import { speakerHandlers } from './speakers.js'
import type { WebStore } from './web-store.js'

export function routes(store: WebStore): Router {
  const claims = claimHandlers(store)
  const downloads = exportHandlers(store)
  const speakers = speakerHandlers(store)
  const router = Router()

  // claims: who asserted what, who denied it
  router.get('/', claims.list)
  router.get('/claims/:id', claims.show)

  // exports: the tables as files
  router.get('/export/statements.csv', downloads.statementsCsv)

  // speakers: who is quoted, and everything one of them said
  router.get('/speakers', speakers.list)
  router.get('/speakers/:id', speakers.show)
  router.get('/speakers/:id/quotes.csv', speakers.quotesCsv)

  // the JSON API: its own 404 and JSON errors
  router.use('/api', apiRouter(store))

  // the last route: anything else is a 404 page
  router.use(notFound)
  return router
}
