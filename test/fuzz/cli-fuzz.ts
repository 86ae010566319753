// Junk for the built command: files, .jsonl lines, stdin and options no user should send, each run as its own
// `claimtrail ingest` or `extract` against one store. Every run must exit 2 with a message and store nothing.
// The article limit is lowered to 64 kB here (CLAIMTRAIL_MAX_ARTICLE), so that "over the limit" is cheap to send.
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Store } from '../../src/store/store.js'
import { claimtrail, ensureBuilt } from '../cli/run.js'
import { tempFolder } from '../store/temp-store.js'
import { HARBOUR } from '../web/fixture.js'
import { CONTROLS, type Rng } from './rng.js'
import { fingerprint } from './send.js'

const LIMIT = { env: '64kB', bytes: 64 * 1024 }
const WORDS = 'The harbour board said the pier would be sold before the summer.'

interface JunkRun {
  what: string
  args: string[]
  /** Files to write beside the store before the run; a `link` is a symlink to a device (an input that never ends). */
  files?: Array<{ name: string; bytes?: Buffer | string; link?: string }>
  stdin?: Buffer | string
}

export interface CliTally {
  inputs: number
  exit2: number
}

type Maker = (rng: Rng) => JunkRun

const controls = (rng: Rng, n: number) => rng.chars(CONTROLS, n)
const latin1 = (text: string) => Buffer.from(text, 'latin1')
const overLimit = (rng: Rng) => 'word '.repeat(rng.int(LIMIT.bytes / 5 + 100, LIMIT.bytes / 2))
/** A file that is not an article's text. */
const junkText = (rng: Rng): Buffer | string =>
  rng.pick<() => Buffer | string>([
    () => Buffer.concat([rng.bytes(rng.int(1, 3000)), Buffer.from([0])]),
    () => latin1(`Caf\u00e9 owner Jos\u00e9 said prices would rise. ${WORDS}`),
    () => Buffer.concat([Buffer.from(WORDS), Buffer.from([rng.pick([0xff, 0xc3, 0xe2, 0xed])])]),
    () => '',
    () => ' \n\t\n ',
    () => controls(rng, rng.int(1, 50)),
    () => '!!! ??? ... \u{1F600}',
    () => Buffer.from(`\ufeff${WORDS}`, 'utf16le'),
    () => overLimit(rng),
  ])()
/** A .jsonl line that is not an article. */
const junkLine = (rng: Rng): string =>
  rng.pick<() => string>([
    () => '{',
    () => '[]',
    () => '42',
    () => 'null',
    () => `{"text": ${rng.pick(['3', 'true', '[]', '{}', 'null', '""', '"   "'])}}`,
    () => `{"title": "no text"}`,
    () => `{"text": ${JSON.stringify(controls(rng, 6))}}`,
    () => `{"text": "${WORDS}\\u0000"}`,
    () => `{"text": "${WORDS} \\ud800"}`,
    () => `{"text": "${WORDS}", "date": "${rng.pick(['soon', '2022-02-30', '15/03/2022'])}"}`,
    () => `{"text": "${WORDS}", "title": ${JSON.stringify(`a${controls(rng, 2)}b`)}}`,
    () => `{"text": "${WORDS}", "outlet": 7}`,
    () => `${'['.repeat(rng.int(100, 20_000))}${']'.repeat(rng.int(100, 20_000))}`,
    () => JSON.stringify({ text: overLimit(rng) }),
  ])()
const lines = (rng: Rng, n: number) => Array.from({ length: n }, () => junkLine(rng)).join(rng.pick(['\n', '\r\n', '\n\n']))

