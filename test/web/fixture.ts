// A short harbour story written for these tests, its statements built by hand from real slices of the text,
// filed in a real store file in a temporary folder (or, with CLAIMTRAIL_TEST_STORE=postgres, a database of its own).
import type { Extraction, Span, Speaker, Statement } from '../../src/pipeline/types.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import type { ArticleInput } from '../../src/store/schema.js'
import type { Store } from '../../src/store/store.js'
import { freshDatabase } from '../pg/database.js'
import { tempStore } from '../store/temp-store.js'

export const HARBOUR = [
  'Harbour board to sell the old ferry pier',
  '',
  'The harbour board has agreed to sell the old ferry pier to a hotel group, according to two councillors. ' +
    '"The pier will be sold before the summer," Mayor Ana Ruiz told the Gazette on Tuesday. "We have no other choice."',
  'The board denied that any sale had been agreed. Its spokesperson, Tom Reyes, said no offer was on the table.',
].join('\n')

/** The span of `phrase` in `text`, after `after` when the phrase occurs more than once. */
export function spanOf(text: string, phrase: string, after = ''): Span {
  const start = text.indexOf(phrase, after ? text.indexOf(after) : 0)
  if (start < 0) throw new Error(`fixture text has no "${phrase}"`)
  return { start, end: start + phrase.length, text: phrase }
}

export function speakerOf(text: string, name: string, mention: string, type: Speaker['type'], role: string | null = null): Speaker {
  return { name, type, role, mention: spanOf(text, mention) }
}

export function statementOf(fields: Partial<Statement> & Pick<Statement, 'content' | 'stance' | 'claim'>): Statement {
  return {
    kind: 'indirect',
    cue: null,
    speaker: null,
    via: null,
    date: null,
    datePrecision: null,
    dateText: null,
    link: { how: 'new', confidence: 1 },
    confidence: 0.9,
    rule: 'hand-built',
    ...fields,
  }
}

export function harbourExtraction(text = HARBOUR): Extraction {
  const at = (phrase: string, after = '') => spanOf(text, phrase, after)
  return {
    claims: [
      { id: 'c1', text: 'The harbour board has agreed to sell the old ferry pier' },
      { id: 'c2', text: 'There is an offer for the pier' },
    ],
    statements: [
      statementOf({
        stance: 'assert',
        claim: 'c1',
        content: [at('The harbour board has agreed to sell the old ferry pier to a hotel group')],
        cue: at('according to'),
        speaker: speakerOf(text, 'two councillors', 'two councillors', 'anonymous'),
        rule: 'according-to',
      }),
      statementOf({
        stance: 'assert',
        claim: 'c1',
        kind: 'direct',
        content: [at('The pier will be sold before the summer,'), at('We have no other choice.')],
        cue: at('told'),
        speaker: speakerOf(text, 'Ana Ruiz', 'Mayor Ana Ruiz', 'person', 'mayor'),
        via: 'the Gazette',
        date: '2025-03-04',
        datePrecision: 'day',
        dateText: 'on Tuesday',
        rule: 'quote-comma-name-verb',
      }),
      statementOf({
        stance: 'deny',
        claim: 'c1',
        content: [at('any sale had been agreed')],
        cue: at('denied'),
        speaker: speakerOf(text, 'Harbour board', 'The board', 'organization'),
        rule: 'deny-that',
      }),
      statementOf({
        stance: 'deny',
        claim: 'c2',
        content: [at('no offer was on the table')],
        cue: at('said', 'Tom Reyes'),
        speaker: speakerOf(text, 'Tom Reyes', 'Tom Reyes', 'person', 'spokesperson for the harbour board'),
      }),
    ],
  }
}

export const HARBOUR_ARTICLE: ArticleInput = {
  id: 'harbour',
  text: HARBOUR,
  title: 'Harbour board to sell the old ferry pier',
  outlet: 'The Gazette',
  url: 'https://gazette.example/harbour-pier',
  published: '2025-03-05',
}

/**
 * Either backend. Its reads answer at once (JSON) or with a promise (PostgreSQL): typed as both, a read a test
 * forgot to await does not compile.
 */
export type TestStore = Store | PgStore

export interface StoreFixture {
  store: TestStore
  /** Another store over the same file or database, for reading only, as a server started afresh would see it. */
  reopen(): Promise<TestStore>
  /** Closes the store and every one `reopen` gave, then removes the folder or drops the database. */
  cleanup(): Promise<void>
}

/**
 * A store in a fresh temporary folder with the given articles filed. With CLAIMTRAIL_TEST_STORE=postgres it is a
 * PostgreSQL store in a database of its own instead.
 */
export async function storeWith(articles: Array<[ArticleInput, Extraction]>): Promise<StoreFixture> {
  if (process.env.CLAIMTRAIL_TEST_STORE === 'postgres') return databaseStoreWith(articles)
  const { store, open, remove } = await tempStore()
  for (const [article, extraction] of articles) await store.addArticle(article, extraction)
  return { store, reopen: () => open(store.path, { readOnly: true }), cleanup: remove }
}

async function databaseStoreWith(articles: Array<[ArticleInput, Extraction]>): Promise<StoreFixture> {
  const db = await freshDatabase()
  if (!db) throw new Error('CLAIMTRAIL_TEST_STORE=postgres, and no PostgreSQL server answered: set PGHOST.')
  const store = await PgStore.open(db.url)
  const opened = [store]
  for (const [article, extraction] of articles) await store.addArticle(article, extraction)
  return {
    store,
    async reopen() {
      const reader = await PgStore.open(db.url, { readOnly: true })
      opened.push(reader)
      return reader
    },
    async cleanup() {
      for (const each of opened.splice(0).reverse()) await each.close()
      await db.drop()
    },
  }
}
