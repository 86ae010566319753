// The JSON API: the same claims, statements and speakers the pages show, for scripts and notebooks, and a way
// in for articles. Every answer is JSON, errors too: {"error": "what is wrong and what to do"}.
import bytes from 'bytes'
import { type ErrorRequestHandler, Router } from 'express'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { articleLimit } from '../ingest/article-input.js'
import { sharedExtractor } from '../ingest/extractor.js'
import { enqueue } from '../queue/enqueue.js'
import type { ArticleQueue } from '../queue/queue.js'
import { filterClaims } from '../store/claim-filter.js'
import { countStatements } from '../store/speaker-rows.js'
import type { ClaimLedger, ClaimSummary } from '../store/views.js'
import { articleInputs } from './api-articles.js'
import { jsonBody } from './bodies.js'
import { claimsQuery } from './claim-query.js'
import { ownPage, UnsupportedMediaError } from './errors.js'
import { pageOf, paging, text } from './query.js'
import { wordIndexOf } from './search-index.js'
import { speakerPage } from './speakers.js'
import { statementFilter, statementPage } from './statement-query.js'
import { articleStatements, pagedClaims, type WebStore } from './web-store.js'

const PER_PAGE = 20

/**
 * The largest body POST /api/articles reads: one article at the limit even with JSON's escapes (a line break
 * is two characters), or a batch of shorter ones. Each article's own text is held to the limit after reading.
 */
export function bodyLimit(limit = articleLimit()): number {
  return limit.bytes * 2 + 64 * 1024
}

export function apiRouter(store: WebStore, index = wordIndexOf(store), queue?: ArticleQueue): Router {
  const router = Router()
  const limit = articleLimit()
  const largest = bodyLimit(limit)

  router.get('/claims', async (req, res) => {
    const filter = claimsQuery(req.query)
    const paged = paging(req.query, PER_PAGE)
    const sql = pagedClaims(store)
    if (sql) {
      const [items, total] = await Promise.all([
        sql.claimsPage(filter, 'stored', { offset: (paged.page - 1) * paged.per, limit: paged.per }),
        sql.claimsCount(filter),
      ])
      res.json({ items: items.map(claimJson), page: paged.page, per: paged.per, total })
      return
    }
    const speakers = new Map((await store.speakers()).map((s) => [s.id, s]))
    const claims = filterClaims(await store.claims(), filter, (id) => speakers.get(id))
    const page = pageOf(claims, paged)
    res.json({ ...page, items: page.items.map(claimJson) })
  })

  router.get('/claims/:id', async (req, res) => {
    const ledger = await store.claim(req.params.id)
    if (!ledger) throw new NotFoundError(`There is no claim "${req.params.id}". GET /api/claims lists every claim with its id.`)
    res.json(ledgerJson(ledger))
  })

  router.get('/statements', async (req, res) => {
    const page = await statementPage(store, index, statementFilter(req.query), paging(req.query, PER_PAGE))
    res.json({ ...page, items: page.items.map((f) => f.statement) })
  })

  router.get('/speakers', async (req, res) => {
    const q = text(req.query, 'q')
    const page = await speakerPage(store, q, paging(req.query, PER_PAGE))
    res.json({ ...page, items: page.items.map(({ speaker, counts }) => ({ ...speaker, counts })) })
  })

  router.get('/speakers/:id', async (req, res) => {
    const speaker = await store.speaker(req.params.id)
    if (!speaker) throw new NotFoundError(`There is no speaker "${req.params.id}". GET /api/speakers lists every speaker with its id.`)
    const quotes = (await store.quotesBy(speaker.id)).filter((e) => !e.statement.rejected)
    res.json({
      ...speaker,
      counts: countStatements(quotes.map((e) => e.statement)),
      statements: `/api/statements?speaker=${encodeURIComponent(speaker.id)}`,
    })
  })

  router.post('/articles', jsonBody(largest), async (req, res) => {
    if (!req.is('application/json')) {
      throw new UnsupportedMediaError('Send the article as JSON with the header Content-Type: application/json.')
    }
    const { inputs, batch } = articleInputs(req.body)
    if (req.query.queue !== undefined) {
      // Queued for the workers (src/queue), answered at once: 202, with where to watch them filed.
      if (!queue)
        throw new InvalidInputError(
          'This server has no job queue (its store is a file): send the articles without ?queue to file them now.',
        )
      const jobs = await enqueue(
        queue,
        inputs.map((article, i) => ({ source: batch ? `POST /api/articles, articles[${i}]` : 'POST /api/articles', article })),
      )
      res.status(202).json({ queued: jobs.length, jobs, progress: '/api/queue' })
      return
    }
    // In the extraction threads (loaded at the first article sent), so readers are answered meanwhile; one
    // article past the time budget refuses the request (413) before anything is stored.
    const extractor = sharedExtractor()
    const extracted = await Promise.all(inputs.map(async (article) => ({ article, extraction: await extractor.extract(article) })))
    const results = await store.addArticles(extracted)
    const statementsOf = articleStatements(store)
    const answers = await Promise.all(
      results.map(async ({ articleId, added }) => {
        const own = (await statementsOf(articleId)).filter((s) => !s.rejected)
        return { articleId, added, statements: own, claims: [...new Set(own.map((s) => s.claim))] }
      }),
    )
    res.status(results.some((r) => r.added) ? 201 : 200).json(batch ? { articles: answers } : answers[0])
  })

  router.use((req) => {
    throw new NotFoundError(
      `Nothing at /api${req.path}. The API answers GET /api/claims, /api/claims/:id, /api/statements, /api/speakers, /api/speakers/:id and POST /api/articles (?queue to queue them for the workers), and /api/queue beside a database.`,
    )
  })
  router.use(jsonErrors(largest, limit.label))
  return router
}

interface BodyParserError extends Error {
  status?: number
  type?: string
}

// Ours say what is wrong and what to do, with the status the pages give them (errors.ts); the JSON reader's own
// are translated; anything else is a bug and goes on to the app's error handler, which reports it.
const jsonErrors =
  (largest: number, articleLabel: string): ErrorRequestHandler =>
  (error: BodyParserError, _req, res, next) => {
    const own = ownPage(error)
    if (own) return res.status(own.status).json({ error: error.message })
    if (error.type === 'entity.too.large') {
      return res.status(413).json({
        error: `The body is larger than ${bytes.format(largest)}. Send fewer articles per request (each of up to ${articleLabel} of text), or ingest a large batch with claimtrail ingest.`,
      })
    }
    if (error.type === 'entity.parse.failed') {
      return res
        .status(400)
        .json({ error: `The body is not valid JSON (${error.message}). Send {"text": "…"} or {"articles": [{"text": "…"}, …]}.` })
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      return res.status(error.status).json({ error: `${error.message}. Send {"text": "…"} as UTF-8 JSON.` })
    }
    next(error)
  }

function claimJson(summary: ClaimSummary) {
  const { claim, asserted, denied, declined, statementCount, articleCount, anonymousSupport, firstDate, latestDate } = summary
  return {
    id: claim.id,
    text: claim.text,
    review: claim.review,
    statementCount,
    articleCount,
    anonymousSupport,
    firstDate,
    latestDate,
    asserted,
    denied,
    declined,
  }
}

/** A claim with every statement, its speaker and its article; article texts stay in the store, they are the publishers'. */
function ledgerJson(ledger: ClaimLedger) {
  return {
    ...claimJson(ledger),
    entries: ledger.entries.map(({ statement, speaker, article: { id, title, outlet, url, published } }) => ({
      statement,
      speaker,
      article: { id, title, outlet, url, published },
    })),
  }
}