const MAKERS: Maker[] = [
  (rng) => ({ what: 'ingest a junk .txt', args: ['ingest', 'story.txt'], files: [{ name: 'story.txt', bytes: junkText(rng) }] }),
  (rng) => ({ what: 'extract a junk .txt', args: ['extract', 'story.txt'], files: [{ name: 'story.txt', bytes: junkText(rng) }] }),
  (rng) => ({ what: 'ingest junk from stdin', args: ['ingest', '-'], stdin: junkText(rng) }),
  (rng) => ({ what: 'extract junk from stdin', args: ['extract', '-'], stdin: junkText(rng) }),
  (rng) => ({
    what: 'ingest a .jsonl of junk lines',
    args: ['ingest', 'batch.jsonl'],
    files: [{ name: 'batch.jsonl', bytes: lines(rng, rng.int(1, 6)) }],
  }),
  (rng) => ({
    what: 'extract --jsonl a first line that is junk',
    args: ['extract', '--jsonl', 'batch.jsonl'],
    files: [{ name: 'batch.jsonl', bytes: rng.pick([junkLine(rng), `{"text": "${WORDS}"}`]) }],
  }),
  (rng) => ({
    what: 'ingest a .jsonl that stops being UTF-8',
    args: ['ingest', 'batch.jsonl'],
    files: [
      {
        name: 'batch.jsonl',
        bytes: Buffer.concat([Buffer.from(`{"text": "${WORDS}"}\n`.repeat(rng.int(1, 3))), latin1('{"text": "caf\u00e9"}\n')]),
      },
    ],
  }),
  (rng) => ({
    what: 'ingest a .jsonl of binary bytes',
    args: ['ingest', 'batch.jsonl'],
    files: [{ name: 'batch.jsonl', bytes: rng.bytes(rng.int(1, 5000)) }],
  }),
  (rng) => {
    const name = rng.pick(['zero.txt', 'zero.jsonl'])
    return { what: 'an input that never ends', args: [rng.pick(['ingest', 'extract']), name], files: [{ name, link: '/dev/zero' }] }
  },
  (rng) => ({
    what: 'several junk files, none readable',
    args: ['ingest', 'a.txt', 'b.jsonl', 'missing.txt', 'folder'],
    files: [
      { name: 'a.txt', bytes: junkText(rng) },
      { name: 'b.jsonl', bytes: lines(rng, 2) },
      { name: 'folder/x', bytes: 'x' },
    ],
  }),
  (rng) => ({
    what: 'a file that is not there, or a folder',
    args: [rng.pick(['ingest', 'extract']), rng.pick(['missing.txt', 'folder', '', ' '])],
    files: [{ name: 'folder/x', bytes: 'x' }],
  }),
  (rng) => ({
    what: 'a good article with a bad option',
    args: [
      'ingest',
      'story.txt',
      ...rng.pick([
        ['--date', rng.pick(['yesterday', '2022-02-30', '2022-3-5'])],
        ['--title', `Pier${controls(rng, 2)}x`],
        ['--outlet', `\u001b[31mRed`],
        ['--workers', rng.pick(['0', 'many', '-1'])],
      ]),
    ],
    files: [{ name: 'story.txt', bytes: WORDS }],
  }),
  (rng) => ({
    what: 'extract with a bad option',
    args: [
      'extract',
      'story.txt',
      ...rng.pick([['--min-confidence', rng.pick(['2', 'sure', '-0.1'])], ['--date', 'someday'], ['--bogus']]),
    ],
    files: [{ name: 'story.txt', bytes: WORDS }],
  }),
]

/** Runs `count` junk runs against one store made by `claimtrail ingest`; `before` and `after` fingerprint it. */
export async function cliFuzz(context: Mocha.Context, rng: Rng, count: number) {
  await ensureBuilt.call(context)
  const temp = await tempFolder()
  try {
    const db = temp.path('claimtrail.json')
    await writeFile(temp.path('harbour.txt'), HARBOUR)
    const made = await claimtrail(['ingest', 'harbour.txt', '--db', db, '--workers', '1'], { cwd: temp.dir })
    if (made.code !== 0) throw new Error(`could not make the store: ${made.stderr}`)
    const before = await fingerprint(await Store.open(db, { readOnly: true }))

    const runs = Array.from({ length: count }, (_, i) => MAKERS[i % MAKERS.length](rng))
    const wrong: string[] = []
    let exit2 = 0
    let next = 0
    const lane = async () => {
      while (next < runs.length) {
        const i = next++
        const run = runs[i]
        const cwd = temp.path(`run-${i}`)
        await mkdir(cwd)
        for (const file of run.files ?? []) {
          await mkdir(join(cwd, file.name, '..'), { recursive: true })
          if (file.link) await symlink(file.link, join(cwd, file.name))
          else await writeFile(join(cwd, file.name), file.bytes ?? '')
        }
        // extract reads no store and takes no --db (it would refuse the option, not the input).
        const args = run.args[0] === 'ingest' ? [...run.args, '--db', db] : run.args
        const result = await claimtrail(args, { cwd, input: run.stdin ?? '', env: { CLAIMTRAIL_MAX_ARTICLE: LIMIT.env } })
        const said = /^claimtrail: +\S/.test(result.stderr)
        if (result.code === 2 && said) exit2++
        else wrong.push(`${run.what} (claimtrail ${args.join(' ')}): exit ${result.code}, ${result.stderr.slice(0, 300) || '(no message)'}`)
      }
    }
    await Promise.all(Array.from({ length: availableParallelism() + 1 }, lane))
    const after = await fingerprint(await Store.open(db, { readOnly: true }))
    return { tally: { inputs: runs.length, exit2 } satisfies CliTally, wrong, before, after }
  } finally {
    await temp.remove()
  }
}
