// Hostile articles inside the size limit, each ~1 MB of one shape that once made extraction slow down with the
// square of a sentence's length, of a quote's, or of the count of something (quote marks, cues, names, lines).
// The bench (`npm run bench:adversarial`) and the pipeline's bound test both build them from here.

export interface HostileKind {
  name: string
  /** What makes it hostile. */
  why: string
  article: (size: number) => string
}

/** `unit` repeated to `size` characters (cut at the last whole unit), between `head` and `tail`. */
const fill = (unit: string, size: number, head = '', tail = '') =>
  head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail

/** `n` words from a small vocabulary, deterministic, joined by `sep`. */
function words(size: number, vocabulary: string[], sep = ' '): string {
  const out: string[] = []
  let length = 0
  for (let i = 0; length < size; i++) {
    const w = vocabulary[(i * 7 + (i >> 3)) % vocabulary.length]
    out.push(w)
    length += w.length + sep.length
  }
  return out.join(sep)
}

const PLAIN = [
  'the',
  'minister',
  'budget',
  'plan',
  'would',
  'cut',
  'taxes',
  'for',
  'families',
  'in',
  'spring',
  'and',
  'raise',
  'spending',
  'on',
  'roads',
]
const CUES = [
  'said',
  'denied',
  'claimed',
  'told',
  'argued',
  'insisted',
  'warned',
  'added',
  'stated',
  'believes',
  'announced',
  'rejected',
  'praised',
  'expected',
]
const NAMES = ['John', 'Smith', 'Mary', 'Jones', 'Dmitry', 'Peskov', 'Jake', 'Sullivan', 'Zhao', 'Lijian', 'Eric', 'Sayers']

export const HOSTILE_KINDS: HostileKind[] = [
  { name: 'no-punctuation', why: 'one sentence of plain words', article: (n) => words(n, PLAIN) },
  { name: 'no-punctuation-cues', why: 'one sentence of words and cue verbs', article: (n) => words(n, [...PLAIN, ...CUES, 'he', 'she']) },
  { name: 'one-giant-quote', why: 'one quote the length of the article', article: (n) => `Smith said: "${words(n - 20, PLAIN)}."` },
  { name: 'quote-marks', why: '~250k straight quotation marks', article: (n) => fill('"a" ', n) },
  { name: 'curly-quote-marks', why: 'unbalanced curly quotes, opening only', article: (n) => fill('“ab ', n) },
  { name: 'yes-smith-said', why: 'the same short attributed quote, repeated', article: (n) => fill('"Yes," Smith said. ', n) },
  {
    name: 'yes-smith-said-one-sentence',
    why: 'attributed quotes with no full stop between them',
    article: (n) => fill('"Yes," Smith said, ', n),
  },
  { name: 'name-colon-said-lines', why: 'speaker-line shapes, one a line', article: (n) => fill('Name: said\n', n) },
  { name: 'speaker-lines', why: 'transcript lines', article: (n) => fill('WALLACE: We will cut taxes, he said.\nSMITH: No.\n', n) },
  {
    name: 'nested-brackets',
    why: 'brackets opened and never closed, then closed',
    article: (n) => `${'(['.repeat(n / 4)}said ${'])'.repeat(n / 4)}`,
  },
  { name: 'according-to', why: 'thousands of "according to"', article: (n) => fill('according to ', n) },
  { name: 'capitalised-names', why: 'one run of capitalised names', article: (n) => words(n, NAMES) },
  {
    name: 'names-and-cues',
    why: 'names each followed by a cue, one sentence',
    article: (n) =>
      words(
        n,
        NAMES.flatMap((name, i) => [name, CUES[i % CUES.length]]),
      ),
  },
  { name: 'many-colons', why: 'colons between every word', article: (n) => fill('Smith said: it is: ', n) },
  { name: 'unclosed-quotes', why: 'every sentence opens a quote it never closes', article: (n) => fill('He said "it is fine. ', n) },
  { name: 'only-newlines', why: 'one word and a million line breaks', article: (n) => `said\n${'\n'.repeat(n - 10)}end` },
  { name: 'he-said-pronouns', why: 'pronoun subjects and cues, one sentence', article: (n) => fill('he said she said they said it ', n) },
  { name: 'cue-verb-paragraph', why: 'a paragraph of nothing but cue verbs', article: (n) => words(n, CUES) },
  {
    name: 'commas',
    why: 'comma-joined clauses with cues and no full stop',
    article: (n) => fill('taxes will rise, the minister said, ', n),
  },
  { name: 'dashes-and', why: 'dash and conjunction clauses', article: (n) => fill('Smith said taxes rise — and spending falls ', n) },
  {
    name: 'frames',
    why: 'time and place frames after a cue',
    article: (n) => fill('on Monday in a statement ', n, 'Smith said ', ' that taxes rise.'),
  },
  {
    name: 'that-chains',
    why: '"X said that Y said that …", one sentence',
    article: (n) => fill('Smith said that Jones claimed that ', n, '', 'it rains.'),
  },
  {
    name: 'abbreviations',
    why: 'full stops that end no sentence',
    article: (n) => fill('Mr. Smith of the U.S. said Dr. Jones of D.C. ', n),
  },
  { name: 'single-quotes', why: 'apostrophes and single quotes', article: (n) => fill("Smith's 'plan' isn't 'fine,' he said ", n) },
  { name: 'one-long-word', why: 'a single 1 MB token', article: (n) => `Smith said ${'a'.repeat(n - 20)}.` },
  { name: 'noun-cues', why: '"his claim that" shapes', article: (n) => fill("Smith's claim that Jones's denial of the report ", n) },
]

export const hostileKind = (name: string): HostileKind | undefined => HOSTILE_KINDS.find((k) => k.name === name)
