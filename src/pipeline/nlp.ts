// The one module that imports compromise. It tags the words of a stretch of text and hands back plain
// tokens with offsets into the article; compromise objects never leave this file.
import nlp from 'compromise'

export interface Token {
  start: number
  end: number
  text: string
  /** Lower case, without surrounding punctuation. */
  lower: string
  tags: ReadonlySet<string>
  /** Punctuation and space written right before and after the word. */
  pre: string
  post: string
}

interface Term {
  text: string
  pre: string
  post: string
  tags: Set<string>
}

/**
 * Tokens of text[start, end), offsets in the article. compromise's own offsets drift after closing quote
 * marks and contractions, so each word is found again in the text, left to right.
 */
export function tag(text: string, start: number, end: number): Token[] {
  const chunk = text.slice(start, end)
  // 'said,“Look' glues three words into one term: a space in the mark's place (same length) parts them.
  const parted = chunk.replace(/(?<=[,.;:!?])[“”"](?=\p{L})/gu, ' ')
  const terms = (nlp(parted).docs as Term[][]).flat()
  const tokens: Token[] = []
  let cursor = 0
  for (const t of terms) {
    if (!t.text) continue
    const at = parted.indexOf(t.text, cursor)
    if (at < 0) continue
    cursor = at + t.text.length
    tokens.push({
      start: start + at,
      end: start + cursor,
      text: t.text,
      lower: t.text.toLowerCase(),
      tags: t.tags,
      pre: t.pre,
      post: t.post,
    })
  }
  return tokens
}
