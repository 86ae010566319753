// Claims: the list of every claim with who asserted and who denied it, one claim's ledger, and the forms a
// fact-checker sends from it. Every write goes through store.decide and answers with a redirect (303) back to
// the claim page, so reloading never sends a form twice.
import type { RequestHandler } from 'express'
import { PAIR_MODEL } from '../claims/pair-weights.js'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { SPEAKER_TYPES } from '../pipeline/types.js'
import type { ClaimLedger, ClaimSummary } from '../store/views.js'
import { checkFormToken } from './auth/index.js'
import { formBody } from './bodies.js'
import { claimFacets, claimsView, narrows, PER_PAGE, parseClaimsForm, queryString, rarerFiltersSet, SIDES, SORTS } from './claim-filters.js'
import { claimPage } from './claim-page.js'
import { claimHistory, claimNamed, correctionDecision, decidedBy, rememberName, reviewDecision, verdictScale } from './claim-review.js'
import { claimReview } from './json-ld.js'
import { claimSentences } from './sentences.js'
import { timelineChart } from './timeline-svg.js'
import { historyLines, type Undo, undoAt, undoneAt } from './undo.js'
import { voiceLabels } from './voices.js'
import type { WebStore } from './web-store.js'

/** What the claim page says after a form went through; keys from the redirect, never text from it. */
const DONE: Record<string, string> = {
  review: 'Your review is saved. It is listed under "History" below.',
  merged: 'The claims are merged: this claim now holds the statements of both. The merge can be undone from "History".',
  unmerged: 'The merge is undone: this claim is back with the statements it brought.',
  undone: 'The decision is undone. The undo is listed under "History", and can itself be undone.',
  'set-stance': "The statement's stance is corrected.",
  'set-kind': "The statement's kind is corrected.",
  'set-speaker': "The statement's speaker is corrected.",
  'move-statement': 'The statement moved to the other claim.',
  'split-statement': 'The statement is now a claim of its own.',
  'reject-statement': 'The statement is rejected as a false extraction. It stays on record, out of this claim.',
}

