// Articles: the list, one article's text with its statements marked, and the ingest form with its jobs.
import type { ErrorRequestHandler, RequestHandler } from 'express'
import multer from 'multer'
import { InvalidInputError, NotFoundError } from '../errors.js'
import type { ArticlePage } from '../store/views.js'
import { articleHistory, factsChanged } from './article-facts.js'
import { articleSegments } from './article-page.js'
import { checkFormToken } from './auth/index.js'
import { formBody } from './bodies.js'
import { decidedBy, rememberName } from './claim-review.js'
import { pageFor } from './errors.js'
import { FILE_TYPES, type IngestFields, ingestFields, ingestRequest } from './ingest-form.js'
import { IngestJobs } from './ingest-jobs.js'
import { articleStatements, type WebStore } from './web-store.js'

export const PAGE_SIZE = 50
/** The largest upload or pasted text taken, in bytes; past it the form answers 413. */
export const MAX_UPLOAD = 20 * 1024 * 1024
const MAX_UPLOAD_LABEL = '20 MB'

const JOB_TITLES = { running: 'Ingesting…', done: 'Ingest summary', failed: 'Ingest stopped', interrupted: 'Ingest interrupted' }

/** What the article page says after a form went through; keys from the redirect, never text from it. */
const ARTICLE_DONE: Record<string, string> = {
  facts: 'The facts are saved. The change is listed under "History", and can be undone.',
  unchanged: 'Nothing was changed: the facts sent are the facts stored.',
  undone: 'The decision is undone. The undo is listed under "History", and can itself be undone.',
}

const EMPTY_FIELDS: IngestFields = { text: '', title: '', outlet: '', date: '', url: '' }

