// How the articles queue treats a job: how often a failed filing is tried again, how long a worker may hold a
// job before another takes it over. pg-boss stamps these on each job as it is queued, so the queue that sends a
// job decides for it; a worker started later with other figures does not change jobs already waiting.

export interface JobPolicy {
  /** Tries after the first before a job is dead-lettered: a store that is down for minutes costs no article. */
  retryLimit: number
  /** The first wait before a retry, doubled (with jitter) at each one: 30 s, ~1 min, ~2 min, ~4 min. */
  retryDelaySeconds: number
  /**
   * How long a worker may hold a job before it counts as failed and another worker takes it: a worker killed
   * mid-batch leaves its jobs taken until then. Longer than the worst batch: a few articles at the 60 s
   * extraction budget each, queued behind the others on the threads.
   */
  expireSeconds: number
  /** Days a queued job waits for a worker before pg-boss archives it unread; dead letters are kept as long again. */
  keepDays: number
}

export const DEFAULT_POLICY: JobPolicy = {
  retryLimit: 4,
  retryDelaySeconds: 30,
  expireSeconds: 15 * 60,
  keepDays: 30,
}
