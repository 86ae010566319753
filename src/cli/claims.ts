// `claimtrail claims`: the claims list of the web, with its filters and its sorts, as text or JSON. The filters
// are the web form's (claim-filters.ts), read from flags, so a script and a reviewer see the same claims in the
// same order; on PostgreSQL they are the same indexed queries.
import { type Command, Option } from 'commander'
import { openStore } from '../store/open.js'
import { PgStore } from '../store/pg/pg-store.js'
import type { ClaimSummary } from '../store/views.js'
import { claimsOfView, parseClaimsForm, SIDES, SORTS } from '../web/claim-filters.js'
import { ledgerText } from './ledger-text.js'
import { dbOption } from './options.js'

interface ClaimsOptions {
  speaker?: string
  stance?: string
  type?: string
  outlet?: string
  from?: string
  to?: string
  review?: string
  denied?: boolean
  anonymousOnly?: boolean
  acrossArticles?: boolean
  sort: string
  json?: boolean
  db: string
}

export function claimsCommand(program: Command): void {
  program
    .command('claims')
    .description("list the stored claims with who asserted and who denied each, filtered and sorted as the web's claims list")
    .option('--speaker <name>', 'only claims this speaker asserted, denied or declined (any alias: "Zhao" finds Zhao Lijian)')
    .addOption(new Option('--stance <side>', 'only claims someone took this side of').choices(Object.keys(SIDES)))
    .option('--type <type>', 'only claims a speaker of this type spoke to: person, organization, country, anonymous, group, document')
    .option('--outlet <name>', 'only claims stated in this outlet')
    .option('--from <yyyy-MM-dd>', 'only claims with a statement made on or after this day')
    .option('--to <yyyy-MM-dd>', 'only claims with a statement made on or before this day')
    .option('--review <state>', 'reviewed, unreviewed, or a verdict ("False")')
    .option('--denied', 'only claims someone denied')
    .option('--anonymous-only', 'only claims whose every supporter is an anonymous source')
    .option('--across-articles', 'only claims carried by more than one article (one claim followed across outlets)')
    .addOption(
      new Option(
        '--sort <order>',
        Object.entries(SORTS)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; '),
      ).default('latest'),
    )
    .option('--json', 'print the claims as JSON, one object each, with every voice')
    .addOption(dbOption())
    .action(async (options: ClaimsOptions) => {
      // Speaker, type, stance, outlet and dates must all fit one statement, as on the web.
      const form = parseClaimsForm({
        speaker: options.speaker,
        type: options.type,
        stance: options.stance,
        outlet: options.outlet,
        from: options.from,
        to: options.to,
        review: options.review,
        denied: options.denied ? '1' : undefined,
        anonymous: options.anonymousOnly ? '1' : undefined,
        sort: options.sort,
      })
      const store = await openStore(options.db, { readOnly: true, mustExist: true })
      const claims: ClaimSummary[] = []
      let any = true
      try {
        for await (const batch of claimsOfView(store, form))
          for (const c of batch) if (!options.acrossArticles || c.articleCount > 1) claims.push(c)
        if (!claims.length) any = store instanceof PgStore ? (await store.claimsCount()) > 0 : (await store.claims()).length > 0
      } finally {
        await store.close()
      }
      if (options.json) {
        console.log(JSON.stringify(claims.map(claimJson), null, 2))
        return
      }
      if (claims.length === 0) {
        console.log(any ? 'No claim matches these filters.' : 'The store holds no claims yet: `claimtrail ingest ARTICLE.txt` adds some.')
        return
      }
      console.log(claims.map(ledgerText).join('\n\n'))
      console.log(`\n${claims.length} claim${claims.length === 1 ? '' : 's'}, ${SORTS[form.sort]}`)
    })
}

/** A claim as --json prints it: the claim, its counts and dates, and each voice on each side. */
function claimJson(c: ClaimSummary) {
  return {
    id: c.claim.id,
    text: c.claim.text,
    review: c.claim.review,
    statements: c.statementCount,
    articles: c.articleCount,
    firstDate: c.firstDate,
    latestDate: c.latestDate,
    anonymousSupport: c.anonymousSupport,
    asserted: c.asserted,
    denied: c.denied,
    declined: c.declined,
  }
}
