// The body of POST /api/articles read as articles: {text, title?, outlet?, date?, url?, id?} or {articles: [...]}.
// Every article is checked before any is extracted or stored, so a bad one in a batch stores nothing.
import { InvalidInputError } from '../errors.js'
import { checkArticle } from '../ingest/article-input.js'
import type { ArticleInput } from '../store/schema.js'
import { parseDate } from '../text/day.js'

const FIELDS = ['text', 'title', 'outlet', 'date', 'url', 'id']
/** Past this many, extraction would keep the request open for minutes: ingest them with the CLI instead. */
export const MOST_ARTICLES = 100

export function articleInputs(body: unknown): { inputs: ArticleInput[]; batch: boolean } {
  if (!isObject(body)) throw new InvalidInputError('Send a JSON object: {"text": "…"} or {"articles": [{"text": "…"}, …]}.')
  if (!('articles' in body)) return { inputs: [articleInput(body, 'the body')], batch: false }
  const { articles } = body
  if (!Array.isArray(articles) || articles.length === 0) {
    throw new InvalidInputError('"articles" must be a non-empty array of {"text": "…"} objects.')
  }
  if (articles.length > MOST_ARTICLES) {
    throw new InvalidInputError(
      `"articles" holds ${articles.length}; send at most ${MOST_ARTICLES} per request, or use npx claimtrail ingest.`,
    )
  }
  return { inputs: articles.map((a, i) => articleInput(a, `articles[${i}]`)), batch: true }
}

function articleInput(value: unknown, where: string): ArticleInput {
  if (!isObject(value)) throw new InvalidInputError(`${where} must be an object with "text".`)
  const unknown = Object.keys(value).filter((key) => !FIELDS.includes(key))
  if (unknown.length) throw new InvalidInputError(`${where} has unknown field "${unknown[0]}"; an article has ${FIELDS.join(', ')}.`)
  if (typeof value.text !== 'string' || value.text.trim() === '') {
    throw new InvalidInputError(`${where}: "text" is missing or empty: give the article's text as a string.`)
  }
  const field = (name: string): string | null => {
    const v = value[name]
    if (v === undefined || v === null) return null
    if (typeof v !== 'string') throw new InvalidInputError(`${where}: "${name}" must be a string.`)
    return v
  }
  const date = field('date')
  if (date !== null) parseDate(date, `${where}: "date"`)
  const id = field('id')
  return checkArticle(
    { ...(id ? { id } : {}), text: value.text, title: field('title'), outlet: field('outlet'), url: field('url'), published: date },
    where,
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
