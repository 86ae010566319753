import type { Command } from 'commander'
import { InvalidInputError } from '../errors.js'
import { openStore } from '../store/open.js'
import { junkReason } from '../store/speaker-junk.js'
import { type SpeakerRow, speakerRows } from '../store/speaker-rows.js'
import { dbOption } from './options.js'

interface SpeakersOptions {
  db: string
  top: number
  json?: boolean
  check?: boolean
}

const MOST = 100_000

function parseTop(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > MOST) {
    throw new InvalidInputError(`--top "${value}" is not a number of speakers: give one from 1 to ${MOST}, e.g. --top 100.`)
  }
  return n
}

export function speakersCommand(program: Command): void {
  program
    .command('speakers')
    .description('list the most quoted speakers: statements, claims, denials, type and the ways each was written')
    .option('--top <n>', 'how many speakers, the most quoted first', parseTop, 40)
    .option('--json', 'one JSON array, for scripts')
    .option('--check', 'mark speakers that are a date word, dateline, venue, pronoun or fragment; exit 1 if any')
    .addOption(dbOption())
    .action(async (options: SpeakersOptions) => {
      const store = await openStore(options.db, { readOnly: true, mustExist: true })
      const rows = speakerRows(await store.speakers(), await store.statements()).slice(0, options.top)
      await store.close()
      const listed = rows.map((row, i) => ({ rank: i + 1, ...row, junk: junkReason(row.speaker) }))
      if (options.json) console.log(JSON.stringify(listed.map(asJson), null, 2))
      else
        console.log(
          rows.length
            ? table(listed, options.check === true)
            : 'The store holds no speakers yet: `claimtrail ingest ARTICLE.txt` adds some.',
        )
      if (!options.check) return
      const junk = listed.filter((row) => row.junk)
      console.error(
        junk.length
          ? `${junk.length} of the top ${listed.length} speakers are no speakers (marked above); \`claimtrail review merge-speakers\` or split-speaker mends a record.`
          : `None of the top ${listed.length} speakers is a date word, dateline, venue, pronoun or fragment.`,
      )
      if (junk.length) process.exitCode = 1
    })
}

type Listed = SpeakerRow & { rank: number; junk: string | null }

function asJson({ rank, speaker, counts, junk }: Listed) {
  return { rank, id: speaker.id, name: speaker.name, type: speaker.type, role: speaker.role, aliases: speaker.aliases, ...counts, junk }
}

function table(rows: Listed[], marked: boolean): string {
  const cells = [['#', 'said', 'claims', 'denied', 'type', 'speaker', 'also written']]
  for (const { rank, speaker, counts, junk } of rows) {
    const others = speaker.aliases.filter((a) => a !== speaker.name)
    const written = others.length > 3 ? `${others.slice(0, 3).join('; ')}; +${others.length - 3}` : others.join('; ')
    const name = marked && junk ? `${speaker.name}  <- ${junk}` : speaker.name
    cells.push([rank, counts.statements, counts.claims, counts.denials, speaker.type, name, written].map(String))
  }
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => row[i].length)))
  const numeric = (i: number) => i < 4
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : numeric(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
