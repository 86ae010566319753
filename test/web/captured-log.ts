// The server's log caught in memory, each JSON line parsed: what an operator would read on the server's stdout.
import type { LogLevel } from '../../src/web/log-levels.js'
import { webLogger } from '../../src/web/request-log.js'

export type LogLine = Record<string, unknown> & { level: number; msg: string }

export function capturedLog(level: LogLevel = 'info') {
  const lines: LogLine[] = []
  const raw: string[] = []
  const logger = webLogger({
    level,
    destination: {
      write(line: string) {
        raw.push(line)
        lines.push(JSON.parse(line) as LogLine)
      },
    },
  })
  return {
    logger,
    lines,
    /** Everything written, as written. */
    text: () => raw.join(''),
    /** The lines for errors the server reported as its own (with a stack under an error id). */
    errors: () => lines.filter((line) => 'err' in line),
  }
}
