// Hostile articles (bench/adversarial/articles.ts) extract in time that grows with their length, not its
// square: each kind is run at 100 kB and at 400 kB, and four times the text may cost at most eight times the
// CPU (a linear pipeline costs four, a quadratic one sixteen). A ratio in one run, not a time: the limit holds
// on a slow machine and a fast one alike. Before the bounds most kinds took minutes at 1 MB, and 250,000
// quotation marks overflowed the call stack. They run in a child process of their own, which measures its own
// CPU around each extraction; each size runs twice and each kind keeps its quicker run.

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { HOSTILE_KINDS } from '../../bench/adversarial/articles.js'
import { partsOf } from '../../src/pipeline/stages/01-parts.js'

const SMALL = 100_000
const SIZE = 400_000
const MOST_GROWTH = 8
/** Below this much CPU at 400 kB a kind is too quick for its ratio to mean anything. */
const TOO_QUICK_MS = 250
const ONE = new URL('../../bench/adversarial/one.ts', import.meta.url).pathname

async function runAll(size: number) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', ONE, 'all', String(size)], { maxBuffer: 1 << 20 })
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { kind: string; chars: number; cpuMs: number; error?: string })
}

/** Per kind, the run that took less CPU. */
const least = <T extends { cpuMs: number }>(a: T[], b: T[]) => a.map((x, i) => (b[i] && b[i].cpuMs < x.cpuMs ? b[i] : x))

describe('hostile articles', function () {
  this.timeout(600_000)

  it(`each of ${HOSTILE_KINDS.length} kinds extracts without an error, at most ${MOST_GROWTH}× the CPU for 4× the text`, async () => {
    // Each size twice, keeping each kind's quicker run: a garbage collection in one run is noise, not growth. The
    // two sizes run side by side, each in its own process on its own core: each counts only its own CPU.
    const [small1, runs1] = await Promise.all([runAll(SMALL), runAll(SIZE)])
    const [small2, runs2] = await Promise.all([runAll(SMALL), runAll(SIZE)])
    const [small, runs] = [least(small1, small2), least(runs1, runs2)]
    expect(runs.map((r) => r.kind)).to.deep.equal(HOSTILE_KINDS.map((k) => k.name))
    runs.forEach((run, i) => {
      expect(run.chars, run.kind).to.be.within(SIZE * 0.9, SIZE * 1.01)
      expect(run.error, run.kind).to.equal(undefined)
      expect(small[i].error, run.kind).to.equal(undefined)
      if (run.cpuMs >= TOO_QUICK_MS)
        expect(
          run.cpuMs / small[i].cpuMs,
          `${run.kind}: ${Math.round(small[i].cpuMs)} ms at 100 kB, ${Math.round(run.cpuMs)} ms at 400 kB`,
        ).to.be.below(MOST_GROWTH)
    })
  })
})

describe('parts of an article', () => {
  it('a story is one part; a text past the limits is cut at line breaks, else sentence ends, else spaces', () => {
    expect(partsOf('Smith said it rains.\nJones denied it.')).to.deep.equal([{ start: 0, end: 37 }])
    const limits = { chars: 30, quoteMarks: 4, stops: 100, lines: 100 }
    const lines = 'one two three.\nfour five six.\nseven eight nine.'
    expect(partsOf(lines, limits).map((p) => lines.slice(p.start, p.end))).to.deep.equal([
      'one two three.\nfour five six.\n',
      'seven eight nine.',
    ])
    const sentences = 'One two three. Four five six. Seven eight.'
    expect(partsOf(sentences, limits).map((p) => sentences.slice(p.start, p.end))).to.deep.equal([
      'One two three. Four five six.',
      ' Seven eight.',
    ])
    const quotes = '"a" "b" "c" "d"'
    expect(partsOf(quotes, limits).map((p) => quotes.slice(p.start, p.end))).to.deep.equal(['"a" "b"', ' "c" "d"'])
    const word = 'x'.repeat(70)
    expect(partsOf(word, limits).map((p) => p.end - p.start)).to.deep.equal([30, 30, 10])
  })
})
