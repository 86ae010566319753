// Reading what a user hands us at the terminal: an article file, stdin, or JSON lines; the bytes are checked as
// an article's text in src/ingest. Every refusal names the input and says what to do, because the person
// reading it is at a terminal with the file in front of them.
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { type Readable, Transform } from 'node:stream'
import { InvalidInputError, TooLargeError } from '../errors.js'
import { type ArticleLimit, articleLimit, tooLarge } from '../ingest/article-input.js'
import { decodeArticle, notUtf8 } from '../ingest/decode.js'

/** How an input is named in messages: the path as given, or "stdin" for `-`. */
export function inputName(path: string): string {
  return path === '-' ? 'stdin' : path
}

/** The whole text of an article file, or of stdin for `-`; reading stops past the limit (stdin may never end). */
export async function readArticle(path: string, limit = articleLimit()): Promise<string> {
  const name = inputName(path)
  if (path === '-') return decodeArticle(await readAtMost(process.stdin, limit.bytes, name, limit), name, limit)
  const file = await open(path).catch((error) => refuse(path, error))
  // A file says its size up front; a device or a pipe is read until it passes the limit.
  const { size } = await file.stat()
  if (size > limit.bytes) {
    await file.close()
    throw tooLarge(name, size, limit)
  }
  return decodeArticle(await readAtMost(file.createReadStream(), limit.bytes, name, limit), name, limit)
}

/** Each non-blank line with where it is ("dev.jsonl:12"), read as it streams: evaluation files run to megabytes. */
export async function* readLines(path: string): AsyncGenerator<{ where: string; line: string }> {
  const name = inputName(path)
  const stream = path === '-' ? process.stdin : (await open(path).catch((error) => refuse(path, error))).createReadStream()
  const decoded = utf8Decoder(name, longestLine(articleLimit()))
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

// A line holds one article as JSON, where escapes can double its length; past that it is not one article.
function longestLine(limit: ArticleLimit): number {
  return limit.bytes * 2 + 64 * 1024
}

// Decodes as the bytes arrive; `stream: true` keeps a character split between two chunks whole. A line that
// never ends (a binary file, /dev/zero) is refused once it passes `longest` characters rather than held whole.
function utf8Decoder(name: string, longest: number): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let lineLength = 0
  let lines = 1
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      let text: string
      try {
        text = decoder.decode(chunk, { stream: true })
      } catch {
        return done(notUtf8(name))
      }
      let last = -1
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        lines++
        last = i
      }
      lineLength = last >= 0 ? text.length - last - 1 : lineLength + text.length
      if (lineLength > longest) {
        return done(
          new TooLargeError(
            `${name}:${lines} is a line of over ${longest} characters, longer than any article claimtrail takes: give one JSON article per line.`,
          ),
        )
      }
      done(null, text)
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

async function readAtMost(stream: Readable, most: number, name: string, limit: ArticleLimit): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer)
      size += (chunk as Buffer).length
      if (size > most) throw tooLarge(name, null, limit)
    }
  } catch (error) {
    if (isErrno(error)) refuse(name, error)
    throw error
  } finally {
    if (stream !== process.stdin) stream.destroy()
  }
  return Buffer.concat(chunks)
}