// The body is read, then its form token checked, before any handler sees it.
const form = [formBody('64kb'), checkFormToken]
/** The pages an undo may send the reviewer back to: a claim's, a speaker's, or an article's facts. */
const BACK = /^\/(claims\/[^/?#\s]+|speakers\/[^/?#\s]+|articles\/[^/?#\s]+\/facts)$/
const claimHref = (id: string) => `/claims/${encodeURIComponent(id)}`

/** A claim as the similar and found lists show it. */
const claimLine = (s: ClaimSummary) => ({
  id: s.claim.id,
  href: claimHref(s.claim.id),
  text: s.claim.text,
  statementCount: s.statementCount,
  asserted: voiceLabels(s.asserted),
  denied: voiceLabels(s.denied),
})

export function claimHandlers(store: WebStore) {
  // Read once: the desk's scale is part of how the server was started (README, "The web UI").
  const scale = verdictScale()

  const ledgerOf = async (id: string) => {
    const ledger = await store.claim(id)
    if (!ledger) throw new NotFoundError(`There is no claim "${id}". Every stored claim is linked from the claims list.`)
    return ledger
  }

  const list: RequestHandler = async (req, res) => {
    const query = parseClaimsForm(req.query as Record<string, unknown>)
    const { total, matched, shown } = await claimsView(store, query)
    const pages = Math.max(1, Math.ceil(matched / PER_PAGE))
    const facets = await claimFacets(store)
    const verdicts = [...new Set([...scale, ...facets.verdicts])]
    const outlets = facets.outlets
    const sentences = await claimSentences(
      store,
      shown.map((s) => s.claim),
    )
    res.render('claims/index', {
      title: 'Claims',
      claims: shown.map((s) => ({
        id: s.claim.id,
        href: claimHref(s.claim.id),
        text: s.claim.text,
        sentence: sentences.get(s.claim.id) ?? null,
        asserted: voiceLabels(s.asserted),
        denied: voiceLabels(s.denied),
        declined: voiceLabels(s.declined),
        statementCount: s.statementCount,
        articleCount: s.articleCount,
        firstDate: s.firstDate,
        latestDate: s.latestDate,
        review: s.claim.review,
      })),
      total,
      matched,
      query,
      narrowed: narrows(query),
      moreSet: rarerFiltersSet(query),
      skip: shown.length > 0 ? { href: '#claims', label: 'Skip to the claims' } : undefined,
      page: query.page,
      pages,
      from: matched ? (query.page - 1) * PER_PAGE + 1 : 0,
      to: (query.page - 1) * PER_PAGE + shown.length,
      previous: query.page > 1 ? `/claims${queryString(query, { page: query.page - 1 })}` : null,
      next: query.page < pages ? `/claims${queryString(query, { page: query.page + 1 })}` : null,
      firstPage: `/claims${queryString(query, { page: 1 })}`,
      claimsCsv: `/export/claims.csv${queryString(query, { page: 1 })}`,
      voicesCsv: `/export/claim-speakers.csv${queryString(query, { page: 1 })}`,
      statementsCsv: `/export/statements.csv${queryString(query, { page: 1 })}`,
      options: { sorts: SORTS, sides: SIDES, types: SPEAKER_TYPES, outlets, verdicts },
    })
  }

  /** The texts of the articles a ledger quotes, for the passages around each statement. */
  const textsOf = async (ledger: ClaimLedger): Promise<Map<string, string>> => {
    const ids = [...new Set(ledger.entries.map((entry) => entry.article.id))]
    return new Map(await Promise.all(ids.map(async (id) => [id, (await store.article(id))?.text ?? ''] as const)))
  }

  const show: RequestHandler<{ id: string }> = async (req, res) => {
    const ledger = await ledgerOf(req.params.id)
    // A merged claim's old address leads to the claim it joined.
    if (ledger.claim.id !== req.params.id) return res.redirect(302, claimHref(ledger.claim.id))
    const done = typeof req.query.done === 'string' && Object.hasOwn(DONE, req.query.done) ? DONE[req.query.done] : null
    const other = typeof req.query.claim === 'string' && (await store.claim(req.query.claim)) ? req.query.claim : null
    const find = typeof req.query.find === 'string' ? req.query.find.trim().slice(0, 200) : ''
    const log = await store.decisions()
    res.render('claims/show', {
      title: `Claim: ${ledger.claim.text}`,
      page: claimPage(ledger, await textsOf(ledger)),
      href: claimHref(ledger.claim.id),
      chart: timelineChart(ledger.entries),
      history: historyLines(log, claimHistory(ledger, log)),
      similar: (await store.similarClaims(ledger.claim.id, 5)).map(({ claim, confidence }) => ({ ...claimLine(claim), confidence })),
      find,
      threshold: PAIR_MODEL.threshold.toFixed(2),
      found: find
        ? (await claimsMatching(find, 11))
            .filter((c) => c.claim.id !== ledger.claim.id)
            .slice(0, 10)
            .map(claimLine)
        : null,
      scale,
      done,
      other: other ? { id: other, href: claimHref(other) } : null,
      types: SPEAKER_TYPES,
    })
  }

  const review: RequestHandler<{ id: string }> = async (req, res) => {
    const ledger = await ledgerOf(req.params.id)
    const body = req.body ?? {}
    const decision = reviewDecision(ledger.claim.id, body, scale)
    const by = decidedBy(body, res)
    await store.decide(decision, by)
    rememberName(res, by)
    res.redirect(303, `${claimHref(ledger.claim.id)}?done=review#review`)
  }

  const merge: RequestHandler<{ id: string }> = async (req, res) => {
    const ledger = await ledgerOf(req.params.id)
    const body = req.body ?? {}
    const by = decidedBy(body, res)
    const { id: into, ledger: target } = await claimNamed(store, typeof body.into === 'string' ? body.into.trim() : '')
    if (!target) {
      throw new InvalidInputError(
        into
          ? `There is no claim "${into}" to merge this claim into. Copy the id from that claim's address, after /claims/.`
          : "Give the id of the claim to merge this one into (it is in that claim's address, after /claims/).",
      )
    }
    if (target.claim.id === ledger.claim.id)
      throw new InvalidInputError(`"${into}" is this claim. Give the id of another claim to merge it into.`)
    await store.decide({ action: 'merge-claims', into: target.claim.id, from: ledger.claim.id }, by)
    rememberName(res, by)
    res.redirect(303, `${claimHref(target.claim.id)}?done=merged`)
  }

  /** Claims whose text holds every word searched for, or whose id it is; the most quoted first. */
  const claimsMatching = async (find: string, limit: number) => {
    if (store.claimsHolding) return store.claimsHolding(find, limit)
    const words = find.toLowerCase().split(/\s+/).filter(Boolean)
    return (await store.claims())
      .filter((c) => c.claim.id === find || words.every((w) => c.claim.text.toLowerCase().includes(w)))
      .sort((a, b) => b.statementCount - a.statementCount)
      .slice(0, limit)
  }

  const unmerge: RequestHandler<{ id: string }> = async (req, res) => {
    const ledger = await ledgerOf(req.params.id)
    const body = req.body ?? {}
    const by = decidedBy(body, res)
    const from = typeof body.from === 'string' ? body.from.trim() : ''
    const log = await store.decisions()
    const merge = [...log].reverse().find((e) => e.action === 'merge-claims' && e.detail.from === from)
    // A merge into this claim that is still in force: its latest merge entry, not undone since (undo.ts).
    if (!from || !merge || merge.detail.into !== ledger.claim.id || undoneAt(log, log.indexOf(merge))) {
      throw new InvalidInputError(
        `Claim "${from}" was not merged into this claim, or its merge is already undone. Use the "Undo" buttons under "History" on ${claimHref(ledger.claim.id)}.`,
      )
    }
    const statements = Array.isArray(merge.detail.statements)
      ? merge.detail.statements.filter((s): s is string => typeof s === 'string')
      : []
    await store.decide({ action: 'unmerge-claims', claim: from, statements, undoes: log.indexOf(merge) } as Undo, by)
    rememberName(res, by)
    res.redirect(303, `${claimHref(from)}?done=unmerged`)
  }

  const correct: RequestHandler<{ id: string; statement: string }> = async (req, res) => {
    const ledger = await ledgerOf(req.params.id)
    const body = req.body ?? {}
    const statement = req.params.statement
    if (!ledger.claim.statementIds.includes(statement)) {
      throw new InvalidInputError(
        `Statement "${statement}" is not one of this claim's statements. Use the forms under the statements on ${claimHref(ledger.claim.id)}.`,
      )
    }
    const by = decidedBy(body, res)
    const decision = await correctionDecision(statement, body, store)
    const entry = await store.decide(decision, by)
    rememberName(res, by)
    const other =
      decision.action === 'split-statement' ? entry.detail.newClaim : decision.action === 'move-statement' ? decision.claim : null
    const where = typeof other === 'string' ? `&claim=${encodeURIComponent(other)}` : ''
    res.redirect(303, `${claimHref(ledger.claim.id)}?done=${decision.action}${where}`)
  }

  /** Undoes the decision at a place in the log, from a page's history; the undo is a decision of its own. */
  const undo: RequestHandler<{ place: string }> = async (req, res) => {
    const body = req.body ?? {}
    const back = typeof body.back === 'string' && BACK.test(body.back) ? body.back : '/'
    const undoing = undoAt(await store.decisions(), req.params.place)
    const by = decidedBy(body, res)
    await store.decide(undoing, by)
    rememberName(res, by)
    res.redirect(303, `${back}?done=undone#history`)
  }

  const jsonLd: RequestHandler<{ id: string }> = async (req, res) => {
    const ledger = await ledgerOf(req.params.id)
    if (!ledger.claim.review) {
      res.status(409).render('claims/not-reviewed', { title: 'Not reviewed yet', href: claimHref(ledger.claim.id) })
      return
    }
    const page = `${res.locals.origin as string}${claimHref(ledger.claim.id)}`
    res.attachment(`claimreview-${ledger.claim.id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}.jsonld`)
    res.type('application/ld+json; charset=utf-8')
    res.send(`${JSON.stringify(claimReview(ledger, page), null, 2)}\n`)
  }

  return {
    list,
    show,
    review: [...form, review],
    merge: [...form, merge],
    unmerge: [...form, unmerge],
    correct: [...form, correct],
    undo: [...form, undo],
    jsonLd,
  }
}
