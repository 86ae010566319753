// What the server tells its operator, as JSON lines on stdout: one line per request (method, path, status, ms,
// request id, signed-in user) and each error the reader cannot act on, with its stack, under the id its page
// shows (error-id.ts). Never a body, a password, a token, a cookie or article text: a request line holds the
// path without its query and no header, and redact keeps the secret headers out should a line ever carry them.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Request, Response } from 'express'
import { type DestinationStream, type Logger, pino } from 'pino'
import { pinoHttp } from 'pino-http'
import { DEFAULT_LOG_LEVEL, type LogLevel } from './log-levels.js'

const SECRET_HEADERS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]']

/** The server's logger; to stdout unless given a destination (a test's captured stream). */
export function webLogger({ level = DEFAULT_LOG_LEVEL, destination }: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const options = { level, redact: { paths: SECRET_HEADERS, censor: '[redacted]' } }
  return destination ? pino(options, destination) : pino(options)
}

/** A logger that writes nothing: createApp's when it is given none. */
export const silentLogger = (): Logger => pino({ level: 'silent' })

const pathOf = (req: Request) => req.originalUrl.split('?', 1)[0]

function requestLine(req: Request, res: Response, { ms }: { ms: number }) {
  const user = res.locals.user as { name: string } | null | undefined
  return { method: req.method, path: pathOf(req), status: res.statusCode, ms, user: user?.name ?? null }
}

const summary = (req: Request, res: Response) => `${req.method} ${pathOf(req)} ${res.statusCode}`

/** The first middleware: gives each request its id and logs it once it is answered (or its client went away). */
export const requestLog = (logger: Logger) =>
  pinoHttp<Request, Response>({
    logger,
    genReqId: () => randomUUID(),
    // The request's id on every line logged for it, and nothing of the request or the response but requestLine.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, logged) => requestLine(req, res, logged),
    customErrorObject: (req, res, _error, logged) => requestLine(req, res, logged),
    customSuccessMessage: summary,
    customErrorMessage: summary,
  })

/** Logs an error with its stack under its id, with the request's id when it came from one. */
export const errorLog =
  (logger: Logger) =>
  (error: unknown, id?: string, req?: IncomingMessage): void => {
    const log = (req as Partial<Request> | undefined)?.log ?? logger
    log.error({ err: error, errorId: id }, id ? `error ${id}` : 'error')
  }
