// The statements table streamed from the store's files is the table the store holds: the same CSV, byte for
// byte, whether the changes are still in the journal or folded into the file. A file not laid out for
// streaming is answered with null, and the export opens the store instead.

import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { expect } from 'chai'
import { statementsCsv, writeStreamedStatementsCsv } from '../../src/export/csv.js'
import { exportData } from '../../src/export/json.js'
import { streamStatements } from '../../src/store/statement-stream.js'
import type { Store } from '../../src/store/store.js'
import { council, councilExtraction, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { extracted, type TempFolder, tempFolder } from './temp-store.js'

const sample = readFileSync(new URL('../fixtures/nextshark-russia-china-aid.txt', import.meta.url), 'utf8')

async function streamedCsv(path: string): Promise<Buffer | null> {
  const streamed = await streamStatements(path)
  if (!streamed) return null
  const chunks: Buffer[] = []
  const out = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(Buffer.from(chunk)), done()) })
  await writeStreamedStatementsCsv(streamed.tables, streamed.statements, out)
  return Buffer.concat(chunks)
}

describe('Store: the statements streamed from the files', () => {
  let temp: TempFolder
  let path: string
  beforeEach(async () => {
    temp = await tempFolder()
    path = temp.path('claimtrail.json')
  })
  afterEach(() => temp.remove())

  /** Files three articles and changes statements filed earlier: a speaker, a stance, a rejection. */
  async function changes(store: Store) {
    const [{ articleId: c }, { articleId: p }] = await store.addArticles([
      { article: council, extraction: councilExtraction },
      { article: protest, extraction: protestExtraction },
    ])
    await store.decide({ action: 'set-stance', statement: `${c}:s2`, stance: 'deny' }, 'Dana Fact')
    await store.decide({ action: 'set-speaker', statement: `${p}:s2`, speaker: 'Omar Bell', type: 'person' }, 'Dana Fact')
    await store.decide({ action: 'reject-statement', statement: `${c}:s4`, reason: 'not a statement' }, 'Dana Fact')
    await store.addArticles([extracted(sample, '2022-03-15', 'NextShark')])
    return { c, p }
  }

  it('gives the CSV the store gives, with every change still in the journal', async () => {
    const store = await temp.open(path)
    await changes(store)
    expect(store.statements().length).to.be.greaterThan(10)
    expect(await streamedCsv(path)).to.deep.equal(await statementsCsv(exportData(store.tables())))
  })

  it('gives the CSV the store gives, with changes in the file and more in the journal after it', async () => {
    const store = await temp.open(path)
    const { c } = await changes(store)
    await store.close()
    const reopened = await temp.open(path)
    await reopened.decide({ action: 'set-kind', statement: `${c}:s1`, kind: 'indirect' }, 'Dana Fact')
    const [{ articleId: u }] = await reopened.addArticles([extracted(`${sample}\n\nUpdated.`, '2022-03-16', 'NextShark')])
    const csv = await streamedCsv(path)
    expect(csv).to.deep.equal(await statementsCsv(exportData(reopened.tables())))
    expect(csv!.toString('utf8')).to.contain(`${u}:s1,`)
  })

  it('answers null for a store file whose statements come before the claims they name', async () => {
    const store = await temp.open(path)
    await changes(store)
    await store.close()
    // The claims table and the statements table after it, swapped.
    const lines = readFileSync(path, 'utf8').split('\n')
    const claimsAt = lines.indexOf(',"claims":[')
    const statementsAt = lines.indexOf(',"statements":[')
    const statementsEnd = lines.indexOf(']', statementsAt) + 1
    expect(claimsAt).to.be.lessThan(statementsAt)
    const swapped = [
      ...lines.slice(0, claimsAt),
      ...lines.slice(statementsAt, statementsEnd),
      ...lines.slice(claimsAt, statementsAt),
      ...lines.slice(statementsEnd),
    ]
    await writeFile(path, swapped.join('\n'))
    expect((await temp.open(path, { readOnly: true })).statements()).to.have.length(store.statements().length)
    expect(await streamStatements(path)).to.equal(null)
  })
})
