// The commands that look after a store's files: `check` reads every file and says what is wrong, `repair`
// rebuilds what it can after keeping a copy, `backup DEST` copies it while a server may be writing to it.
import type { Command } from 'commander'
import { StoreError } from '../errors.js'
import { backUpStore } from '../store/backup.js'
import { checkStore } from '../store/check.js'
import { repairStore } from '../store/repair.js'
import { loadPipeline } from './load.js'
import { dbOption } from './options.js'

export function storeCareCommands(program: Command): void {
  program
    .command('check')
    .description('read every file of a store and check each line and table against its checksum; exit 4 when anything is damaged')
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      const { lines, problems } = await checkStore(options.db)
      for (const line of lines) console.log(line)
      if (problems.length) {
        throw new StoreError(
          `${options.db} is damaged:\n${problems.map((p) => `  - ${p}`).join('\n')}\nRun \`claimtrail repair --db ${options.db}\` to rebuild it from what is intact (a copy of every file is kept first).`,
        )
      }
      console.log(`${options.db}: every file checks out.`)
    })

  program
    .command('repair')
    .description('rebuild a damaged store from its intact files, backups and texts, after keeping a copy of every file')
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      const { extract } = await loadPipeline()
      const { copy, lines } = await repairStore(options.db, extract)
      console.log(`kept a copy of every file in ${copy}`)
      for (const line of lines) console.log(line)
      const { problems } = await checkStore(options.db)
      if (problems.length)
        throw new StoreError(`the repaired store still does not check out:\n${problems.join('\n')}\nThe files as they were are in ${copy}.`)
      console.log(`${options.db}: repaired; every file checks out.`)
    })

  program
    .command('backup')
    .description('write a consistent copy of the store to DEST (a new store file, with its texts), even while a server writes to it')
    .argument('<dest>', 'the new store file to write, e.g. backups/claimtrail-2026-12-02.json')
    .addOption(dbOption())
    .action(async (dest: string, options: { db: string }) => {
      const copied = await backUpStore(options.db, dest)
      console.log(
        `${dest}: ${copied.articles} articles and ${copied.statements} statements, up to change ${copied.seq}; read back and checked.`,
      )
    })
}
