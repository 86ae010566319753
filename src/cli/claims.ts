import type { Command } from 'commander'
import { type ClaimsQuery, filterClaims } from '../store/claim-filter.js'
import { openStore } from '../store/open.js'
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
      const store = await openStore(options.db, { readOnly: true, mustExist: true })
      const { speaker, denied, anonymousOnly, acrossArticles } = options
      const query: ClaimsQuery = { speaker, denied, anonymousOnly, acrossArticles }
      const [all, speakers] = await Promise.all([store.claims(), store.speakers()])
      await store.close()
      const byId = new Map(speakers.map((s) => [s.id, s]))
      const current = (id: string) => {
        let record = byId.get(id)
        for (let hops = 0; record?.mergedInto && hops < 100; hops++) record = byId.get(record.mergedInto)
        return record
      }
      const claims = filterClaims(all, query, current)
      if (claims.length === 0) {
        console.log(
          all.length ? 'No claim matches these filters.' : 'The store holds no claims yet: `claimtrail ingest ARTICLE.txt` adds some.',
        )
        return
      }
      console.log(claims.map(ledgerText).join('\n\n'))
      console.log(`\n${claims.length} claim${claims.length === 1 ? '' : 's'}`)
    })
}
