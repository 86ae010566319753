// Every route of the web UI, grouped by resource. Handlers live in one module per resource; this table is
// the one place to see what the app answers.
import { Router } from 'express'
import { articleHandlers } from './articles.js'
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
  router.get('/claims/:id', claims.show)

  // exports: the tables as files
  router.get('/export/statements.csv', downloads.statementsCsv)

  // articles: the stored texts with their statements marked, and the ingest form with its progress pages
  const articles = articleHandlers(store)
  router.get('/articles', articles.list)
  router.get('/articles/new', articles.form)
  router.post('/articles', ...articles.receive, articles.create, articles.refused)
  router.get('/articles/:id', articles.show)
  router.get('/ingest/:job', articles.job)

  // the last route: anything else is a 404 page
  router.use(notFound)
  return router
}
