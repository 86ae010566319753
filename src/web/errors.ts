// The web edge of the domain errors: one table from error to HTTP status and page. Domain code throws
// InvalidInputError / NotFoundError / StoreError and never learns about HTTP.
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { InvalidInputError, NotFoundError } from '../errors.js'

interface ErrorPage {
  status: number
  view: string
  title: string
}

const STATUSES: Array<[new (...args: never[]) => Error, ErrorPage]> = [
  [InvalidInputError, { status: 400, view: 'errors/400', title: 'Bad request' }],
  [NotFoundError, { status: 404, view: 'errors/404', title: 'Not found' }],
]
const OTHERWISE: ErrorPage = { status: 500, view: 'errors/500', title: 'Something went wrong' }

export function pageFor(error: unknown): ErrorPage {
  return STATUSES.find(([type]) => error instanceof type)?.[1] ?? OTHERWISE
}

/** The last route: whatever no route answered. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`Nothing at ${req.path}. The claims list is at /.`))
}

/** The last middleware. Our own errors carry messages written for the reader; anything else stays vague. */
export const errorHandler = (logError: (error: unknown) => void): ErrorRequestHandler => (error, req, res, next) => {
  if (res.headersSent) return next(error)
  const page = pageFor(error)
  const production = req.app.get('env') === 'production'
  const ours = page !== OTHERWISE
  const message = ours && error instanceof Error ? error.message : 'The server could not answer this request.'
  // A stack helps whoever runs the server find a bug; a missing claim or a bad query is not one.
  const stack = !ours && !production && error instanceof Error ? error.stack ?? null : null
  // Only the operator can act on these; as the last handler we report them, once.
  if (!ours) logError(error)
  res.status(page.status).render(page.view, { title: page.title, message, stack })
}
