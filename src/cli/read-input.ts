// Reading what a user hands us: an article file, stdin, or JSON lines. Every refusal names the input and says
// what to do, because the person reading it is at a terminal with the file in front of them.
import { open, readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { Transform, type Readable } from 'node:stream'
import { InvalidInputError } from '../errors.js'

/** How an input is named in messages: the path as given, or "stdin" for `-`. */
export function inputName(path: string): string {
  return path === '-' ? 'stdin' : path
}

/** The whole text of an article file, or of stdin for `-`. */
export async function readArticle(path: string): Promise<string> {
  const bytes = path === '-' ? await readAll(process.stdin) : await readFile(path).catch((error) => refuse(path, error))
  return decodeArticle(bytes, inputName(path))
}

export function decodeArticle(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new InvalidInputError(`${name} looks binary, not text: give a plain-text (UTF-8) article.`)
  const text = decodeUtf8(bytes, name)
  if (text.trim() === '') throw new InvalidInputError(`${name} is empty: give a file with the article's text.`)
  return text
}

/** Each non-blank line with where it is ("dev.jsonl:12"), read as it streams: evaluation files run to megabytes. */
export async function* readLines(path: string): AsyncGenerator<{ where: string; line: string }> {
  const name = inputName(path)
  const stream = path === '-' ? process.stdin : (await open(path).catch((error) => refuse(path, error))).createReadStream()
  const decoded = utf8Decoder(name)
  // pipe() alone drops a read error (a folder, a vanished file); hand it on so the loop below sees it.
  stream.on('error', (error: Error) => decoded.destroy(error)).pipe(decoded)
  const lines = createInterface({ input: decoded, crlfDelay: Infinity })
  let number = 0
  try {
    for await (const line of lines) {
      number++
      if (line.trim() === '') continue
      yield { where: `${name}:${number}`, line }
    }
  } catch (error) {
    if (isErrno(error)) refuse(name, error)
    throw error
  } finally {
    // A refused line ends the loop early; release the file rather than leave it half read.
    if (stream !== process.stdin) stream.destroy()
  }
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw notUtf8(name)
  }
}

// Decodes as the bytes arrive; `stream: true` keeps a character split between two chunks whole.
function utf8Decoder(name: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }))
      } catch {
        done(notUtf8(name))
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode())
      } catch {
        done(notUtf8(name))
      }
    },
  })
}

function notUtf8(name: string): InvalidInputError {
  return new InvalidInputError(`${name} is not UTF-8 text: convert it (e.g. iconv -f latin1 -t utf-8) and try again.`)
}

function refuse(path: string, error: NodeJS.ErrnoException): never {
  switch (error.code) {
    case 'ENOENT':
      throw new InvalidInputError(`${path}: no such file. Check the path.`)
    case 'EISDIR':
      throw new InvalidInputError(`${path} is a folder: give the article's file.`)
    case 'EACCES':
      throw new InvalidInputError(`${path} cannot be read (permission denied). Check its permissions.`)
    default:
      throw new InvalidInputError(`${path} cannot be read (${error.message}).`)
  }
}

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