export function articleHandlers(store: WebStore, jobs: IngestJobs = new IngestJobs(store)) {
  const list: RequestHandler = async (req, res) => {
    const page = pageNumber(req.query.page)
    const { rows: listed, total } = store.articlePage ? await store.articlePage(page, PAGE_SIZE) : await articlePage(store, page)
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
    if (page > pages) throw new NotFoundError(`There is no page ${page} of articles: there are ${pages}. Start from /articles.`)
    const rows = listed.map(({ article: a, statements }) => ({
      id: a.id,
      title: a.title ?? `Untitled article ${a.id}`,
      outlet: a.outlet,
      published: a.published,
      statements,
    }))
    res.render('articles/index', { title: 'Articles', rows, page, pages, total })
  }

  const show: RequestHandler<{ id: string }> = async (req, res) => {
    const article = await store.article(req.params.id)
    if (!article) throw new NotFoundError(`There is no article "${req.params.id}". Every stored article is listed at /articles.`)
    const statements = (await articleStatements(store)(article.id)).filter((s) => !s.rejected)
    res.render('articles/show', {
      title: article.title ?? `Untitled article ${article.id}`,
      article,
      self: `/articles/${encodeURIComponent(article.id)}`,
      corrections: articleHistory(await store.decisions(), article.id).length,
      href: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
      statementCount: statements.length,
      claimCount: new Set(statements.map((s) => s.claim)).size,
      segments: articleSegments(article, statements),
    })
  }

  /**
   * The form correcting an article's facts, with their history, on a page of its own: the article's page then
   * carries no form, so it is the same page for every reader and stays in the page cache (page-cache.ts).
   */
  const factsPage: RequestHandler<{ id: string }> = async (req, res) => {
    const article = await store.article(req.params.id)
    if (!article) throw new NotFoundError(`There is no article "${req.params.id}". Every stored article is listed at /articles.`)
    const articleHref = `/articles/${encodeURIComponent(article.id)}`
    res.render('articles/facts', {
      title: `The facts of ${article.title ?? `untitled article ${article.id}`}`,
      article,
      articleHref,
      self: `${articleHref}/facts`,
      done: typeof req.query.done === 'string' && Object.hasOwn(ARTICLE_DONE, req.query.done) ? ARTICLE_DONE[req.query.done] : null,
      history: articleHistory(await store.decisions(), article.id),
    })
  }

  /** The facts form's answer: a logged decision, then a redirect back to the form's page. */
  const facts: RequestHandler<{ id: string }> = async (req, res) => {
    const article = await store.article(req.params.id)
    if (!article) throw new NotFoundError(`There is no article "${req.params.id}". Every stored article is listed at /articles.`)
    const body = req.body ?? {}
    const changed = factsChanged(body, article)
    const by = decidedBy(body, res)
    if (Object.keys(changed).length) {
      await store.decide({ action: 'set-article', article: article.id, facts: changed }, by)
      rememberName(res, by)
    }
    res.redirect(303, `/articles/${encodeURIComponent(article.id)}/facts?done=${Object.keys(changed).length ? 'facts' : 'unchanged'}`)
  }

  const form: RequestHandler = (_req, res) => {
    res.render('articles/new', formLocals(EMPTY_FIELDS, null))
  }

  // Multipart (the form) or urlencoded (curl); the file sits in memory, within the limit, until read.
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD, fieldSize: MAX_UPLOAD, files: 1, fields: 10, parts: 12 },
  }).single('file')
  // multer hands on the multipart reader's own errors (a cut-off body, no boundary) as plain errors: they are the
  // sender's, not ours. Its MulterErrors stay as they are, to tell a size limit from the rest.
  const uploaded: RequestHandler = (req, res, next) =>
    upload(req, res, (error?: unknown) => {
      if (!error || error instanceof multer.MulterError) return next(error)
      next(
        new InvalidInputError(
          `The form could not be read (${(error as Error).message ?? error}): send it from the form on /articles/new, or as multipart/form-data with one file in "file".`,
        ),
      )
    })
  const receive: RequestHandler[] = [formBody(MAX_UPLOAD, 20), uploaded, checkFormToken]

  const create: RequestHandler = async (req, res) => {
    const fields = ingestFields(req.body)
    try {
      const by = (res.locals.user as { name: string } | null)?.name ?? (res.locals.reviewerName as string | undefined)
      const job = await jobs.start(ingestRequest(fields, req.file), by || undefined)
      // Queued, and recorded in the jobs file: not stored. The job's page says which articles are.
      const page = `/ingest/${job.id}`
      const count = job.record.queued.length
      res
        .status(303)
        .location(page)
        .type('text')
        .send(`Queued ${count} article${count === 1 ? '' : 's'}, not yet stored: ${page} says which are stored.\n`)
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      // 413 for an article over the size limit, 400 for the rest.
      res.status(pageFor(error).status).render('articles/new', formLocals(fields, error.message))
    }
  }

  /** A body too large or a form malformed: the form again, saying so; nothing was read or stored. */
  const refused: ErrorRequestHandler = (error, req, res, next) => {
    const tooLarge = (error instanceof multer.MulterError && /SIZE$/.test(error.code)) || error?.type === 'entity.too.large'
    if (tooLarge) {
      res
        .status(413)
        .render(
          'articles/new',
          formLocals(
            ingestFields(req.body),
            `The file or text is larger than ${MAX_UPLOAD_LABEL}: split it (a .jsonl file can be cut into several by lines) and send the parts one by one.`,
          ),
        )
      return
    }
    if (error instanceof multer.MulterError) {
      res
        .status(400)
        .render(
          'articles/new',
          formLocals(
            ingestFields(req.body),
            `The form could not be read (${error.message}): send one file in the "file" field, with the fields of this form.`,
          ),
        )
      return
    }
    if (error instanceof InvalidInputError) {
      res.status(400).render('articles/new', formLocals(ingestFields(req.body), error.message))
      return
    }
    next(error)
  }

  const job: RequestHandler<{ job: string }> = async (req, res) => {
    const found = await jobs.get(req.params.job)
    if (!found) throw new NotFoundError(`There is no ingest "${req.params.job}" on this server. Stored articles are listed at /articles.`)
    res.render('articles/job', { title: JOB_TITLES[found.state], job: found })
  }

  return {
    list,
    show,
    factsPage,
    facts: [formBody('16kb'), checkFormToken, facts] as RequestHandler<{ id: string }>[],
    form,
    receive,
    create,
    refused,
    job,
    jobs,
  }
}

/** A page of the list from the whole tables, for a store that keeps them in memory (PgStore pages in SQL). */
/** One page of the articles list over a store without its own paging: newest news first. */
export async function articlePage(store: WebStore, page: number, size = PAGE_SIZE): Promise<ArticlePage> {
  const [articles, statements] = await Promise.all([store.articles(), store.statements()])
  const counts = new Map<string, number>()
  for (const s of statements) if (!s.rejected) counts.set(s.articleId, (counts.get(s.articleId) ?? 0) + 1)
  // Newest news first; undated articles after the dated ones, most recently added first.
  const sorted = [...articles].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || b.addedAt.localeCompare(a.addedAt))
  const rows = sorted.slice((page - 1) * size, page * size).map((article) => ({ article, statements: counts.get(article.id) ?? 0 }))
  return { rows, total: sorted.length }
}

function formLocals(fields: IngestFields, problem: string | null) {
  return { title: 'Add articles', fields, problem, fileTypes: FILE_TYPES.join(','), maxUpload: MAX_UPLOAD_LABEL }
}

function pageNumber(value: unknown): number {
  if (value === undefined) return 1
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) {
    throw new InvalidInputError('The page number must be a whole number from 1: /articles?page=2.')
  }
  return Number(value)
}
