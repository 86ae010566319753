// Downloads: the tables as files a spreadsheet opens. Streamed, so a large store never sits in memory twice.

import type { Writable } from 'node:stream'
import type { RequestHandler, Response } from 'express'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { writeClaimBatchesCsv, writeVoiceBatchesCsv } from '../export/claims-csv.js'
import { type CsvOptions, writeStatementBatchesCsv, writeStatementsCsv } from '../export/csv.js'
import { exportData } from '../export/json.js'
import { claimsOfView, narrows, parseClaimsForm } from './claim-filters.js'
import type { WebStore } from './web-store.js'

/**
 * The statements table of a store that holds its tables in memory (the JSON store), `only` some of them, with the
 * texts of just their articles read for the sentence column.
 */
export async function writeStoreStatementsCsv(
  store: WebStore,
  out: Writable,
  only: CsvOptions['only'] = () => true,
  base?: string,
): Promise<void> {
  const data = exportData(await store.tables())
  // The JSON store answers article() at once, reading the one text from its file: the rows come an article at a
  // time, so the last text is kept and no other.
  let last: { id: string; text: string | undefined } | undefined
  const textOf = (id: string) => {
    if (last?.id !== id) {
      const article = store.article(id)
      last = { id, text: article instanceof Promise ? undefined : article?.text }
    }
    return last.text
  }
  await writeStatementsCsv(data, out, { only, textOf, base })
}

/** The site's own address, as the request or --public-url gave it (hosts.ts): each CSV row links to its statement. */
export const siteOf = (res: Response): string | undefined => res.locals.origin as string | undefined

export function exportHandlers(store: WebStore) {
  /**
   * Every statement, or with `?claim=ID` one claim's statements (the claim page links there), or with the claims
   * list's filters (`?speaker=…&denied=1`) the statements of the claims that view shows, all its pages.
   */
  const statementsCsv: RequestHandler = async (req, res) => {
    const { claim: _claim, ...filters } = req.query as Record<string, unknown>
    const view = parseClaimsForm(filters)
    if (narrows(view) && _claim === undefined) {
      const kept = new Set<string>()
      for await (const batch of claimsOfView(store, view)) for (const c of batch) for (const id of c.claim.statementIds) kept.add(id)
      res.attachment('claimtrail-statements-filtered.csv')
      res.type('text/csv; charset=utf-8')
      if (store.statementBatches) return writeStatementBatchesCsv(store.statementBatches({ ids: [...kept] }), res, { base: siteOf(res) })
      await writeStoreStatementsCsv(store, res, (s) => kept.has(s.id), siteOf(res))
      return
    }
    const claimId = req.query.claim
    if (claimId !== undefined && typeof claimId !== 'string') {
      throw new InvalidInputError('Give one claim id at most: /export/statements.csv?claim=ID.')
    }
    if (claimId !== undefined && !(await store.claim(claimId))) {
      throw new NotFoundError(`There is no claim "${claimId}" to export. Every stored claim is linked from the claims list.`)
    }
    res.attachment(claimId ? `claimtrail-statements-${fileSafe(claimId)}.csv` : 'claimtrail-statements.csv')
    res.type('text/csv; charset=utf-8')
    if (store.statementBatches)
      return writeStatementBatchesCsv(store.statementBatches(claimId ? { claim: claimId } : {}), res, { base: siteOf(res) })
    await writeStoreStatementsCsv(store, res, claimId ? (s) => s.claim === claimId : undefined, siteOf(res))
  }

  /** One row per claim, with the claims list's filters and sort (`?speaker=…`); every page of that view. */
  const claimsCsv: RequestHandler = async (req, res) => {
    const view = parseClaimsForm(req.query as Record<string, unknown>)
    res.attachment('claimtrail-claims.csv')
    res.type('text/csv; charset=utf-8')
    await writeClaimBatchesCsv(claimsOfView(store, view), res)
  }

  /** One row per claim, speaker and side (asserted, denied, declined) of the same view: a pivot table's input. */
  const voicesCsv: RequestHandler = async (req, res) => {
    const view = parseClaimsForm(req.query as Record<string, unknown>)
    res.attachment('claimtrail-claim-speakers.csv')
    res.type('text/csv; charset=utf-8')
    await writeVoiceBatchesCsv(claimsOfView(store, view), res)
  }

  return { statementsCsv, claimsCsv, voicesCsv }
}

// Claim ids hold colons ("harbour:c1"), which some systems refuse in file names.
function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)
}
