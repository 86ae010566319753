// The JSON API described as OpenAPI 3.1, served at /api/openapi.json. The routes are registered through
// `operationOf` (api-routes.ts), so a route the document does not describe fails at start, and each route refuses
// a query parameter the document does not list: the document and the routes cannot drift apart.
import { KINDS, SPEAKER_TYPES, STANCES } from '../pipeline/types.js'
import { CLAIM_SORTS } from './claim-query.js'

type Schema = Record<string, unknown>

export interface Parameter {
  name: string
  in: 'query' | 'path'
  required?: boolean
  description: string
  schema: Schema
}

export interface Operation {
  operationId: string
  summary: string
  description?: string
  parameters?: Parameter[]
  requestBody?: { required: boolean; content: Record<string, { schema: Schema }> }
  responses: Record<string, { description: string; headers?: Schema; content?: Record<string, { schema: Schema }> }>
  security?: Array<Record<string, string[]>>
}

const str = { type: 'string' }
const day = { type: 'string', format: 'date' }
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ 'application/json': { schema } })
const query = (name: string, description: string, schema: Schema = str): Parameter => ({ name, in: 'query', description, schema })
const path = (name: string, description: string): Parameter => ({ name, in: 'path', required: true, description, schema: str })

const PAGING = [
  query('page', 'The page, from 1.', { type: 'integer', minimum: 1 }),
  query('per', 'Items a page, 1 to 100 (20 by default).', { type: 'integer', minimum: 1, maximum: 100 }),
]
const FILTERS = {
  speaker: query('speaker', 'A speaker: any name they were written with, or their id.'),
  type: query('type', "The speaker's type.", { enum: SPEAKER_TYPES }),
  stance: query('stance', 'The stance of a statement.', { enum: STANCES }),
  outlet: query('outlet', 'The outlet that published the article (case does not matter).'),
  from: query('from', 'Statements made on or after this day.', day),
  to: query('to', 'Statements made on or before this day.', day),
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const READ_ERRORS = { '400': problem('A parameter cannot be read, or is not one this route takes.') }
const WRITE_ERRORS = {
  '400': problem('A field is missing or cannot be used; nothing was changed.'),
  '401': problem('Sign in or send a valid token (Authorization: Bearer TOKEN); nothing was changed.'),
  '403': problem('Refused: another site, or a server with no users reached from elsewhere; nothing was changed.'),
  '404': problem('There is no such record.'),
  '415': problem('The body is not application/json.'),
}
const page = (item: string) => ({
  description: 'One page.',
  content: json({
    type: 'object',
    required: ['items', 'page', 'per', 'total'],
    properties: {
      items: { type: 'array', items: ref(item) },
      page: { type: 'integer' },
      per: { type: 'integer' },
      total: { type: 'integer' },
      more: { type: 'boolean', description: 'There are more than total: the store stopped counting.' },
    },
  }),
})
const one = (item: string, description: string) => ({ description, content: json(ref(item)) })
const notFound = { '404': problem('There is no such record.') }

/** A decision sent to the API: its body, its fields' schema, answered 201 with the logged decision. */
function decision(operationId: string, summary: string, parameters: Parameter[], fields: Schema, required: string[] = []): Operation {
  return {
    operationId,
    summary,
    parameters,
    requestBody: {
      required: required.length > 0,
      content: json({
        type: 'object',
        required,
        properties: {
          ...fields,
          by: { type: 'string', maxLength: 100, description: "Who decides, when the server has no users; a token's user otherwise." },
        },
      }),
    },
    responses: {
      '201': {
        description: 'Decided and logged. Location is the logged decision; its undo is POST Location/undo.',
        headers: { Location: { schema: str, description: 'The decision: /api/decisions/N.' } },
        content: json(ref('Decision')),
      },
      ...WRITE_ERRORS,
    },
    security: [{ bearer: [] }, {}],
  }
}

const CLAIM = path('id', 'The claim id, as /api/claims lists it.')
const STATEMENT = path('id', 'The statement id, as /api/statements lists it.')
const SPEAKER = path('id', 'The speaker id, as /api/speakers lists it.')
const PLACE = path('place', "The decision's place in the log, from 0.")

/** Every route of the API by its OpenAPI path, then its method. */
export const PATHS: Record<string, Record<string, Operation>> = {
  '/api/claims': {
    get: {
      operationId: 'listClaims',
      summary: 'The claims, with who asserted and who denied each, filtered as the claims list filters them.',
      parameters: [
        ...Object.values(FILTERS),
        query('denied', 'true: claims somebody denied; false: claims nobody denied.', { type: 'boolean' }),
        query('reviewed', 'true: claims with a verdict; false: claims without one.', { type: 'boolean' }),
        query('sort', 'The order: as the claims page sorts them (latest by default there); the store order without it.', {
          enum: CLAIM_SORTS,
        }),
        ...PAGING,
      ],
      responses: { '200': page('Claim'), ...READ_ERRORS },
    },
  },
  '/api/claims/{id}': {
    get: {
      operationId: 'getClaim',
      summary: "A claim's ledger: every statement, with its speaker and its article (not the article's text).",
      parameters: [CLAIM],
      responses: { '200': one('Claim', 'The claim and its entries.'), ...notFound },
    },
  },
  '/api/claims/{id}/verdict': {
    post: decision(
      'giveVerdict',
      "Gives the claim a verdict on the desk's scale, with a note.",
      [CLAIM],
      { verdict: { type: 'string' }, note: { type: 'string', maxLength: 5000 } },
      ['verdict'],
    ),
  },
  '/api/claims/{id}/merge': {
    post: decision(
      'mergeClaims',
      'Merges this claim into another: that claim then holds the statements of both.',
      [CLAIM],
      {
        into: { type: 'string', description: "The other claim's id (or its address)." },
      },
      ['into'],
    ),
  },
  '/api/statements': {
    get: {
      operationId: 'listStatements',
      summary: 'Statements, by their words, speaker, stance, claim, article and date.',
      parameters: [
        query('q', 'Words the statement or its speaker holds.'),
        ...Object.values(FILTERS),
        query('claim', 'A claim id.'),
        query('article', 'An article id.'),
        ...PAGING,
      ],
      responses: { '200': page('Statement'), ...READ_ERRORS },
    },
  },
  '/api/statements/{id}/review': {
    post: decision(
      'reviewStatement',
      "Mends a statement's extraction: its stance, or its kind, or rejects it as a false extraction (one a request).",
      [STATEMENT],
      {
        stance: { enum: STANCES },
        kind: { enum: KINDS },
        reject: { type: 'boolean' },
        reason: { type: 'string', maxLength: 1000, description: 'Why it is rejected.' },
      },
    ),
  },
  '/api/statements/{id}/speaker': {
    post: decision(
      'reattributeStatement',
      'Gives the statement another speaker: a speaker id, or a name (made a speaker when new).',
      [STATEMENT],
      { speaker: { type: 'string', maxLength: 200 }, type: { enum: SPEAKER_TYPES } },
      ['speaker'],
    ),
  },
  '/api/statements/{id}/move': {
    post: decision(
      'moveStatement',
      'Moves the statement to another claim.',
      [STATEMENT],
      { claim: { type: 'string', description: "The other claim's id (or its address)." } },
      ['claim'],
    ),
  },
  '/api/statements/{id}/split': {
    post: decision('splitStatement', 'Makes the statement a claim of its own.', [STATEMENT], {}),
  },
  '/api/speakers': {
    get: {
      operationId: 'listSpeakers',
      summary: 'The speakers with their counts; q finds them by any name they were written with.',
      parameters: [query('q', 'Words of a name.'), ...PAGING],
      responses: { '200': page('Speaker'), ...READ_ERRORS },
    },
  },
  '/api/speakers/{id}': {
    get: {
      operationId: 'getSpeaker',
      summary: 'A speaker with their counts, and where to list their statements.',
      parameters: [SPEAKER],
      responses: { '200': one('Speaker', 'The speaker.'), ...notFound },
    },
  },
  '/api/speakers/{id}/merge': {
    post: decision(
      'mergeSpeakers',
      'Merges this speaker into another: the same person, written two ways.',
      [SPEAKER],
      { into: { type: 'string', description: "The other speaker's id, or a name exactly one speaker goes by." } },
      ['into'],
    ),
  },
  '/api/articles': {
    get: {
      operationId: 'listArticles',
      summary: 'The stored articles (without their texts), newest news first, with their statement counts.',
      parameters: PAGING,
      responses: { '200': page('Article'), ...READ_ERRORS },
    },
    post: {
      operationId: 'addArticles',
      summary: 'Extracts and stores one article, or up to 100; answers their statements and claim ids.',
      parameters: [query('queue', 'Queue the articles for the workers (a server over PostgreSQL) and answer at once.')],
      requestBody: {
        required: true,
        content: json({
          oneOf: [
            ref('ArticleInput'),
            { type: 'object', required: ['articles'], properties: { articles: { type: 'array', items: ref('ArticleInput') } } },
          ],
        }),
      },
      responses: {
        '201': { description: 'Stored.', content: json({ type: 'object' }) },
        '200': { description: 'The text was stored already.', content: json({ type: 'object' }) },
        '202': { description: 'Queued (?queue).', content: json({ type: 'object' }) },
        ...WRITE_ERRORS,
        '413': problem('An article or the body is too large.'),
      },
      security: [{ bearer: [] }, {}],
    },
  },
  '/api/articles/{id}': {
    get: {
      operationId: 'getArticle',
      summary: "An article's facts and its statements (not its text, which is the publisher's).",
      parameters: [path('id', 'The article id.')],
      responses: { '200': one('Article', 'The article.'), ...notFound },
    },
  },
  '/api/articles/{id}/facts': {
    post: decision(
      'setArticleFacts',
      "Corrects an article's facts: the fields sent replace the stored ones (an empty string clears one); those left out stay.",
      [path('id', 'The article id.')],
      { title: str, outlet: str, date: day, url: { type: 'string', description: 'An http(s) address.' } },
    ),
  },
  '/api/decisions': {
    get: {
      operationId: 'listDecisions',
      summary: "The reviewers' decisions, oldest first, each with its place and whether it can be undone.",
      parameters: [query('claim', 'Only the decisions that touched this claim or its statements.'), ...PAGING],
      responses: { '200': page('Decision'), ...READ_ERRORS },
    },
  },
  '/api/decisions/{place}': {
    get: {
      operationId: 'getDecision',
      summary: 'One logged decision.',
      parameters: [PLACE],
      responses: { '200': one('Decision', 'The decision.'), ...notFound },
    },
  },
  '/api/decisions/{place}/undo': {
    post: decision('undoDecision', 'Undoes a decision; the undo is logged as a decision of its own, and can be undone.', [PLACE], {}),
  },
  '/api/queue': {
    get: {
      operationId: 'queueCounts',
      summary: 'The job queue beside a PostgreSQL store: how many articles wait, run, are done or failed.',
      responses: { '200': { description: 'The counts.', content: json({ type: 'object' }) }, '404': problem('No queue here.') },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'openApi',
      summary: 'This document.',
      responses: { '200': { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } },
    },
  },
}

const loose = (properties: Schema, required: string[] = []) => ({ type: 'object', required, properties })

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'claimtrail',
    version: '1',
    description:
      'Who said what, and who denied it: claims, statements, speakers and articles, and the decisions a desk makes on them. Writes need a signed-in user or an API token (claimtrail users token NAME) once the server has users; with none, they are taken from this machine only, with "by" naming who decides.',
  },
  paths: PATHS,
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `claimtrail users token NAME`.' } },
    schemas: {
      Problem: loose(
        {
          type: str,
          title: str,
          status: { type: 'integer' },
          detail: { type: 'string', description: 'What is wrong and what to do.' },
          error: { type: 'string', description: 'The detail again, as answers carried it before problem details.' },
        },
        ['title', 'status', 'detail'],
      ),
      Claim: loose({ id: str, text: str, review: { type: ['object', 'null'] }, statementCount: { type: 'integer' } }, ['id', 'text']),
      Statement: loose({ id: str, claim: str, stance: { enum: STANCES }, kind: { enum: KINDS } }, ['id', 'claim', 'stance']),
      Speaker: loose({ id: str, name: str, type: { enum: SPEAKER_TYPES }, counts: { type: 'object' } }, ['id', 'name']),
      Article: loose(
        {
          id: str,
          title: { type: ['string', 'null'] },
          outlet: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
          published: { type: ['string', 'null'] },
        },
        ['id'],
      ),
      ArticleInput: loose(
        { text: str, title: str, outlet: str, date: day, url: str, id: { type: 'string', description: 'Your own id for it.' } },
        ['text'],
      ),
      Decision: loose(
        {
          place: { type: 'integer' },
          at: { type: 'string', format: 'date-time' },
          by: str,
          action: str,
          detail: { type: 'object' },
          what: { type: 'string', description: 'The decision in a sentence.' },
          undo: { type: ['string', 'null'], description: 'Where to POST to undo it; null when it cannot be undone.' },
        },
        ['place', 'at', 'by', 'action', 'detail'],
      ),
    },
  },
}

/** The document's operation for an express route under /api ("/claims/:id" → "/api/claims/{id}"). */
export function operationOf(method: string, route: string): Operation {
  const documented = `/api${route.replace(/:(\w+)/g, '{$1}')}`
  const operation = PATHS[documented]?.[method.toLowerCase()]
  if (!operation) throw new Error(`${method.toUpperCase()} ${documented} is not in the OpenAPI document (src/web/openapi.ts).`)
  return operation
}
