// Claims: the list of every claim with who asserted and who denied it, and one claim's ledger.
import type { RequestHandler } from 'express'
import { NotFoundError } from '../errors.js'
import { claimPage } from './claim-page.js'
import { voiceLabels } from './voices.js'
import type { WebStore } from './web-store.js'

export function claimHandlers(store: WebStore) {
  const list: RequestHandler = async (_req, res) => {
    const summaries = await store.claims()
    const claims = summaries.map((s) => ({
      id: s.claim.id,
      text: s.claim.text,
      asserted: voiceLabels(s.asserted),
      denied: voiceLabels(s.denied),
      statementCount: s.statementCount,
      firstDate: s.firstDate,
      latestDate: s.latestDate,
      review: s.claim.review,
    }))
    res.render('claims/index', { title: 'Claims', claims })
  }

  const show: RequestHandler<{ id: string }> = async (req, res) => {
    const ledger = await store.claim(req.params.id)
    if (!ledger) {
      throw new NotFoundError(`There is no claim "${req.params.id}". Every stored claim is linked from the claims list.`)
    }
    res.render('claims/show', { title: `Claim: ${ledger.claim.text}`, page: claimPage(ledger) })
  }

  return { list, show }
}
