// Re-ingesting a stored text with other facts (a pasted article given its title, an outlet's feed with the date
// now filled in) corrects the stored article instead of being turned away as "already stored": each fact the new
// input gives, where it differs, replaces the stored one, as a logged decision (set-article) the desk can undo.
// A fact the input leaves out is kept: a second feed without dates never wipes the dates the first one gave.
import { type ArticleFacts, FACTS } from '../store/decisions.js'
import type { ArticleInput } from '../store/schema.js'
import { headlineOf } from './headline.js'

/** The facts the input gives that differ from the stored ones, or null when it changes none. */
export function newFacts(stored: ArticleFacts, input: Partial<ArticleInput>): Partial<ArticleFacts> | null {
  const facts: Partial<ArticleFacts> = {}
  for (const name of FACTS) {
    const given = input[name]
    if (given === undefined || given === null || given === stored[name]) continue
    // A title read off the text's first line is a guess (headline.ts): a title given before is kept over it.
    if (name === 'title' && stored.title !== null && input.text && given === headlineOf(input.text)) continue
    facts[name] = given
  }
  return Object.keys(facts).length ? facts : null
}

/** Who a re-ingest's corrections are logged as, when no person is named: the tool that read the input. */
export const INGEST_BY = 'claimtrail ingest'
