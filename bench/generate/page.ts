// An article's text written piece by piece, each marked piece coming back as a span of the finished text, so
// the generated statements point at exactly what the article says (the pipeline's one span format).
import type { Span } from '../../src/pipeline/types.js'

export type Piece = string | { mark: 'content' | 'cue' | 'mention'; text: string }

export interface Marks {
  content: Span[]
  cue: Span | null
  mention: Span | null
}

export class Page {
  #text = ''

  get text(): string {
    return this.#text
  }

  paragraph(): void {
    if (this.#text) this.#text += '\n\n'
  }

  /** Appends a sentence (a space before it inside a paragraph) and returns the spans of its marked pieces. */
  sentence(pieces: Piece[]): Marks {
    if (this.#text && !this.#text.endsWith('\n')) this.#text += ' '
    const marks: Marks = { content: [], cue: null, mention: null }
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        this.#text += piece
        continue
      }
      const span = { start: this.#text.length, end: this.#text.length + piece.text.length, text: piece.text }
      this.#text += piece.text
      if (piece.mark === 'content') marks.content.push(span)
      else marks[piece.mark] = span
    }
    return marks
  }
}

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
