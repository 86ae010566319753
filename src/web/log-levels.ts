// The levels `serve --log-level` and LOG_LEVEL accept (pino's, and silent), apart from the logger so that
// `serve --help` can list them without loading it.
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export const DEFAULT_LOG_LEVEL: LogLevel = 'info'
