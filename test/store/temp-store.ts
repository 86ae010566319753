// A real store file in a fresh temporary folder for each test: the store is tested on the disk it will use.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportData } from '../../src/export/json.js'
import { extract } from '../../src/pipeline/extract.js'
import { Store } from '../../src/store/store.js'

export interface TempFolder {
  dir: string
  path(name: string): string
  remove(): Promise<void>
}

export async function tempFolder(): Promise<TempFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'claimtrail-test-'))
  return { dir, path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) }
}

/** An invented article run through the real pipeline, ready for `addArticles`. */
export function extracted(text: string, published: string, outlet: string) {
  const article = { text, published, outlet, title: `${outlet} ${published}` }
  return { article, extraction: extract(article) }
}

/** A store's tables as a reader sees them (the file with its journal replayed), for tests that check what a command stored. */
export async function readStore(path: string) {
  const store = await Store.open(path, { readOnly: true })
  return {
    articles: store.articles(),
    speakers: store.speakers(),
    statements: store.statements(),
    claims: exportData(store.tables()).claims,
    log: store.decisions(),
  }
}
