// Hostile articles (bench/adversarial/articles.ts) extract in time that grows with their length, not its
// square: each kind at 400 kB within 2 s of CPU, the rate of 5 s a megabyte. Before the bounds most took
// minutes at 1 MB, and 250,000 quotation marks overflowed the call stack. They run in a child process of
// their own, which measures its own CPU around each extraction.
import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { HOSTILE_KINDS } from '../../bench/adversarial/articles.js'
import { partsOf } from '../../src/pipeline/parts.js'

const SIZE = 400_000
const MOST_CPU_MS = (5_000 * SIZE) / 1_000_000
const ONE = new URL('../../bench/adversarial/one.ts', import.meta.url).pathname

describe('hostile articles', function () {
  this.timeout(300_000)

  it(`each of ${HOSTILE_KINDS.length} kinds at ${SIZE / 1000} kB extracts within ${MOST_CPU_MS / 1000} s of CPU, without an error`, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', ONE, 'all', String(SIZE)], { maxBuffer: 1 << 20 })
    const runs = stdout.trim().split('\n').map((line) => JSON.parse(line) as { kind: string; chars: number; cpuMs: number; error?: string })
    expect(runs.map((r) => r.kind)).to.deep.equal(HOSTILE_KINDS.map((k) => k.name))
    for (const run of runs) {
      expect(run.chars, run.kind).to.be.within(SIZE * 0.9, SIZE * 1.01)
      expect(run.error, run.kind).to.equal(undefined)
      expect(run.cpuMs, run.kind).to.be.below(MOST_CPU_MS)
    }
  })
})

describe('parts of an article', () => {
  it('a story is one part; a text past the limits is cut at line breaks, else sentence ends, else spaces', () => {
    expect(partsOf('Smith said it rains.\nJones denied it.')).to.deep.equal([{ start: 0, end: 37 }])
    const limits = { chars: 30, quoteMarks: 4, stops: 100, lines: 100 }
    const lines = 'one two three.\nfour five six.\nseven eight nine.'
    expect(partsOf(lines, limits).map((p) => lines.slice(p.start, p.end))).to.deep.equal(['one two three.\nfour five six.\n', 'seven eight nine.'])
    const sentences = 'One two three. Four five six. Seven eight.'
    expect(partsOf(sentences, limits).map((p) => sentences.slice(p.start, p.end))).to.deep.equal(['One two three. Four five six.', ' Seven eight.'])
    const quotes = '"a" "b" "c" "d"'
    expect(partsOf(quotes, limits).map((p) => quotes.slice(p.start, p.end))).to.deep.equal(['"a" "b"', ' "c" "d"'])
    const word = 'x'.repeat(70)
    expect(partsOf(word, limits).map((p) => p.end - p.start)).to.deep.equal([30, 30, 10])
  })
})
