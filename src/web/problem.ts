// The API's errors as RFC 9457 problem details (application/problem+json): a title for the status, the
// status itself, and a detail that says what is wrong and what to do. The detail is also sent as "error", the
// member every answer of the API carried before problem details, so scripts written against it keep working.
import { STATUS_CODES } from 'node:http'
import type { Response } from 'express'

export const PROBLEM_TYPE = 'application/problem+json'

export interface Problem {
  type: 'about:blank'
  title: string
  status: number
  detail: string
  error: string
  /** The error id the server's log holds the stack under (500s only). */
  id?: string
}

export function problemOf(status: number, detail: string, id?: string): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, error: detail, ...(id ? { id } : {}) }
}

export function sendProblem(res: Response, status: number, detail: string, id?: string): void {
  res
    .status(status)
    .type(`${PROBLEM_TYPE}; charset=utf-8`)
    .send(JSON.stringify(problemOf(status, detail, id)))
}
