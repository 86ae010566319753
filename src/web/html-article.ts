// A saved web page reduced to its article: Mozilla's Readability (Firefox's reader view) finds the main text
// on a linkedom DOM, and the result is turned into plain text with its paragraphs kept. That plain text is
// what is stored, so every span the pipeline finds is an offset into the stored text, not into the page.
import { createRequire } from 'node:module'
import type { Readability as ReadabilityClass } from '@mozilla/readability'
import type { parseHTML as parseHTMLFunction } from 'linkedom'
import { InvalidInputError } from '../errors.js'

// Both are loaded with the first page sent, not with the server: a server that is never sent a saved page does
// not carry them (16 MB of its memory). Through require (linkedom's CommonJS build), as the first use is synchronous.
let libraries: { Readability: typeof ReadabilityClass; parseHTML: typeof parseHTMLFunction } | undefined
function load() {
  const require = createRequire(import.meta.url)
  libraries ??= { Readability: require('@mozilla/readability').Readability, parseHTML: require('linkedom').parseHTML }
  return libraries
}

export interface PageArticle {
  text: string
  /** The page's headline as Readability read it, when it found one. */
  title: string | null
}

// Elements that end a paragraph or a line in the plain text.
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
])
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME'])

export function articleFromHtml(html: string, name: string): PageArticle {
  const { Readability, parseHTML } = load()
  const { document } = parseHTML(html)
  // Readability changes the document it reads; the fallback below reads a fresh copy.
  const found = new Readability(document as unknown as Document, { charThreshold: 100 }).parse()
  const text = found?.content
    ? plainText(parseHTML(`<!doctype html><html><body>${found.content}</body></html>`).document.body)
    : plainText(parseHTML(html).document.body)
  if (text.trim() === '') {
    throw new InvalidInputError(
      `${name} has no readable text: save the article's page itself (not an index or a login page), or paste its text.`,
    )
  }
  return { text, title: found?.title?.trim() || null }
}

/** The text of a DOM subtree, one paragraph per block separated by a blank line, whitespace as a reader sees it. */
function plainText(root: unknown): string {
  const parts: string[] = []
  walk(root as Node, parts)
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function walk(node: Node, parts: string[]): void {
  if (node.nodeType === 3) {
    parts.push((node.textContent ?? '').replace(/\s+/g, ' '))
    return
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
  const tag = (node as Element).tagName?.toUpperCase() ?? ''
  if (SKIPPED.has(tag)) return
  if (tag === 'BR') {
    parts.push('\n')
    return
  }
  const block = BLOCKS.has(tag)
  if (block) parts.push('\n\n')
  for (const child of Array.from(node.childNodes)) walk(child, parts)
  if (block) parts.push('\n\n')
}
