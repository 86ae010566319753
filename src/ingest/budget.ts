// How long one article may take to extract. News takes milliseconds; the budget is there for what no newsroom
// writes, so that one hostile text cannot hold an extraction thread for minutes.
import { InvalidInputError, TooLargeError } from '../errors.js'

/**
 * Twice what the largest article taken needs: 2 MB of news is ~330,000 words, ~30 s at the pipeline's
 * ~11,000 words a second. Hostile pages of that size now take ~10 s; the budget is for what is not foreseen.
 */
export const DEFAULT_BUDGET_MS = 60_000

/** CLAIMTRAIL_EXTRACT_BUDGET in milliseconds ("60000") or seconds ("60s"), else 60 s. */
export function extractBudget(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.CLAIMTRAIL_EXTRACT_BUDGET?.trim()
  if (!asked) return DEFAULT_BUDGET_MS
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(asked)
  if (!m || Number(m[1]) <= 0) {
    throw new InvalidInputError(
      `CLAIMTRAIL_EXTRACT_BUDGET "${asked}" is not a time: write it like 60s or 60000 (milliseconds), or unset it for ${DEFAULT_BUDGET_MS / 1000}s.`,
    )
  }
  return Math.ceil(m[2] === 's' ? Number(m[1]) * 1000 : Number(m[1]))
}

export const budgetSeconds = (ms: number) => `${ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`}`

export function overBudget(budget: string): TooLargeError {
  return new TooLargeError(
    `extracting the article took longer than its ${budget} budget, so it was stopped and nothing of it was stored: ` +
      `it is too long, or too repetitive, to read in one go. Split the article into parts and send them one by one, ` +
      `or raise the budget where claimtrail runs (CLAIMTRAIL_EXTRACT_BUDGET=120s).`,
  )
}

/**
 * Statements one article may file. The dev set's busiest article has 214 attributions; 1,000 is news of any length.
 * Past it the text is a list of quotes or one repeated, not an article, and filing tens of thousands of
 * statements would hold the server's thread (52,631 from a 1 MB page: readers waited 26 s).
 */
export const MAX_STATEMENTS = Number(process.env.CLAIMTRAIL_MAX_STATEMENTS) || 1000

export function tooManyStatements(found: number): TooLargeError {
  return new TooLargeError(
    `the article yields ${found} statements, more than claimtrail files from one article (${MAX_STATEMENTS}), so nothing of it was stored: ` +
      `it reads as many articles in one, or one quote repeated. Split it into its articles and send them one by one.`,
  )
}
