// The job queue as a desk watches it, when the store is a database: how many queued articles wait, are being
// filed, were filed or failed, the ones that will be tried again and the dead letters with why (`claimtrail
// jobs --rerun` puts them back). The page reloads itself while work is left; GET /api/queue gives the counts.
import type { Request, Response } from 'express'
import { deadLetters, jobCounts, retrying } from '../queue/jobs.js'
import type { ArticleQueue } from '../queue/queue.js'

export function queueHandlers(queue: ArticleQueue) {
  return {
    async page(_req: Request, res: Response): Promise<void> {
      const [counts, again, dead] = await Promise.all([jobCounts(queue), retrying(queue), deadLetters(queue)])
      const left = counts.created + counts.retry + counts.active
      res.render('queue/index', { title: 'Queue', counts, left, again, dead })
    },
    async api(_req: Request, res: Response): Promise<void> {
      res.json(await jobCounts(queue))
    },
  }
}
