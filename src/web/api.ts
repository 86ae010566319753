// The JSON API: the same claims, statements, speakers and articles the pages show, for scripts and notebooks, a
// way in for articles, and the desk's decisions (api-desk.ts). Every route is described at /api/openapi.json
// (openapi.ts) and registered from that description (api-routes.ts). Every answer is JSON; errors are problem
// details (problem.ts) whose "detail" says what is wrong and what to do.
import bytes from 'bytes'
import { type ErrorRequestHandler, Router } from 'express'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { articleLimit } from '../ingest/article-input.js'
import { sharedExtractor } from '../ingest/extractor.js'
import { INGEST_BY, newFacts } from '../ingest/refacts.js'
import { enqueue } from '../queue/enqueue.js'
import type { ArticleQueue } from '../queue/queue.js'
import { CLAIM_ORDERS, filterClaims } from '../store/claim-filter.js'
import { countStatements } from '../store/speaker-rows.js'
import type { ClaimLedger, ClaimSummary } from '../store/views.js'
import { articleInputs } from './api-articles.js'
import { deskRoutes } from './api-desk.js'
import { documented } from './api-routes.js'
import { articlePage } from './articles.js'
import { jsonBody } from './bodies.js'
import { claimsQuery, claimsSort } from './claim-query.js'
import { ownPage, UnsupportedMediaError } from './errors.js'
import { OPENAPI, PATHS } from './openapi.js'
import { sendProblem } from './problem.js'
import { pageOf, paging, text } from './query.js'
import { queueHandlers } from './queue-page.js'
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
  const api = documented(router)
  const limit = articleLimit()
  const largest = bodyLimit(limit)

  api.get('/openapi.json', (_req, res) => {
    res.json(OPENAPI)
  })

  api.get('/claims', async (req, res) => {
    const filter = claimsQuery(req.query)
    const order = claimsSort(req.query)
    const paged = paging(req.query, PER_PAGE)
    const sql = pagedClaims(store)
    if (sql) {
      const [items, total] = await Promise.all([
        sql.claimsPage(filter, order, { offset: (paged.page - 1) * paged.per, limit: paged.per }),
        sql.claimsCount(filter),
      ])
      res.json({ items: items.map(claimJson), page: paged.page, per: paged.per, total })
      return
    }
    const speakers = new Map((await store.speakers()).map((s) => [s.id, s]))
    const claims = filterClaims(await store.claims(), filter, (id) => speakers.get(id))
    if (order !== 'stored') claims.sort(CLAIM_ORDERS[order])
    const page = pageOf(claims, paged)
    res.json({ ...page, items: page.items.map(claimJson) })
  })

  api.get('/claims/:id', async (req, res) => {
    const ledger = await store.claim(req.params.id)
    if (!ledger) throw new NotFoundError(`There is no claim "${req.params.id}". GET /api/claims lists every claim with its id.`)
    res.json(ledgerJson(ledger))
  })

  api.get('/statements', async (req, res) => {
    const page = await statementPage(store, index, statementFilter(req.query), paging(req.query, PER_PAGE))
    res.json({ ...page, items: page.items.map((f) => f.statement) })
  })

  api.get('/speakers', async (req, res) => {
    const q = text(req.query, 'q')
    const page = await speakerPage(store, q, paging(req.query, PER_PAGE))
    res.json({ ...page, items: page.items.map(({ speaker, counts }) => ({ ...speaker, counts })) })
  })

  api.get('/speakers/:id', async (req, res) => {
    const speaker = await store.speaker(req.params.id)
    if (!speaker) throw new NotFoundError(`There is no speaker "${req.params.id}". GET /api/speakers lists every speaker with its id.`)
    const quotes = (await store.quotesBy(speaker.id)).filter((e) => !e.statement.rejected)
    res.json({
      ...speaker,
      counts: countStatements(quotes.map((e) => e.statement)),
      statements: `/api/statements?speaker=${encodeURIComponent(speaker.id)}`,
    })
  })

  api.post('/articles', jsonBody(largest), async (req, res) => {
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
    // A text stored before, sent with other facts, has them corrected (refacts.ts), logged as whoever sent it.
    const by = (res.locals.user as { name: string } | null)?.name ?? INGEST_BY
    for (const [i, result] of results.entries()) {
      const stored = result.added ? undefined : await store.article(result.articleId)
      const facts = stored && newFacts(stored, inputs[i])
      if (!facts) continue
      await store.decide({ action: 'set-article', article: result.articleId, facts }, by)
      result.updated = true
    }
    const statementsOf = articleStatements(store)
    const answers = await Promise.all(
      results.map(async ({ articleId, added, updated }) => {
        const own = (await statementsOf(articleId)).filter((s) => !s.rejected)
        return { articleId, added, ...(updated ? { updated } : {}), statements: own, claims: [...new Set(own.map((s) => s.claim))] }
      }),
    )
    res.status(results.some((r) => r.added) ? 201 : 200).json(batch ? { articles: answers } : answers[0])
  })

  api.get('/articles', async (req, res) => {
    const { page, per } = paging(req.query, PER_PAGE)
    const { rows, total } = store.articlePage ? await store.articlePage(page, per) : await articlePage(store, page, per)
    res.json({ items: rows.map(({ article, statements }) => ({ ...article, statementCount: statements })), page, per, total })
  })

  api.get('/articles/:id', async (req, res) => {
    const article = await store.article(req.params.id)
    if (!article) throw new NotFoundError(`There is no article "${req.params.id}". GET /api/articles lists them with their ids.`)
    const { text: _text, ...facts } = article
    const statements = (await articleStatements(store)(article.id)).filter((s) => !s.rejected)
    res.json({ ...facts, statementCount: statements.length, statements, claims: [...new Set(statements.map((s) => s.claim))] })
  })

  deskRoutes(store, api)
  if (queue) {
    const queued = queueHandlers(queue)
    api.get('/queue', queued.api)
  }

  router.use((req) => {
    const routes = Object.entries(PATHS).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`))
    throw new NotFoundError(
      `Nothing at ${req.method} /api${req.path}. The API answers ${routes.join(', ')}; /api/openapi.json describes them.`,
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
  (error: BodyParserError, req, res, next) => {
    const own = ownPage(error)
    if (own) return sendProblem(res, own.status, error.message)
    const articles = req.path === '/articles'
    if (error.type === 'entity.too.large') {
      return sendProblem(
        res,
        413,
        articles
          ? `The body is larger than ${bytes.format(largest)}. Send fewer articles per request (each of up to ${articleLabel} of text), or ingest a large batch with claimtrail ingest.`
          : `The body is larger than this route reads (${error.message}). Send only the fields /api/openapi.json lists.`,
      )
    }
    if (error.type === 'entity.parse.failed') {
      const shape = articles ? 'Send {"text": "…"} or {"articles": [{"text": "…"}, …]}.' : 'Send the fields as one JSON object.'
      return sendProblem(res, 400, `The body is not valid JSON (${error.message}). ${shape}`)
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      return sendProblem(res, error.status, `${error.message}. Send the body as UTF-8 JSON.`)
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
