// The ingest form's fields and file as articles to extract. Everything is checked here, before any work
// starts, so a refused form changes nothing stored; a .jsonl file's bad lines are kept as reasons instead.

import { extname } from 'node:path'
import { InvalidInputError } from '../errors.js'
import { articleLimit, checkArticle } from '../ingest/article-input.js'
import { articleFromLine } from '../ingest/article-line.js'
import { decodeArticle } from '../ingest/decode.js'
import type { PendingArticle } from '../ingest/file-articles.js'
import { headlineOf } from '../ingest/headline.js'
import type { ArticleInput } from '../store/schema.js'
import { parseDate } from '../text/day.js'
import { articleFromHtml } from './html-article.js'

/** The form as typed, echoed back into the form when it is refused. */
export interface IngestFields {
  text: string
  title: string
  outlet: string
  date: string
  url: string
}

export interface UploadedFile {
  originalname: string
  buffer: Buffer
}

export interface IngestRequest {
  pending: PendingArticle[]
  /** Lines of a .jsonl file left out, each with its reason. */
  skipped: string[]
}

export const FILE_TYPES = ['.txt', '.html', '.htm', '.jsonl']

export function ingestFields(body: unknown): IngestFields {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
  return {
    text: field('text'),
    title: field('title').trim(),
    outlet: field('outlet').trim(),
    date: field('date').trim(),
    url: field('url').trim(),
  }
}

export function ingestRequest(fields: IngestFields, file: UploadedFile | undefined): IngestRequest {
  const meta = {
    title: fields.title || null,
    outlet: fields.outlet || null,
    published: fields.date ? parseDate(fields.date, 'The date') : null,
    url: fields.url ? checkedUrl(fields.url) : null,
  }
  const pasted = fields.text.trim() !== ''
  if (pasted && file) {
    throw new InvalidInputError(
      'Both pasted text and a file were given: clear the text box to upload the file, or remove the file to ingest the text.',
    )
  }
  if (!pasted && !file) {
    throw new InvalidInputError("There is no article: paste the article's text into the text box, or choose a .txt, .html or .jsonl file.")
  }
  if (!file)
    return {
      pending: [
        {
          source: 'pasted text',
          article: checkArticle({ ...meta, title: meta.title ?? headlineOf(fields.text), text: fields.text }, 'The pasted text'),
        },
      ],
      skipped: [],
    }

  const name = file.originalname || 'the file'
  const type = extname(name).toLowerCase()
  if (!FILE_TYPES.includes(type)) {
    throw new InvalidInputError(
      `${name} is not a file claimtrail reads: upload a .txt article, a saved .html page, or a .jsonl file of articles.`,
    )
  }
  // A .txt file is one article, held to the article limit; a page or a .jsonl file only to the upload's.
  const text = decodeArticle(file.buffer, name, type === '.txt' ? articleLimit() : undefined)
  if (type === '.txt')
    return {
      pending: [{ source: name, article: checkArticle({ ...meta, title: meta.title ?? headlineOf(text), text }, name) }],
      skipped: [],
    }
  if (type === '.jsonl') return jsonlRequest(text, name, meta)
  const page = articleFromHtml(text, name)
  return {
    pending: [{ source: name, article: checkArticle({ ...meta, title: meta.title ?? page.title, text: page.text }, name) }],
    skipped: [],
  }
}

// What the form says fills in what a line leaves out.
function jsonlRequest(text: string, name: string, meta: Omit<ArticleInput, 'text'>): IngestRequest {
  const pending: PendingArticle[] = []
  const skipped: string[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    const where = `line ${i + 1}`
    try {
      const article = articleFromLine(line, where)
      pending.push({
        source: where,
        article: checkArticle(
          {
            ...article,
            title: article.title ?? meta.title,
            outlet: article.outlet ?? meta.outlet,
            published: article.published ?? meta.published,
            url: article.url ?? meta.url,
          },
          where,
        ),
      })
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      skipped.push(error.message)
    }
  })
  if (pending.length === 0) {
    const reasons = skipped.length ? ` Every line was refused: ${skipped.slice(0, 5).join(' ')}${skipped.length > 5 ? ' …' : ''}` : ''
    throw new InvalidInputError(
      `${name} holds no article: give one JSON object per line, {"text": …, "date"?: "yyyy-MM-dd", "title"?, "outlet"?, "url"?}.${reasons}`,
    )
  }
  return { pending, skipped }
}

// The url is shown as a link on the article's page: only web addresses.
export function checkedUrl(value: string): string {
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    url = null
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidInputError(
      `The url "${value}" is not a web address: give the article's address starting with https://, or leave it empty.`,
    )
  }
  return value
}
