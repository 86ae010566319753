// The web edge of the domain errors: one table from error to HTTP status and page, for the pages and the API
// alike (the API answers the same status with a JSON body). Domain code throws InvalidInputError /
// NotFoundError / StoreError and never learns about HTTP.
import type { IncomingMessage } from 'node:http'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { DiskFullError, InvalidInputError, NotFoundError, TooLargeError } from '../errors.js'
import { errorId } from './error-id.js'
import { sendProblem } from './problem.js'

interface ErrorPage {
  status: number
  view: string
  title: string
}

/** A body sent as another media type than the route reads (POST /api/articles takes JSON only). */
export class UnsupportedMediaError extends InvalidInputError {}

const STATUSES: Array<[new (...args: never[]) => Error, ErrorPage]> = [
  [UnsupportedMediaError, { status: 415, view: 'errors/400', title: 'Unsupported form' }],
  [TooLargeError, { status: 413, view: 'errors/400', title: 'Too large' }],
  [InvalidInputError, { status: 400, view: 'errors/400', title: 'Bad request' }],
  [NotFoundError, { status: 404, view: 'errors/404', title: 'Not found' }],
  // Insufficient Storage: the write was refused whole, and the message says to free space.
  [DiskFullError, { status: 507, view: 'errors/500', title: 'The disk is full' }],
]
const OTHERWISE: ErrorPage = { status: 500, view: 'errors/500', title: 'Something went wrong' }

export function pageFor(error: unknown): ErrorPage {
  return ownPage(error) ?? requestErrorPage(error) ?? OTHERWISE
}

/** The table's row for one of our own errors; undefined for anything else. */
export function ownPage(error: unknown): ErrorPage | undefined {
  return STATUSES.find(([type]) => error instanceof type)?.[1]
}

/** What the body readers and the router throw at a request they cannot read (http-errors, 4xx). */
interface RequestError extends Error {
  status: number
  type?: string
  limit?: number
}

const TITLES: Record<number, string> = { 413: 'Too large', 415: 'Unsupported form' }

function isRequestError(error: unknown): error is RequestError {
  const status = (error as Partial<RequestError> | null)?.status
  return error instanceof Error && typeof status === 'number' && status >= 400 && status < 500
}

function requestErrorPage(error: unknown): ErrorPage | undefined {
  if (!isRequestError(error)) return undefined
  return { status: error.status, view: 'errors/400', title: TITLES[error.status] ?? 'Bad request' }
}

/** Ours are written for the reader; the body readers' are terse ("request entity too large"), so say what to do. */
function messageOf(error: unknown): string {
  if (error instanceof InvalidInputError || error instanceof NotFoundError || error instanceof DiskFullError) return error.message
  if (!isRequestError(error)) return 'The server could not answer this request.'
  if (error.type === 'entity.too.large')
    return `The form is larger than this page takes${error.limit ? ` (${error.limit} bytes)` : ''}: shorten what you typed and send it again.`
  if (/decode param/i.test(error.message)) return 'The address holds a broken %-escape: check it, or follow a link from the claims list.'
  return `The request could not be read (${error.message}). Send the form from its page, or check the address.`
}

/** The last route: whatever no route answered. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`Nothing at ${req.path}. The claims list is at /.`))
}

/**
 * The last middleware. Our own errors carry messages written for the reader; anything else is shown by an id
 * only, and logged with its stack under that id. A stack (with the server's paths) reaches the page only in
 * explicit development (`claimtrail serve --dev`). Under /api every error is JSON, whatever was asked.
 */
export const errorHandler =
  (logError: (error: unknown, id?: string, req?: IncomingMessage) => void, development: boolean): ErrorRequestHandler =>
  (error, req, res, next) => {
    if (res.headersSent) return next(error)
    const page = pageFor(error)
    const ours = page !== OTHERWISE
    const id = ours ? undefined : errorId()
    // Only the operator can act on these; as the last handler we report them, once.
    if (!ours) logError(error, id, req)
    const message = id ? `${messageOf(error)} Error id ${id}: the server's log says what went wrong.` : messageOf(error)
    if (req.path === '/api' || req.path.startsWith('/api/')) {
      sendProblem(res, page.status, message, id)
      return
    }
    const stack = !ours && development && error instanceof Error ? (error.stack ?? null) : null
    res.status(page.status).render(page.view, { title: page.title, message, stack })
  }
