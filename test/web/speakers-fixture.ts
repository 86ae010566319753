// A second story for the speakers, search and API tests: a spokesperson written by his surname, two dates a
// year apart, and a hostile line of markup that must reach every page escaped.
import type { Extraction } from '../../src/pipeline/types.js'
import type { ArticleInput } from '../../src/store/schema.js'
import { spanOf, speakerOf, statementOf } from './fixture.js'

export const MINISTRY = [
  'Ministry rejects report on pier sale',
  '',
  'Chinese Foreign Ministry spokesperson Zhao Lijian said on Monday that the ferry report was a fabrication.',
  'Zhao denied that any loan had been offered. "<script>alert(1)</script> is not our policy," Zhao said.',
].join('\n')

export function ministryExtraction(text = MINISTRY): Extraction {
  const at = (phrase: string, after = '') => spanOf(text, phrase, after)
  const zhao = (mention: string) => speakerOf(text, 'Zhao Lijian', mention, 'person', 'Chinese Foreign Ministry spokesperson')
  return {
    claims: [
      { id: 'c1', text: 'the ferry report was a fabrication' },
      { id: 'c2', text: 'a loan had been offered' },
      { id: 'c3', text: '<script>alert(1)</script> is not our policy' },
    ],
    statements: [
      statementOf({
        stance: 'assert',
        claim: 'c1',
        content: [at('the ferry report was a fabrication')],
        cue: at('said'),
        speaker: zhao('Chinese Foreign Ministry spokesperson Zhao Lijian'),
        date: '2024-06-03',
        datePrecision: 'day',
        dateText: 'on Monday',
      }),
      statementOf({
        stance: 'deny',
        claim: 'c2',
        content: [at('any loan had been offered')],
        cue: at('denied'),
        speaker: zhao('Zhao'),
        date: '2024-06-01',
        datePrecision: 'month',
      }),
      statementOf({
        stance: 'assert',
        claim: 'c3',
        kind: 'direct',
        content: [at('<script>alert(1)</script> is not our policy,')],
        cue: at('said', '<script>'),
        speaker: zhao('Zhao'),
      }),
    ],
  }
}

export const MINISTRY_ARTICLE: ArticleInput = {
  id: 'ministry',
  text: MINISTRY,
  title: 'Ministry rejects report',
  outlet: 'Wire <b>Service</b>',
  url: 'javascript:alert(1)',
  published: '2025-07-01',
}
