// Phrase search: the words of a query between double quotes must stand in a row, as typed (case aside), in what
// was said: "no other choice" finds that phrase, not "no choice other". The query's words still narrow the
// statements through the word index first; the phrase is checked on the few it keeps. One rule for both stores:
// a JavaScript pattern for the word index's statements, a PostgreSQL one (the same shape) for the database's.
import { WORD } from './word-keys.js'

/** The quoted parts of a query, each as its words; a quote left open runs to the end. */
export function phrasesOf(q: string | undefined): string[][] {
  if (!q) return []
  const phrases: string[][] = []
  for (const [, quoted] of q.matchAll(/["“”]([^"“”]*)(?:["“”]|$)/g)) {
    const words = [...quoted.matchAll(WORD)].map((m) => m[0])
    if (words.length) phrases.push(words)
  }
  return phrases
}

// A phrase's words hold letters, digits and the joiners of word-keys.ts's WORD: of those only the dot means
// anything in a pattern (an escaped hyphen is an error in a JavaScript pattern with the u flag).
const literal = (word: string) => word.replace(/\./g, '\\.')

/** The phrase as a case-blind pattern over a statement's content text (records.ts contentText). */
export function phrasePattern(words: readonly string[]): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${words.map(literal).join('[^\\p{L}\\p{N}]+')}(?:$|[^\\p{L}\\p{N}])`, 'iu')
}

/** The same pattern in PostgreSQL's regular expressions, for `~*`. */
export function phrasePatternSql(words: readonly string[]): string {
  return `(^|[^[:alnum:]])${words.map(literal).join('[^[:alnum:]]+')}($|[^[:alnum:]])`
}
