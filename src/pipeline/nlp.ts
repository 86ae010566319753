// Where compromise tags text (compromise.ts loads it). Stretches of text go in; plain tokens with offsets into
// the article come out; compromise objects never leave this file.
import { readFileSync } from 'node:fs'
import { compromise, once } from './compromise.js'

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

interface Parsed {
  docs: Term[][]
  world: unknown
  compute(hooks: string[]): unknown
}

// What nlp(text) does, split in two so that many stretches share one tagging pass: compromise's per-call
// work (compiling its post-tagger's matches against the words present) costs more than tagging a sentence.
// Its tagger reads one sentence at a time, so each stretch is tagged as if parsed alone.
const tagger = once((nlp) => ({
  world: nlp.world() as { methods: { one: { tokenize: { fromString(text: string, world: unknown): Term[][] } } } },
  View: nlp('').constructor as new (document: Term[][]) => Parsed,
  // 'chunks' groups tagged words into phrases, which nothing here reads; it runs last and changes no tag.
  HOOKS: (nlp.hooks() as string[]).filter((hook) => hook !== 'chunks'),
}))

/**
 * Tokens of text[start, end) for each stretch, offsets in the article. compromise's own offsets drift after
 * closing quote marks and contractions, so each word is found again in the text, left to right.
 */
export function tagAll(text: string, stretches: ReadonlyArray<{ start: number; end: number }>): Token[][] {
  const { world, View, HOOKS } = tagger()
  const parted = stretches.map(({ start, end }) =>
    // 'said,“Look' glues three words into one term: a space in the mark's place (same length) parts them.
    text.slice(start, end).replace(/(?<=[,.;:!?])[“”"](?=\p{L})/gu, ' '),
  )
  const sentences = parted.map((chunk) => world.methods.one.tokenize.fromString(chunk, world))
  const parsed = new View(sentences.flat())
  parsed.world = world // as nlp() does: the View class alone holds compromise's world before plugins extended it
  parsed.compute(HOOKS)
  const docs = parsed.docs
  let next = 0
  return stretches.map(({ start }, i) => {
    const terms = docs.slice(next, (next += sentences[i].length)).flat()
    return tokensOf(terms, parted[i], start)
  })
}

/** Tokens of text[start, end) alone. */
export function tag(text: string, start: number, end: number): Token[] {
  return tagAll(text, [{ start, end }])[0]
}

function tokensOf(terms: Term[], parted: string, start: number): Token[] {
  const tokens: Token[] = []
  let cursor = 0
  for (const t of terms) {
    if (!t.text) continue
    const at = parted.indexOf(t.text, cursor)
    if (at < 0) continue
    // 'advice, ” he said': a quotation mark standing alone is no word; it goes with the space around it.
    if (/^[“”"‘’'«»„]+$/.test(t.text) && tokens.length) {
      const last = tokens[tokens.length - 1]
      tokens[tokens.length - 1] = { ...last, post: last.post + t.text + t.post }
      cursor = at + t.text.length
      continue
    }
    cursor = at + t.text.length
    // compromise leaves the parenthesis after a number in the word ("since 2013)"): it belongs after it.
    const closing = /^([^()]+?)(\)+)$/.exec(t.text)
    const text = closing ? closing[1] : t.text
    tokens.push({
      start: start + at,
      end: start + at + text.length,
      text,
      lower: text.toLowerCase(),
      tags: t.tags,
      pre: t.pre,
      post: closing ? closing[2] + t.post : t.post,
    })
  }
  return tokens
}

const LEMMAS = new Map<string, string>()
const LEMMAS_KEPT = 100_000

/**
 * The dictionary forms of the 60,000 most frequent words, worked out once by compromise and shipped
 * (data/models/lemmas.json, made by bench/lemma-table.ts): indexing a store of thousands of articles at open
 * would otherwise parse each of its words, 0.2 ms apiece.
 */
let known: { checked: Set<string>; changed: Record<string, string> } | undefined
function table() {
  if (!known) {
    const file = JSON.parse(readFileSync(new URL('../../data/models/lemmas.json', import.meta.url), 'utf8')) as {
      checked: string
      changed: Record<string, string>
    }
    known = { checked: new Set(file.checked.split(' ')), changed: file.changed }
  }
  return known
}

/**
 * A word's dictionary form by compromise ("sought" → "seek", "officials" → "official"), read without its
 * sentence: from the shipped table for common words, else parsed once and remembered.
 */
export function lemma(word: string): string {
  const lower = word.toLowerCase()
  const { checked, changed } = table()
  if (Object.hasOwn(changed, lower)) return changed[lower]
  if (checked.has(lower)) return lower
  let root = LEMMAS.get(lower)
  if (root === undefined) {
    const doc = compromise()(lower) as unknown as {
      compute(hook: string): void
      json(o: object): Array<{ terms: Array<{ root?: string; normal?: string }> }>
    }
    doc.compute('root')
    const term = doc.json({ terms: { root: true, normal: true } })[0]?.terms[0]
    root = term?.root ?? term?.normal ?? lower
    if (LEMMAS.size >= LEMMAS_KEPT) LEMMAS.clear()
    LEMMAS.set(lower, root)
  }
  return root
}
