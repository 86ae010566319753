// The articles' texts are read from the texts file when a page asks for one, not held in memory: what is read
// must be the article's own text, after an append, after a reopening, and after the file was written anew.
import { existsSync, readFileSync } from 'node:fs'
import { expect } from 'chai'
import { StoreError } from '../../src/errors.js'
import { textsPath } from '../../src/store/file.js'
import type { Store } from '../../src/store/store.js'
import { ArticleTexts, readTexts } from '../../src/store/texts.js'
import { council, councilExtraction, councilText, protest, protestExtraction } from '../fixtures/bridge-articles.js'
import { type TempFolder, tempFolder } from './temp-store.js'

describe('article texts read on demand', () => {
  let temp: TempFolder
  let store: Store
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open(temp.path('claimtrail.json'))
  })
  afterEach(() => temp.remove())

  it('gives each article its own text, with a text outside ASCII before it, and after reopening', async () => {
    const first = await store.addArticle({ ...protest, text: `Zürich — ${protest.text} “Ça suffit,” said one.` }, protestExtraction)
    const second = await store.addArticle(council, councilExtraction)
    expect(store.article(second.articleId)?.text).to.equal(councilText)
    expect(store.article(first.articleId)?.text).to.match(/^Zürich — .*“Ça suffit,” said one\.$/s)
    await store.close()
    store = await temp.open(temp.path('claimtrail.json'))
    expect(store.article(second.articleId)?.text).to.equal(councilText)
  })

  it('finds a text again after its file was written anew in another order', async () => {
    const first = await store.addArticle(protest, protestExtraction)
    const second = await store.addArticle(council, councilExtraction)
    const path = textsPath(temp.path('claimtrail.json'))
    const read = readTexts(path)
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    const entries = lines.map((line) => JSON.parse(line.slice(0, line.lastIndexOf('\t'))))
    // A longer first line moves every line after it.
    await ArticleTexts.replace(path, [{ ...entries[1], text: `${entries[1].text} ${'x'.repeat(500)}` }, entries[0]])
    expect(read.texts.size).to.equal(2)
    expect(store.article(first.articleId)?.text).to.equal(protest.text)
    expect(store.article(second.articleId)?.text).to.equal(`${councilText} ${'x'.repeat(500)}`)
  })

  it('keeps the message of a text that could not be read while the file was written anew, and leaves no half file', async () => {
    await store.addArticle(protest, protestExtraction)
    const path = textsPath(temp.path('claimtrail.json'))
    const before = readFileSync(path, 'utf8')
    const texts = function* () {
      yield { id: 'a', text: 'first' }
      throw new StoreError(`${path} changed while it was being copied. Nothing was copied: try again.`)
    }
    const error = await ArticleTexts.replace(path, texts()).then(
      () => null,
      (e: Error) => e,
    )
    expect(error?.message).to.match(/changed while it was being copied\. Nothing was copied: try again\.$/)
    expect(existsSync(`${path}.writing`)).to.equal(false)
    expect(readFileSync(path, 'utf8')).to.equal(before)
  })
})
