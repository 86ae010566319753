// `claimtrail claims`: the claim ledger in the terminal — each claim with who asserted it and who denied it.
import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import { NotFoundError } from '../errors.js'
import { type ClaimsQuery, filterClaims } from '../store/claim-filter.js'
import { Store } from '../store/store.js'
import { ledgerText } from './ledger-text.js'
import { dbOption } from './options.js'

type ClaimsOptions = Pick<ClaimsQuery, 'speaker' | 'denied' | 'anonymousOnly' | 'acrossArticles'> & { db: string }

export function claimsCommand(program: Command): void {
  program
    .command('claims')
    .description('list the stored claims with who asserted and who denied each, oldest statement first')
    .option('--speaker <name>', 'only claims this speaker asserted, denied or declined (any alias: "Zhao" finds Zhao Lijian)')
    .option('--denied', 'only claims someone denied')
    .option('--anonymous-only', 'only claims whose every supporter is an anonymous source')
    .option('--across-articles', 'only claims carried by more than one article (one claim followed across outlets)')
    .addOption(dbOption())
    .action(async (options: ClaimsOptions) => {
      if (!existsSync(options.db))
        throw new NotFoundError(`${options.db}: no store there. Check --db (or CLAIMTRAIL_DB), or ingest articles first.`)
      const store = await Store.open(options.db, { readOnly: true })
      const { speaker, denied, anonymousOnly, acrossArticles } = options
      const query: ClaimsQuery = { speaker, denied, anonymousOnly, acrossArticles }
      const claims = filterClaims(store.claims(), query, (id) => store.speaker(id))
      if (claims.length === 0) {
        console.log(
          store.claims().length
            ? 'No claim matches these filters.'
            : 'The store holds no claims yet: `claimtrail ingest ARTICLE.txt` adds some.',
        )
        return
      }
      console.log(claims.map(ledgerText).join('\n\n'))
      console.log(`\n${claims.length} claim${claims.length === 1 ? '' : 's'}`)
    })
}
