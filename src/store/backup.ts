// `claimtrail backup DEST`: a consistent copy of a store, taken while a server may be writing to it. The store is
// read as any reader reads it (head, journal, store file, texts: each written after the one before, so what is
// added meanwhile only makes later files hold more), then written at DEST as a store of its own, checked, with
// its journal folded in, and read back before it is called done.
import { existsSync } from 'node:fs'
import { InvalidInputError, NotFoundError } from '../errors.js'
import { createParent, journalPath, openFile, textsPath } from './file.js'
import { Head, headPath } from './head.js'
import { Journal } from './journal.js'
import { writeSnapshot } from './snapshot.js'
import { ArticleTexts, eachText } from './texts.js'

export async function backUpStore(path: string, dest: string): Promise<{ articles: number; statements: number; seq: number }> {
  if (!existsSync(path)) throw new NotFoundError(`there is no store at ${path}. Pass --db with the store file.`)
  if ([dest, journalPath(dest), textsPath(dest)].some(existsSync))
    throw new InvalidInputError(`${dest} already exists: give a new path for the copy.`)
  const { db, texts } = await openFile(path, { readOnly: true })
  const data = db.data
  await createParent(dest)
  const articles = new Map(data.articles.map((article) => [article.id, article]))
  const copied = function* () {
    for (const { id, text } of eachText(textsPath(path), texts, articles.keys())) yield { id, text, article: articles.get(id) }
  }
  await ArticleTexts.replace(textsPath(dest), copied())
  await writeSnapshot(dest, data)
  const seq = data.seq ?? 0
  await (await Journal.open(journalPath(dest), seq)).close()
  const head = new Head(headPath(dest))
  head.record(seq)
  head.close()
  const copy = await openFile(dest, { readOnly: true })
  return { articles: copy.db.data.articles.length, statements: copy.db.data.statements.length, seq }
}
