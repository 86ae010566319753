// Downloads: the tables as files a spreadsheet opens. Streamed, so a large store never sits in memory twice.
import type { RequestHandler } from 'express'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { writeStatementsCsv } from '../export/csv.js'
import type { WebStore } from './web-store.js'

export function exportHandlers(store: WebStore) {
  /** Every statement, or with `?claim=ID` one claim's statements (the claim page links there). */
  const statementsCsv: RequestHandler = async (req, res) => {
    const claimId = req.query.claim
    if (claimId !== undefined && typeof claimId !== 'string') {
      throw new InvalidInputError('Give one claim id at most: /export/statements.csv?claim=ID.')
    }
    if (claimId !== undefined && !(await store.claim(claimId))) {
      throw new NotFoundError(`There is no claim "${claimId}" to export. Every stored claim is linked from the claims list.`)
    }
    const data = await store.exportData()
    res.attachment(claimId ? `claimtrail-statements-${fileSafe(claimId)}.csv` : 'claimtrail-statements.csv')
    res.type('text/csv; charset=utf-8')
    await writeStatementsCsv(data, res, { only: claimId ? (s) => s.claim === claimId : undefined })
  }

  return { statementsCsv }
}

// Claim ids hold colons ("harbour:c1"), which some systems refuse in file names.
function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)
}
