// Every route of the web UI, grouped by resource. Handlers live in one module per resource; this table is
// the one place to see what the app answers.
import { Router } from 'express'
import type { ArticleQueue } from '../queue/queue.js'
import { apiRouter } from './api.js'
import { articleHandlers } from './articles.js'
import { claimHandlers } from './claims.js'
import { notFound } from './errors.js'
import { exportHandlers } from './exports.js'
import type { IngestJobs } from './ingest-jobs.js'
import { pageCache } from './page-cache.js'
import { queueHandlers } from './queue-page.js'
import { searchHandlers } from './search.js'
import { wordIndexOf } from './search-index.js'
import { speakerReviewHandlers } from './speaker-review.js'
import { speakerHandlers } from './speakers.js'
import type { WebStore } from './web-store.js'

export function routes(store: WebStore, jobs: IngestJobs, queue?: ArticleQueue): Router {
  const claims = claimHandlers(store)
  const downloads = exportHandlers(store)
  const speakers = speakerHandlers(store)
  // One word index for the search page and the API, built on the first search.
  const words = wordIndexOf(store)
  const finder = searchHandlers(store, words)
  // Pages that show the store and nothing else, kept rendered until the next write (page-cache.ts).
  const cached = pageCache(store)
  const router = Router()

  // the job queue, when the store is a database: what workers have left to file
  if (queue) {
    const queued = queueHandlers(queue)
    router.get('/queue', queued.page)
  }

  // claims: who asserted what, who denied it
  router.get('/', cached, claims.list)
  router.get('/claims', cached, claims.list)
  router.get('/claims/:id', cached, claims.show)
  router.get('/claims/:id/claimreview.jsonld', claims.jsonLd)
  router.post('/claims/:id/review', ...claims.review)
  router.post('/claims/:id/merge', ...claims.merge)
  router.post('/claims/:id/unmerge', ...claims.unmerge)
  router.post('/claims/:id/statements/:statement', ...claims.correct)
  router.post('/decisions/:place/undo', ...claims.undo)

  // exports: the tables as files
  router.get('/export/statements.csv', downloads.statementsCsv)
  router.get('/export/claims.csv', downloads.claimsCsv)
  router.get('/export/claim-speakers.csv', downloads.voicesCsv)

  // speakers: who is quoted, and everything one of them said
  router.get('/speakers', cached, speakers.list)
  router.get('/speakers/:id', cached, speakers.show)
  router.get('/speakers/:id/quotes.csv', speakers.quotesCsv)
  const speakerReview = speakerReviewHandlers(store)
  router.post('/speakers/:id/merge', ...speakerReview.merge)
  router.post('/speakers/:id/split', ...speakerReview.split)

  // search: statements by their words and their speakers' names
  router.get('/search', cached, finder.search)

  // the JSON API: its own 404 and JSON errors
  router.use('/api', apiRouter(store, words, queue))

  // articles: the stored texts with their statements marked, and the ingest form with its progress pages
  const articles = articleHandlers(store, jobs)
  router.get('/articles', cached, articles.list)
  router.get('/articles/new', articles.form)
  router.post('/articles', ...articles.receive, articles.create, articles.refused)
  router.get('/articles/:id', cached, articles.show)
  router.get('/articles/:id/facts', articles.factsPage)
  router.post('/articles/:id/facts', ...articles.facts)
  router.get('/ingest/:job', articles.job)

  // the last route: anything else is a 404 page
  router.use(notFound)
  return router
}
