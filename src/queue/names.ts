// Where the queue lives in the database: a schema of its own, apart from the store's tables, so that pg-boss's
// migrations and ours never meet; and the two queues in it.

export const SCHEMA = 'claimtrail_queue'
/** Articles waiting to be extracted and filed. */
export const ARTICLES = 'articles'
/** Articles that failed for good, with why: kept for a person to read and run again (`claimtrail jobs`). */
export const DEAD_LETTERS = 'articles-dead'
