// Posting as a browser does: open a page first, keep its cookie, and send the form token the page carried.
// The server refuses any form post without them (src/web/auth/csrf.ts).
import { expect } from 'chai'
import type { Express } from 'express'
import request from 'supertest'

/** The form token in a page's hidden _csrf field. */
export function formTokenIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  expect(token, 'the page has no form token').to.be.a('string')
  return token!
}

/** An agent that has opened the ingest form; its posts carry the page's cookie, and its token as X-CSRF-Token. */
export async function poster(app: Express): Promise<(path: string) => request.Test> {
  const agent = request.agent(app)
  const token = formTokenIn((await agent.get('/articles/new').expect(200)).text)
  return (path) => agent.post(path).set('X-CSRF-Token', token)
}
