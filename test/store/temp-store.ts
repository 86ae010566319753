// A real store file in a fresh temporary folder for each test: the store is tested on the disk it will use.
// Every store opened through the folder is closed when the folder is removed, so no test leaves one open.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportData } from '../../src/export/json.js'
import { extract } from '../../src/pipeline/extract.js'
import { type OpenOptions, Store } from '../../src/store/store.js'

export interface TempFolder {
  dir: string
  path(name: string): string
  /** Store.open on `path` (in this folder, or given whole), closed by `remove()` if the test has not closed it. */
  open(path?: string, options?: OpenOptions): Promise<Store>
  /** Closes every store opened through `open`, then removes the folder. */
  remove(): Promise<void>
}

export async function tempFolder(): Promise<TempFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'claimtrail-test-'))
  const opened: Store[] = []
  return {
    dir,
    path: (name) => join(dir, name),
    async open(path = join(dir, 'claimtrail.json'), options) {
      const store = await Store.open(path, options)
      opened.push(store)
      return store
    },
    async remove() {
      // Newest first, one at a time: a test may have opened the same file twice (a writer "killed" and its
      // successor). A store a test damaged on purpose may fail to fold its journal in; its folder goes all the same.
      for (const store of opened.splice(0).reverse()) await store.close().catch(() => undefined)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A store in a fresh temporary folder; `remove()` closes it (and any other opened there) and removes the folder. */
export async function tempStore(options?: OpenOptions): Promise<TempFolder & { store: Store }> {
  const folder = await tempFolder()
  return { ...folder, store: await folder.open(undefined, options) }
}

/** An invented article run through the real pipeline, ready for `addArticles`. */
export function extracted(text: string, published: string, outlet: string) {
  const article = { text, published, outlet, title: `${outlet} ${published}` }
  return { article, extraction: extract(article) }
}

/** A store's tables as a reader sees them (the file with its journal replayed), for tests that check what a command stored. */
export async function readStore(path: string) {
  const store = await Store.open(path, { readOnly: true })
  try {
    return {
      articles: store.articles(),
      speakers: store.speakers(),
      statements: store.statements(),
      claims: exportData(store.tables()).claims,
      log: store.decisions(),
    }
  } finally {
    await store.close()
  }
}
