// A refusal in the asker's language: problem details under /api, JSON {error} for other scripts, a page for a
// browser.
import type { Request, Response } from 'express'
import { sendProblem } from '../problem.js'

const TITLES: Record<number, string> = { 401: 'Sign in first', 403: 'Not allowed', 429: 'Too many changes' }

export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path === '/api' || req.is('application/json') === 'application/json' || !req.accepts('html')
}

export function refuse(req: Request, res: Response, status: number, message: string): void {
  if (req.path === '/api' || req.path.startsWith('/api/')) {
    sendProblem(res, status, message)
    return
  }
  if (wantsJson(req)) {
    res.status(status).json({ error: message })
    return
  }
  // A page that asks to sign in shows the sign-in form itself, brought back here afterwards.
  if (status === 401) {
    res
      .status(401)
      .render('sessions/new', { title: 'Sign in', problem: message, name: '', next: req.method === 'GET' ? req.originalUrl : '/' })
    return
  }
  res.status(status).render('errors/refused', { title: TITLES[status] ?? 'Refused', message, stack: null })
}
