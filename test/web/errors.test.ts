// The one table from domain error to status, driven through a store that fails the way a real one can.
import { expect } from 'chai'
import request from 'supertest'
import { InvalidInputError, StoreError } from '../../src/errors.js'
import { createApp } from '../../src/web/app.js'
import type { WebStore } from '../../src/web/web-store.js'
import { capturedLog } from './captured-log.js'

// Every read fails as a store on a broken disk would.
const failing = (error: Error): WebStore => {
  const fail = () => Promise.reject(error)
  return {
    claims: fail,
    claim: () => undefined,
    tables: () => ({ articles: [], speakers: [], claims: [], statements: [] }),
    articles: fail,
    article: fail,
    statements: fail,
    statement: fail,
    speakers: fail,
    speaker: fail,
    quotesBy: fail,
    decisions: fail,
    decide: fail,
    addArticles: fail,
    flush: fail,
    version: fail,
    similarClaims: fail,
  }
}

function appFailingWith(error: Error, env: string, log = capturedLog()) {
  const app = createApp({ store: failing(error), logger: log.logger, development: env === 'development' })
  app.set('env', env)
  return app
}

describe('error pages', () => {
  it('answers an unknown address with the 404 page', async () => {
    const res = await request(appFailingWith(new Error('unused'), 'test'))
      .get('/no/such/page')
      .expect(404)
    expect(res.text).to.include('<h1>Not found</h1>')
    expect(res.text).to.include('Nothing at /no/such/page.')
  })

  it('maps InvalidInputError to 400 with its message, and leaves the log alone', async () => {
    const log = capturedLog()
    const res = await request(appFailingWith(new InvalidInputError('The filter "x" is not a stance.'), 'test', log))
      .get('/')
      .expect(400)
    expect(res.text).to.include('The filter &#34;x&#34; is not a stance.')
    expect(log.errors()).to.deep.equal([])
  })

  it('maps a StoreError or any other error to 500, with the stack only in explicit development', async () => {
    const error = new StoreError('cannot read /srv/secret/claimtrail.json')
    const log = capturedLog()
    const development = await request(appFailingWith(error, 'development', log))
      .get('/')
      .expect(500)
    expect(log.errors().map((line) => (line.err as Error).message)).to.deep.equal([error.message])
    expect(development.text).to.include('class="stack"')
    expect(development.text).to.include('StoreError: cannot read /srv/secret/claimtrail.json')

    const production = await request(appFailingWith(error, 'production')).get('/').expect(500)
    expect(production.text).to.include('The server could not answer this request.')
    expect(production.text).not.to.include('class="stack"')
    expect(production.text).not.to.include('/srv/secret')
  })
})
