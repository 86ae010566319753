// Every route of the web UI, grouped by resource. Handlers live in one module per resource; this table is
// the one place to see what the app answers.
import { Router } from 'express'
import { claimHandlers } from './claims.js'
import { notFound } from './errors.js'
import { exportHandlers } from './exports.js'
import type { WebStore } from './web-store.js'

export function routes(store: WebStore): Router {
  const claims = claimHandlers(store)
  const downloads = exportHandlers(store)
  const router = Router()

  // claims: who asserted what, who denied it
  router.get('/', claims.list)
  router.get('/claims', claims.list)
  router.get('/claims/:id', claims.show)
  router.get('/claims/:id/claimreview.jsonld', claims.jsonLd)
  router.post('/claims/:id/review', ...claims.review)
  router.post('/claims/:id/merge', ...claims.merge)
  router.post('/claims/:id/statements/:statement', ...claims.correct)

  // exports: the tables as files
  router.get('/export/statements.csv', downloads.statementsCsv)
  router.get('/export/claims.csv', downloads.claimsCsv)

  // the last route: anything else is a 404 page
  router.use(notFound)
  return router
}
