// A fresh database for the queue and a fresh JSON store to file into, for each suite; articles of real news
// sentences, each text its own so that each is stored once.
import { ArticleQueue, type QueueOptions } from '../../src/queue/queue.js'
import type { ArticleInput } from '../../src/store/schema.js'
import { databaseOrSkip, type TestDatabase } from '../pg/database.js'

/** `n` articles with texts of their own, as a .jsonl line would give them; `paragraphs` makes them longer. */
export function articles(n: number, tag = 'a', paragraphs = 0): ArticleInput[] {
  const more = (i: number) =>
    Array.from(
      { length: paragraphs },
      (_, p) =>
        `\n\nThe union in district ${tag}${i} said on Tuesday that drivers would strike for ${p + 2} days. "Fares are not the problem," its leader said.`,
    ).join('')
  return Array.from({ length: n }, (_, i) => ({
    text: `The minister said on Monday that bus fares in district ${tag}${i} would rise by ${i + 1} percent. "We had no choice," she told reporters.${more(i)}`,
    published: '2024-05-06',
    outlet: 'Wire',
    title: `Fares ${tag}${i}`,
    url: null,
  }))
}

export const pending = (list: ArticleInput[], file = 'wire.jsonl') => list.map((article, i) => ({ source: `${file}:${i + 1}`, article }))

/** Resolves once `check` does, polled; fails with `what` after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 20_000, everyMs = 100): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const answer = await check()
    if (answer) return answer
    if (Date.now() > end) throw new Error(`waited ${ms / 1000} s for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/** In a suite's `before`: its own database; `queue()` opens the queue on it, every one closed by `close()`. */
export async function queueDatabase(context: Mocha.Context, suite: string) {
  const db: TestDatabase = await databaseOrSkip(context, suite)
  const opened: ArticleQueue[] = []
  return {
    url: db.url,
    async queue(options: QueueOptions = {}): Promise<ArticleQueue> {
      const queue = await ArticleQueue.open(db.url, { onError: () => {}, ...options })
      opened.push(queue)
      return queue
    },
    async close(): Promise<void> {
      // The database goes even when a queue fails to close: DROP … WITH (FORCE) ends its connections.
      try {
        for (const queue of opened.splice(0)) await queue.close({ graceful: false }).catch(() => undefined)
      } finally {
        await db.drop()
      }
    },
  }
}
