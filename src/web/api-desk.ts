// The desk's decisions through the JSON API, for a script that reviews while the server runs: verdicts, claim
// and speaker merges, a statement's stance, kind, speaker, claim or rejection, and undo. Each is checked by the
// same rules as the claim page's forms (claim-review.ts, undo.ts), goes through store.decide, and is answered
// 201 with the logged decision and its address (Location). The log itself is read at /api/decisions.
import type { Request, Response } from 'express'
import { InvalidInputError, NotFoundError } from '../errors.js'
import type { Decision } from '../store/decisions.js'
import type { LogEntry } from '../store/schema.js'
import { bodyFields, type Documented } from './api-routes.js'
import { factsGiven } from './article-facts.js'
import { jsonBody } from './bodies.js'
import {
  claimHistory,
  claimNamed,
  correctionDecision,
  decidedBy,
  historyLine,
  placed,
  reviewDecision,
  verdictScale,
} from './claim-review.js'
import { operationOf } from './openapi.js'
import { pageOf, paging, text } from './query.js'
import { otherSpeaker } from './speaker-review.js'
import { undoAt, undoFor } from './undo.js'
import type { WebStore } from './web-store.js'

const PER_PAGE = 20
const decisionHref = (place: number) => `/api/decisions/${place}`

/** A logged decision as the API shows it: its place, a sentence for it, and where to undo it when it can be. */
function decisionJson(log: readonly LogEntry[], place: number) {
  const { at, by, action, detail } = log[place]
  return {
    place,
    at,
    by,
    action,
    detail,
    what: historyLine(log[place]).what,
    undo: undoFor(log, place) ? `${decisionHref(place)}/undo` : null,
  }
}

/** Where `entry` (just returned by store.decide) sits in the log: the last entry that is it, field for field. */
function placeOf(log: readonly LogEntry[], entry: LogEntry): number {
  const same = JSON.stringify(entry)
  for (let i = log.length - 1; i >= 0; i--) if (log[i] === entry || JSON.stringify(log[i]) === same) return i
  return log.length - 1
}

export function deskRoutes(store: WebStore, api: Documented): void {
  const scale = verdictScale()
  const body = jsonBody('64kb')

  /** A decision route: its fields read as the document says, then `decide` works out the decision from them. */
  const decision = (
    route: string,
    decide: (req: Request<{ id: string; place: string }>, fields: Record<string, string | boolean>) => Promise<Decision>,
  ) => {
    const operation = operationOf('post', route)
    api.post(route, body, async (req, res) => {
      const fields = bodyFields(req, operation)
      const decided = await decide(req as Request<{ id: string; place: string }>, fields)
      await answer(res, decided, decidedBy(fields, res))
    })
  }

  const answer = async (res: Response, decided: Decision, by: string) => {
    const entry = await store.decide(decided, by)
    const log = await store.decisions()
    const place = placeOf(log, entry)
    res.status(201).location(decisionHref(place)).json(decisionJson(log, place))
  }

  const claimOf = async (id: string) => {
    const ledger = await store.claim(id)
    if (!ledger) throw new NotFoundError(`There is no claim "${id}". GET /api/claims lists every claim with its id.`)
    return ledger
  }
  const statementOf = async (id: string) => {
    const statement = await store.statement(id)
    if (!statement) throw new NotFoundError(`There is no statement "${id}". GET /api/statements lists them with their ids.`)
    if (statement.rejected) throw new InvalidInputError(`Statement "${id}" is rejected as a false extraction: undo its rejection first.`)
    return statement
  }
  /** A correction made as the claim page's forms make it (claim-review.ts correctionDecision). */
  const correction = async (id: string, form: Record<string, unknown>) => correctionDecision((await statementOf(id)).id, form, store)

  decision('/claims/:id/verdict', async (req, fields) => reviewDecision((await claimOf(req.params.id)).claim.id, fields, scale))
  decision('/claims/:id/merge', async (req, fields) => {
    const from = (await claimOf(req.params.id)).claim.id
    const { id, ledger } = await claimNamed(store, typeof fields.into === 'string' ? fields.into.trim() : '')
    if (!ledger)
      throw new InvalidInputError(id ? `There is no claim "${id}" to merge into.` : 'Give "into": the claim to merge this one into.')
    if (ledger.claim.id === from) throw new InvalidInputError(`"${id}" is this claim. Give another claim to merge it into.`)
    return { action: 'merge-claims', into: ledger.claim.id, from }
  })
  decision('/statements/:id/review', async (req, fields) => {
    const given = (['stance', 'kind', 'reject'] as const).filter((name) => fields[name] !== undefined && fields[name] !== false)
    if (given.length !== 1) throw new InvalidInputError('Send one of "stance", "kind" or "reject": true (with a "reason") in a request.')
    if (given[0] === 'reject') return correction(req.params.id, { action: 'reject-statement', reason: fields.reason })
    if (fields.reason !== undefined) throw new InvalidInputError('"reason" goes with "reject": true only.')
    return correction(req.params.id, { action: `set-${given[0]}`, [given[0]]: fields[given[0]] })
  })
  decision('/statements/:id/speaker', async (req, fields) =>
    correction(req.params.id, { action: 'set-speaker', speaker: fields.speaker, speakerType: fields.type }),
  )
  decision('/statements/:id/move', async (req, fields) => correction(req.params.id, { action: 'move-statement', claim: fields.claim }))
  decision('/statements/:id/split', async (req) => correction(req.params.id, { action: 'split-statement' }))
  decision('/speakers/:id/merge', async (req, fields) => {
    const from = await store.speaker(req.params.id)
    if (!from) throw new NotFoundError(`There is no speaker "${req.params.id}". GET /api/speakers lists them with their ids.`)
    const into = await otherSpeaker(store, typeof fields.into === 'string' ? fields.into.trim() : '', from)
    if (into.id === from.id) throw new InvalidInputError(`"${fields.into}" is this speaker. Give another speaker to merge it into.`)
    return { action: 'merge-speakers', into: into.id, from: from.id }
  })
  decision('/articles/:id/facts', async (req, fields) => {
    const article = await store.article(req.params.id)
    if (!article) throw new NotFoundError(`There is no article "${req.params.id}". GET /api/articles lists them with their ids.`)
    // Left out, a fact stays as stored (only those sent reach the store, so two scripts correcting two facts at
    // once keep both); sent empty, it is cleared.
    const facts = factsGiven(fields)
    if (!Object.keys(facts).length) throw new InvalidInputError('Send at least one of "title", "outlet", "date" or "url".')
    return { action: 'set-article', article: article.id, facts }
  })
  decision('/decisions/:place/undo', async (req) => undoAt(await store.decisions(), req.params.place))

  api.get('/decisions', async (req, res) => {
    const log = await store.decisions()
    const claim = text(req.query, 'claim')
    const entries = claim ? claimHistory(await claimOf(claim), log) : placed(log, () => true)
    const page = pageOf(entries, paging(req.query, PER_PAGE))
    res.json({ ...page, items: page.items.map(({ place }) => decisionJson(log, place)) })
  })

  api.get('/decisions/:place', async (req, res) => {
    const log = await store.decisions()
    const asked = String(req.params.place)
    const place = /^\d{1,9}$/.test(asked) ? Number(asked) : -1
    if (!log[place]) throw new NotFoundError(`There is no decision ${asked}: the log holds ${log.length}, from 0.`)
    res.json(decisionJson(log, place))
  })
}
