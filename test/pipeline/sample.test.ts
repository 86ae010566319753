// The mission's article, checked the way ../shared/samples/check.mjs checks it, from the project's own copy.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'

const fixtures = new URL('../fixtures/', import.meta.url)
const text = readFileSync(new URL('nextshark-russia-china-aid.txt', fixtures), 'utf8')

describe('the sample article', () => {
  const out = extract({ text, published: '2022-03-15' })

  it('holds all 21 expectations of check.mjs', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'claimtrail-')), 'out.json')
    writeFileSync(file, JSON.stringify(out))
    const check = new URL('check.mjs', fixtures).pathname
    const expected = new URL('nextshark-russia-china-aid.expected.json', fixtures).pathname
    const report = execFileSync(process.execPath, [check, expected, file], { encoding: 'utf8' })
    expect(report.trim().split('\n').at(-1)).to.equal('21 of 21 expectations hold')
  })

  it('every span is the article text at its offsets', () => {
    for (const s of out.statements) {
      for (const span of [...s.content, s.cue, s.speaker?.mention].filter((x) => x)) {
        expect(text.slice(span!.start, span!.end)).to.equal(span!.text)
      }
    }
  })

  it('every statement names a claim that exists', () => {
    const ids = new Set(out.claims.map((c) => c.id))
    for (const s of out.statements) expect(ids.has(s.claim)).to.equal(true)
  })
})
