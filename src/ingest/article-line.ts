// One line of a .jsonl input as an article: {"id", "text", "date"?, "outlet"? | "publisher"?, "title"?, "url"?}.
// The evaluation files name the outlet "publisher"; both are read.

import { InvalidInputError } from '../errors.js'
import type { ArticleInput } from '../store/schema.js'
import { parseDate } from '../text/day.js'
import { checkArticle } from './article-input.js'

export function articleFromLine(text: string, where: string, { needsId = false } = {}): ArticleInput {
  const value = parseLine(text, where)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(`${where}: expected a JSON object with "text"${needsId ? ' and "id"' : ''}.`)
  }
  const line = value as Record<string, unknown>
  const id = optionalString(line, 'id', where)
  if (needsId && !id) throw new InvalidInputError(`${where}: "id" is missing: every line needs one, to match its output line.`)
  if (typeof line.text !== 'string' || line.text.trim() === '') {
    throw new InvalidInputError(`${where}: "text" is missing or empty: give the article's text.`)
  }
  const date = optionalString(line, 'date', where)
  return checkArticle(
    {
      ...(id ? { id } : {}),
      text: line.text,
      published: date ? parseDate(date, `${where}: "date"`) : null,
      outlet: optionalString(line, 'outlet', where) ?? optionalString(line, 'publisher', where) ?? null,
      title: optionalString(line, 'title', where) ?? null,
      url: optionalString(line, 'url', where) ?? null,
    },
    where,
  )
}

function optionalString(line: Record<string, unknown>, field: string, where: string): string | undefined {
  const value = line[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new InvalidInputError(`${where}: "${field}" must be a string.`)
  return value
}

function parseLine(text: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new InvalidInputError(`${where}: not valid JSON (${(error as Error).message}). Each line must be one JSON object.`)
  }
}
