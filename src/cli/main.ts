#!/usr/bin/env node
// The claimtrail command. Commands throw domain errors; this file alone turns them into a message and an exit
// code, and alone ends the process.
import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import { InvalidInputError, NotFoundError, StoreError } from '../errors.js'
import { claimsCommand } from './claims.js'
import { databaseCommands } from './database.js'
import { exportCommand } from './export.js'
import { extractCommand } from './extract.js'
import { ingestCommand } from './ingest.js'
import { jobsCommand } from './jobs.js'
import { reviewCommand } from './review.js'
import { serveCommand } from './serve.js'
import { speakersCommand } from './speakers.js'
import { startCommand } from './start.js'
import { storeCareCommands } from './store-care.js'
import { usersCommand } from './users.js'
import { workerCommand } from './worker.js'

// One table: what went wrong → the exit code scripts can test.
const EXIT_CODES: [new (...args: never[]) => Error, number][] = [
  [InvalidInputError, 2],
  [NotFoundError, 3],
  [StoreError, 4],
]
const USAGE = 2
const BUG = 1

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

const program = new Command('claimtrail')
  .description('Reads news articles and keeps track of who said what, and who denied it.')
  .version(version)
  .exitOverride()
  .showHelpAfterError('(claimtrail --help shows every command)')
  .configureOutput({ outputError: (message, write) => write(`claimtrail: ${message.replace(/^error: /, '')}`) })
extractCommand(program)
ingestCommand(program)
workerCommand(program)
jobsCommand(program)
exportCommand(program)
claimsCommand(program)
speakersCommand(program)
reviewCommand(program)
serveCommand(program)
startCommand(program)
usersCommand(program)
storeCareCommands(program)
databaseCommands(program)

// `claimtrail extract … | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

try {
  await program.parseAsync(process.argv)
} catch (error) {
  process.exitCode = exitCode(error)
}

function exitCode(error: unknown): number {
  // commander has already printed its usage message; help and --version arrive here with exit code 0.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE
  const known = EXIT_CODES.find(([type]) => error instanceof type)
  if (known) {
    console.error(`claimtrail: ${(error as Error).message}`)
    return known[1]
  }
  console.error(
    `claimtrail: something went wrong inside claimtrail; please report it with this trace:\n${(error as Error)?.stack ?? String(error)}`,
  )
  return BUG
}
