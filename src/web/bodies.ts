// The body readers of the POST routes, with one rule added: the bytes must be UTF-8. Left alone, the readers
// decode bad bytes as U+FFFD, and a mangled text or reviewer's name would be stored as if it were what was sent.
import { isUtf8 } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import express, { type RequestHandler } from 'express'
import { InvalidInputError } from '../errors.js'

/** JSON of at most `limit` bytes. */
export function jsonBody(limit: number | string): RequestHandler {
  return express.json({ limit, verify: (_req: IncomingMessage, _res: unknown, bytes: Buffer) => mustBeUtf8(bytes, 'The body') })
}

/** A urlencoded form of at most `limit` bytes and `fields` fields; its %-escapes must spell UTF-8 too. */
export function formBody(limit: number | string, fields = 50): RequestHandler {
  return express.urlencoded({
    extended: false,
    limit,
    parameterLimit: fields,
    verify: (_req: IncomingMessage, _res: unknown, bytes: Buffer) => mustBeUtf8(unescaped(bytes), 'The form'),
  })
}

// The bytes the %-escapes stand for; latin1 maps each byte to one character and back, unchanged.
function unescaped(bytes: Buffer): Buffer {
  return Buffer.from(
    bytes.toString('latin1').replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  )
}

function mustBeUtf8(bytes: Buffer, what: string): void {
  if (!isUtf8(bytes)) throw new InvalidInputError(`${what} is not UTF-8 text: send it encoded as UTF-8 (a browser's form always is).`)
}
