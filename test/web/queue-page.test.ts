// The queue page of a server over a database store: queued articles counted as they wait, then as filed by a
// worker into the same database; a dead letter listed with why, its source escaped like any article text.
import { expect } from 'chai'
import request from 'supertest'
import { TooLargeError } from '../../src/errors.js'
import { type Extractor, openExtractor } from '../../src/ingest/extractor.js'
import { enqueue } from '../../src/queue/enqueue.js'
import type { ArticleQueue } from '../../src/queue/queue.js'
import { type RunningWorker, startWorker } from '../../src/queue/worker.js'
import { PgStore } from '../../src/store/pg/pg-store.js'
import { createApp } from '../../src/web/app.js'
import { articles, pending, queueDatabase, until } from '../queue/queue-fixture.js'

describe('GET /queue', function () {
  this.timeout(60_000)
  let database: Awaited<ReturnType<typeof queueDatabase>>
  let queue: ArticleQueue
  let store: PgStore
  let extractor: Extractor
  let worker: RunningWorker | undefined
  before(async function () {
    database = await queueDatabase(this, 'the queue page')
    queue = await database.queue({ policy: { retryLimit: 0 } })
    store = await PgStore.open(database.url)
    extractor = await openExtractor(1)
  })
  after(async () => {
    await worker?.stop()
    await extractor?.close()
    await store?.close()
    await database?.close()
  })

  it('counts what waits, reloading itself, then what the worker filed into the store the pages show', async () => {
    const app = createApp({ store, queue })
    await enqueue(queue, pending(articles(3, 'q'), '<b>wire</b>.jsonl'))
    const waiting = await request(app).get('/queue').expect(200)
    expect(waiting.text).to.match(/<dd data-state="created">3<\/dd>/)
    expect(waiting.text).to.include('<meta http-equiv="refresh" content="1">')
    expect((await request(app).get('/api/queue').expect(200)).body).to.deep.include({ created: 3, completed: 0 })

    worker = await startWorker(queue, store, { concurrency: 1, log: { filed: () => {}, failed: () => {} }, extractor })
    await until('3 filed', async () => (await request(app).get('/api/queue')).body.completed === 3)
    const done = await request(app).get('/queue').expect(200)
    expect(done.text).to.match(/<dd data-state="completed">3<\/dd>/)
    expect(done.text).to.include('Nothing waits')
    expect(done.text).not.to.include('http-equiv="refresh"')
    const list = await request(app).get('/articles').expect(200)
    for (const { title } of articles(3, 'q')) expect(list.text).to.include(title!)
  })

  it('lists a dead letter with why, its source escaped', async () => {
    // A stopped worker stops its queue's pg-boss: this test has its own.
    await worker?.stop()
    const queue = await database.queue()
    const app = createApp({ store, queue })
    // The pipeline refuses it for good (too long to extract), as worker.test.ts has it refuse one.
    const refusing: Extractor = {
      ...extractor,
      extract: (article) =>
        article.text.includes('district dead0')
          ? Promise.reject(new TooLargeError('extracting the article took longer than its 1 s budget'))
          : extractor.extract(article),
    }
    worker = await startWorker(queue, store, { concurrency: 1, log: { filed: () => {}, failed: () => {} }, extractor: refusing })
    await enqueue(queue, pending(articles(1, 'dead'), '<script>alert(1)</script>.jsonl'))
    const page = await until('a dead letter', async () => {
      const res = await request(app).get('/queue')
      return /<dd data-state="dead">1<\/dd>/.test(res.text) && res.text
    })
    expect(page).to.include('&lt;script&gt;alert(1)&lt;/script&gt;.jsonl:1')
    expect(page).to.include('took longer than its 1 s budget (refused by the pipeline')
    expect(page).not.to.include('<script>alert')
    expect(page).to.include('claimtrail jobs --rerun ID')
  })
})

describe('POST /api/articles?queue', function () {
  this.timeout(60_000)
  let database: Awaited<ReturnType<typeof queueDatabase>>
  let store: PgStore
  before(async function () {
    database = await queueDatabase(this, 'queued posts')
    store = await PgStore.open(database.url)
  })
  after(async () => {
    await store?.close()
    await database?.close()
  })

  it('queues the articles and answers 202 at once, with the jobs and where to watch them', async () => {
    const queue = await database.queue()
    const app = createApp({ store, queue })
    const [one, two] = articles(2, 'posted')
    const res = await request(app)
      .post('/api/articles?queue')
      .send({ articles: [one, two].map(({ text, title }) => ({ text, title })) })
      .expect(202)
    expect(res.body).to.deep.include({ queued: 2, progress: '/api/queue' })
    expect(res.body.jobs).to.have.length(2)
    expect((await request(app).get('/api/queue').expect(200)).body).to.deep.include({ created: 2 })
    expect(await store.articles()).to.deep.equal([])
  })

  it('refuses a bad article in the batch with 400 and queues none of it', async () => {
    const queue = await database.queue()
    await queue.boss.clearStorage()
    const app = createApp({ store, queue })
    const res = await request(app)
      .post('/api/articles?queue')
      .send({ articles: [{ text: 'A fine article, the mayor said.' }, { text: '' }] })
      .expect(400)
    expect(res.body.error).to.match(/articles\[1\]: "text" is missing or empty/)
    expect((await request(app).get('/api/queue').expect(200)).body).to.deep.include({ created: 0 })
  })

  it('on a server with no queue, says so (400) and stores nothing', async () => {
    const app = createApp({ store })
    const res = await request(app).post('/api/articles?queue').send({ text: 'One more article, the mayor said.' }).expect(400)
    expect(res.body.error).to.match(/no job queue/)
    expect(await store.articles()).to.deep.equal([])
  })
})
