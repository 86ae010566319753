// Bytes as an article's text, for every way in that hands over bytes (a file, stdin, an upload): refused when
// over the limit, binary, not UTF-8 or empty, each refusal naming the input and saying what to do.
import { InvalidInputError } from '../errors.js'
import { type ArticleLimit, tooLarge } from './article-input.js'

/** The bytes as an article's text; with `limit`, more bytes than it allows are refused before decoding. */
export function decodeArticle(bytes: Uint8Array, name: string, limit?: ArticleLimit): string {
  if (limit && bytes.length > limit.bytes) throw tooLarge(name, bytes.length, limit)
  if (bytes.includes(0)) throw new InvalidInputError(`${name} looks binary, not text: give a plain-text (UTF-8) article.`)
  const text = decodeUtf8(bytes, name)
  if (text.trim() === '') throw new InvalidInputError(`${name} is empty: give a file with the article's text.`)
  return text
}

export function notUtf8(name: string): InvalidInputError {
  return new InvalidInputError(`${name} is not UTF-8 text: convert it (e.g. iconv -f latin1 -t utf-8) and try again.`)
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw notUtf8(name)
  }
}
