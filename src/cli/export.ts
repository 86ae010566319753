// `claimtrail export`: the store as CSV (one row per statement) or JSON (docs/design.md, Surfaces: Exports).

import { once } from 'node:events'
import { createWriteStream, existsSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { type Command, Option } from 'commander'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { writeClaimBatchesCsv, writeClaimsCsv, writeVoiceBatchesCsv } from '../export/claims-csv.js'
import { writeStatementBatchesCsv, writeStatementsCsv, writeStreamedStatementsCsv } from '../export/csv.js'
import { exportData, exportJson } from '../export/json.js'
import { textsPath } from '../store/file.js'
import { isDatabaseUrl, openStore } from '../store/open.js'
import { PgStore } from '../store/pg/pg-store.js'
import { streamStatements } from '../store/statement-stream.js'
import { Store } from '../store/store.js'
import { textLookup } from '../store/texts.js'
import { publicUrlOf } from '../web/hosts.js'
import { dbOption } from './options.js'

interface ExportOptions {
  format: 'csv' | 'json'
  what: 'statements' | 'claims' | 'claim-speakers'
  db: string
  out?: string
  publicUrl?: URL
}

export function exportCommand(program: Command): void {
  program
    .command('export')
    .description('print the store as CSV (one row per statement, per claim, or per claim and speaker) or JSON')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .addOption(
      new Option(
        '--what <table>',
        'the CSV table: statements; claims with who asserted and denied them; or claim-speakers, a row per claim, speaker and side',
      )
        .choices(['statements', 'claims', 'claim-speakers'])
        .default('statements'),
    )
    .addOption(dbOption())
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--public-url <url>', "the desk's address (https://claims.example.org): each statement's link opens there", publicUrlOf)
    .action(async (options: ExportOptions) => {
      // Opening would create an empty store; for an export that only hides a mistyped path behind empty output.
      if (!isDatabaseUrl(options.db) && !existsSync(options.db))
        throw new NotFoundError(`${options.db}: no store there. Check --db (or CLAIMTRAIL_DB), or ingest articles first.`)
      if (options.what !== 'statements' && options.format !== 'csv')
        throw new InvalidInputError(
          `--what ${options.what} is a CSV table: drop --format json (the JSON export already holds every claim).`,
        )
      const base = options.publicUrl?.origin
      if (options.format === 'csv' && options.what === 'statements') {
        // The whole statements table is read from the file as it is written out: no store in memory.
        const streamed = isDatabaseUrl(options.db) ? undefined : await streamStatements(options.db)
        if (streamed) {
          const out = options.out ? await openOut(options.out) : process.stdout
          await writeStreamedStatementsCsv(streamed.tables, streamed.statements, out, {
            end: out !== process.stdout,
            textOf: textLookup(textsPath(options.db)),
            base,
          })
          return
        }
      }
      const store = await openStore(options.db, { readOnly: true })
      const out = options.out ? await openOut(options.out) : process.stdout
      // stdout is not ours to close; a file is, once the table is written.
      const end = out !== process.stdout
      // A database's tables come a batch at a time, as of one moment: no table in memory (read whole, the 272,493
      // claim summaries of 1M statements took the process to 710 MB).
      if (options.what === 'claim-speakers')
        await writeVoiceBatchesCsv(store instanceof PgStore ? store.claimTable() : oneBatch(await store.claims()), out, { end })
      else if (options.what === 'claims' && store instanceof PgStore) await writeClaimBatchesCsv(store.claimTable(), out, { end })
      else if (options.what === 'claims') await writeClaimsCsv(await store.claims(), out, { end })
      else if (options.format === 'csv' && store instanceof PgStore)
        await writeStatementBatchesCsv(store.statementTable(), out, { end, base })
      else if (options.format === 'csv')
        await writeStatementsCsv(exportData(await store.tables()), out, {
          end,
          textOf: store instanceof Store ? (id) => store.article(id)?.text : undefined,
          base,
        })
      else await pipeline(Readable.from([exportJson(exportData(await store.tables()))]), out, { end })
      await store.close()
    })
}

async function* oneBatch<T>(items: T[]): AsyncGenerator<T[]> {
  yield items
}

async function openOut(path: string) {
  const file = createWriteStream(path)
  try {
    await once(file, 'open')
  } catch (error) {
    throw new InvalidInputError(`cannot write ${path} (${(error as Error).message}). Check that its folder exists and is writable.`)
  }
  return file
}
