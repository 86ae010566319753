import { userInfo } from 'node:os'
import { type Command, Option } from 'commander'
import { type Kind, SPEAKER_TYPES, type SpeakerType, STANCES, type Stance } from '../pipeline/types.js'
import type { Decision } from '../store/decisions.js'
import { letGo, openStore } from '../store/open.js'
import { dbOption } from './options.js'

interface ReviewOptions {
  db: string
  by: string
  type?: SpeakerType
  note?: string
}

/** Each subcommand: its arguments and the decision they make. */
const DECISIONS: Array<{ name: string; args: string[]; about: string; decision: (a: string[], o: ReviewOptions) => Decision }> = [
  {
    name: 'merge-claims',
    args: ['into', 'from'],
    about: 'file every statement of claim FROM under claim INTO',
    decision: ([into, from]) => ({ action: 'merge-claims', into, from }),
  },
  {
    name: 'split',
    args: ['statement'],
    about: 'give a statement a claim of its own',
    decision: ([statement]) => ({ action: 'split-statement', statement }),
  },
  {
    name: 'move',
    args: ['statement', 'claim'],
    about: 'file a statement under another claim',
    decision: ([statement, claim]) => ({ action: 'move-statement', statement, claim }),
  },
  {
    name: 'stance',
    args: ['statement', 'stance'],
    about: `correct a statement's stance (${STANCES.join(', ')})`,
    decision: ([statement, stance]) => ({ action: 'set-stance', statement, stance: stance as Stance }),
  },
  {
    name: 'speaker',
    args: ['statement', 'speaker'],
    about: "correct a statement's speaker: a speaker id, or a name (new speakers take --type)",
    decision: ([statement, speaker], o) => ({ action: 'set-speaker', statement, speaker, type: o.type }),
  },
  {
    name: 'merge-speakers',
    args: ['into', 'from'],
    about: 'make speaker FROM an alias of speaker INTO, with all its statements',
    decision: ([into, from]) => ({ action: 'merge-speakers', into, from }),
  },
  {
    name: 'verdict',
    args: ['claim', 'verdict'],
    about: 'give a claim a verdict ("False", "Mostly true", …), with --note',
    decision: ([claim, verdict], o) => ({ action: 'review-claim', claim, verdict, note: o.note ?? '' }),
  },
  {
    name: 'kind',
    args: ['statement', 'kind'],
    about: "correct a statement's kind (direct, mixed, indirect)",
    decision: ([statement, kind]) => ({ action: 'set-kind', statement, kind: kind as Kind }),
  },
  {
    name: 'reject',
    args: ['statement'],
    about: 'take a false extraction out of its claim (kept on record), with --note for why',
    decision: ([statement], o) => ({ action: 'reject-statement', statement, reason: o.note ?? '' }),
  },
  {
    name: 'split-speaker',
    args: ['speaker', 'alias'],
    about: "make one of a speaker's aliases a speaker of its own, with the statements that name it",
    decision: ([speaker, alias]) => ({ action: 'split-speaker', speaker, alias }),
  },
]

const openReviewed = (db: string, readOnly = false) => openStore(db, { readOnly, mustExist: true })

export function reviewCommand(program: Command): void {
  const review = program.command('review').description("a reviewer's decisions about claims and speakers, logged with who and when")
  for (const d of DECISIONS) {
    const command = review.command(d.name).description(d.about)
    for (const arg of d.args) command.argument(`<${arg}>`)
    command
      .addOption(new Option('--by <name>', 'who decides (kept in the log)').env('CLAIMTRAIL_REVIEWER').default(userInfo().username))
      .addOption(dbOption())
    if (d.name === 'speaker') command.addOption(new Option('--type <type>', 'the type of a new speaker').choices(SPEAKER_TYPES))
    if (d.name === 'verdict' || d.name === 'reject') command.option('--note <text>', 'why, in a sentence')
    command.action(async (...all: unknown[]) => {
      const args = all.slice(0, d.args.length) as string[]
      const options = all[d.args.length] as ReviewOptions
      const store = await openReviewed(options.db)
      const entry = await store.decide(d.decision(args, options), options.by).finally(() => letGo(store))
      console.log(`${entry.action} by ${entry.by} at ${entry.at}: ${JSON.stringify(entry.detail)}`)
    })
  }
  review
    .command('log')
    .description('every decision, oldest first')
    .addOption(dbOption())
    .action(async (options: { db: string }) => {
      const store = await openReviewed(options.db, true)
      const log = await store.decisions()
      await letGo(store)
      if (!log.length) console.log('No decisions yet.')
      for (const e of log) console.log(`${e.at}  ${e.by}  ${e.action}  ${JSON.stringify(e.detail)}`)
    })
}
