// A second article for the claims tests, from another outlet a month later, so every filter has something to
// keep and something to drop; and a way to read claim ids off a list page.

import { exportData } from '../../src/export/json.js'
import type { Extraction } from '../../src/pipeline/types.js'
import type { ArticleInput, StoreTables } from '../../src/store/schema.js'
import { HARBOUR_ARTICLE, harbourExtraction, spanOf, speakerOf, statementOf, storeWith } from './fixture.js'

export const FERRY = [
  'Council to pay for a new ferry',
  '',
  'The council will pay for a new ferry next year, Ruiz said on Monday. A senior official said the mayor plans to step down in the autumn.',
].join('\n')

export function ferryExtraction(text = FERRY): Extraction {
  return {
    claims: [
      { id: 'c1', text: 'The council will pay for a new ferry next year' },
      { id: 'c2', text: 'The mayor plans to step down in the autumn' },
    ],
    statements: [
      statementOf({
        stance: 'assert',
        claim: 'c1',
        content: [spanOf(text, 'The council will pay for a new ferry next year')],
        cue: spanOf(text, 'said'),
        speaker: speakerOf(text, 'Ana Ruiz', 'Ruiz', 'person', 'mayor'),
        date: '2025-04-07',
        datePrecision: 'day',
        dateText: 'on Monday',
      }),
      statementOf({
        stance: 'assert',
        claim: 'c2',
        content: [spanOf(text, 'the mayor plans to step down in the autumn')],
        cue: spanOf(text, 'said', 'official'),
        speaker: speakerOf(text, 'a senior official', 'A senior official', 'anonymous'),
      }),
    ],
  }
}

export const FERRY_ARTICLE: ArticleInput = {
  id: 'ferry',
  text: FERRY,
  title: 'Council to pay for a new ferry',
  outlet: 'The Courier',
  url: 'https://courier.example/ferry',
  published: '2025-04-10',
}

export const twoArticles = () =>
  storeWith([
    [HARBOUR_ARTICLE, harbourExtraction()],
    [FERRY_ARTICLE, ferryExtraction()],
  ])

/** The claim ids a list page shows, in order. */
export function listedIds(html: string): string[] {
  return [...html.matchAll(/<li class="claim">\s*<h2><a href="\/claims\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]))
}

/** Everything the store holds, to check that a refused form changed nothing. */
export async function snapshot(store: {
  tables(): StoreTables | Promise<StoreTables>
  decisions(): readonly unknown[] | Promise<readonly unknown[]>
}) {
  return JSON.stringify({ data: exportData(await store.tables()), log: await store.decisions() })
}
