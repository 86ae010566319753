// One worker thread of `--workers N`: extracts each article the main thread posts and posts back the result
// under the same number. Only the main thread reads input, writes output and touches the store.
import { parentPort } from 'node:worker_threads'
import { extract } from '../pipeline/extract.js'
import type { Article } from '../pipeline/types.js'

parentPort!.on('message', ({ id, article }: { id: number; article: Article }) => {
  try {
    parentPort!.postMessage({ id, extraction: extract(article) })
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error)?.stack ?? String(error) })
  }
})
