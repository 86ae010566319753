// `npm run train:spans` is reproducible: the same gold set, seed and passes give the same weight files, byte for
// byte, and --check says so. The gold set here is a handful of news-like sentences written for this test, with
// their attributions marked by hand; the shipped weights come from PolNeAR, which is not in the repository.
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { type TempFolder, tempFolder } from '../store/temp-store.js'

const TRAIN = new URL('../../src/train/train-spans.ts', import.meta.url).pathname
const ARTICLES: Array<{ text: string; contents: string[] }> = [
  { text: 'The mayor said on Monday that the bridge was unsafe.', contents: ['the bridge was unsafe'] },
  { text: 'Officials warned that the storm would reach the coast by Friday.', contents: ['the storm would reach the coast by Friday'] },
  { text: 'The minister insisted the budget was balanced, aides said.', contents: ['the budget was balanced'] },
  { text: 'The union claimed that wages had fallen for a decade.', contents: ['wages had fallen for a decade'] },
  { text: 'Police said the driver had fled the scene.', contents: ['the driver had fled the scene'] },
  { text: 'The company denied that it had misled investors.', contents: ['it had misled investors'] },
]

function goldLines(): string {
  return ARTICLES.map(({ text, contents }, i) => {
    const quotes = contents.map((c) => {
      const start = text.indexOf(c)
      return { type: 'indirect', content: { start, end: start + c.length }, source: null, speaker: null, cue: null }
    })
    return JSON.stringify({ id: `test/${i}`, text, quotes })
  }).join('\n')
}

describe('npm run train:spans', function () {
  this.timeout(120_000)
  let temp: TempFolder
  beforeEach(async () => (temp = await tempFolder()))
  afterEach(() => temp.remove())

  it('gives the same weights byte for byte from the same gold set, and --check says so', async () => {
    const gold = join(temp.dir, 'gold.jsonl')
    await writeFile(gold, goldLines())
    const run = (out: string, ...more: string[]) =>
      promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          TRAIN,
          '--gold',
          gold,
          '--folds',
          '2',
          '--out',
          join(temp.dir, `${out}-spans.json`),
          '--confidence',
          join(temp.dir, `${out}-confidence.json`),
          ...more,
        ],
        { maxBuffer: 1 << 24 },
      )
    await run('a')
    await run('b')
    for (const file of ['spans', 'confidence']) {
      const [a, b] = await Promise.all(['a', 'b'].map((x) => readFile(join(temp.dir, `${x}-${file}.json`), 'utf8')))
      expect(a).to.equal(b)
      expect(JSON.parse(a).about).to.include({ seed: 19, articles: ARTICLES.length })
      expect(Object.keys(JSON.parse(a).weights), `${file}: weights learned, not an empty file that matches itself`).not.to.be.empty
    }
    const checked = await run('a', '--check')
    expect(checked.stderr).to.include('is what training gives, byte for byte')
  })
})
