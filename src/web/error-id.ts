// An error the reader cannot act on is shown by an id, and logged with its stack under that id: the operator
// finds the one in the other (request-log.ts), and no path or stack of the server's reaches the reader.
import { randomBytes } from 'node:crypto'

export function errorId(): string {
  return randomBytes(6).toString('hex')
}
