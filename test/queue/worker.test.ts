// Queue-fed filing in one process: articles queued on PostgreSQL, a worker filing them into a JSON store, each
// stored once however often it is queued or delivered; a filing that keeps failing is retried, then
// dead-lettered, and runs again from there.
import { expect } from 'chai'
import { InvalidInputError, StoreError, TooLargeError } from '../../src/errors.js'
import { type Extractor, openExtractor } from '../../src/ingest/extractor.js'
import { enqueue } from '../../src/queue/enqueue.js'
import type { ArticleFiler } from '../../src/queue/filer.js'
import { deadLetters, jobCounts, rerun, statesOf } from '../../src/queue/jobs.js'
import type { ArticleQueue } from '../../src/queue/queue.js'
import { type RunningWorker, startWorker } from '../../src/queue/worker.js'
import type { Store } from '../../src/store/store.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { articles, pending, queueDatabase, until } from './queue-fixture.js'

const quiet = { filed: () => {}, failed: () => {} }

describe('the articles queue and its worker', function () {
  this.timeout(30_000)
  let database: Awaited<ReturnType<typeof queueDatabase>>
  let extractor: Extractor
  let temp: TempFolder
  let store: Store
  let worker: RunningWorker | undefined

  before(async function () {
    database = await queueDatabase(this, 'the articles queue')
    extractor = await openExtractor(1)
  })
  after(async () => {
    await extractor?.close()
    await database?.close()
  })
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open()
    const queue = await database.queue()
    await queue.boss.clearStorage()
  })
  afterEach(async () => {
    await worker?.stop()
    worker = undefined
    await temp.remove()
  })

  const work = async (queue: ArticleQueue, filer: ArticleFiler = store, given = extractor) => {
    worker = await startWorker(queue, filer, { concurrency: 2, log: quiet, extractor: given })
  }
  const settled = (queue: ArticleQueue, n: number) =>
    until(`${n} jobs filed`, async () => (await jobCounts(queue)).completed === n && (await jobCounts(queue)))

  it('files every queued article once, and counts the jobs by state', async () => {
    const queue = await database.queue()
    const ids = await enqueue(queue, pending(articles(6)))
    expect(ids).to.have.length(6)
    expect(await jobCounts(queue)).to.deep.include({ created: 6, completed: 0, deadLetters: 0 })
    await work(queue)
    expect(await settled(queue, 6)).to.deep.include({ created: 0, active: 0, failed: 0, deadLetters: 0 })
    expect(
      store
        .articles()
        .map((a) => a.title)
        .sort(),
    ).to.deep.equal(
      articles(6)
        .map((a) => a.title)
        .sort(),
    )
    expect(await statesOf(queue, ids)).to.deep.include({ completed: 6 })
  })

  it('corrects a stored article from its text queued again with other facts, as a logged decision', async () => {
    const queue = await database.queue()
    const [one] = articles(1)
    await enqueue(queue, pending([one]))
    await work(queue)
    await settled(queue, 1)
    await enqueue(queue, pending([{ ...one, title: 'The same text, titled anew', outlet: 'The Courier' }]))
    await settled(queue, 2)
    expect(store.articles()).to.have.length(1)
    expect(store.articles()[0]).to.include({ title: 'The same text, titled anew', outlet: 'The Courier' })
    expect(store.decisions().map((d) => [d.action, d.by])).to.deep.equal([['set-article', 'claimtrail ingest']])
  })

  it('stores an article queued twice once', async () => {
    const queue = await database.queue()
    const [one] = articles(1)
    await enqueue(queue, pending([one]))
    await enqueue(queue, pending([one, { ...one, title: 'The same text again' }]))
    await work(queue)
    await settled(queue, 3)
    expect(store.articles()).to.have.length(1)
  })

  it('refuses a batch holding one bad article, queuing none of it', async () => {
    const queue = await database.queue()
    const bad = { ...articles(1)[0], text: 'binary\0junk' }
    let refused: unknown
    await enqueue(queue, pending([...articles(2), bad])).catch((error) => (refused = error))
    expect(refused).to.be.instanceOf(InvalidInputError)
    expect((refused as Error).message).to.equal(
      'wire.jsonl:3: the text holds NUL characters, so it looks binary: give the article as plain text.',
    )
    expect(await jobCounts(queue)).to.deep.include({ created: 0 })
  })

  it('files a job delivered again after its filing, as a worker killed before completing it leaves it, once', async () => {
    const queue = await database.queue({ policy: { retryDelaySeconds: 1 } })
    await enqueue(queue, pending(articles(3)))
    // The first filing is stored, then the worker "dies" before it can complete the jobs: they are delivered again.
    let filings = 0
    const dying: ArticleFiler = {
      async addArticles(batch) {
        const results = await store.addArticles(batch)
        if (filings++ === 0) throw new Error('the worker died after filing')
        return results
      },
      storedIds: (texts) => store.storedIds(texts),
    }
    // The real pipeline, counted: a job delivered again whose text is stored is not extracted again.
    const queued = new Set(articles(3).map((a) => a.text))
    let extracted = 0
    const counted: Extractor = {
      extract: (article) => {
        if (queued.has(article.text)) extracted++
        return extractor.extract(article)
      },
      line: (article, least) => extractor.line(article, least),
      close: () => extractor.close(),
    }
    await work(queue, dying, counted)
    await settled(queue, 3)
    expect(filings).to.be.greaterThan(0)
    expect(store.articles()).to.have.length(3)
    expect(extracted).to.equal(3)
  })

  it('refuses for good, without a retry, an article the pipeline refuses', async () => {
    const queue = await database.queue()
    const refusing: Extractor = {
      ...extractor,
      extract: (article) =>
        article.text.includes('district a1')
          ? Promise.reject(new TooLargeError('extracting the article took longer than its 1 s budget'))
          : extractor.extract(article),
    }
    await enqueue(queue, pending(articles(2)))
    await work(queue, store, refusing)
    // The refused job is dead-lettered at once; the other may still be filing (the first article loads the pipeline).
    await until('the refused job dead-lettered and the other filed', async () => {
      const counts = await jobCounts(queue)
      return counts.deadLetters === 1 && counts.completed + counts.failed === 2
    })
    expect(await jobCounts(queue)).to.deep.include({ completed: 1, failed: 1, retry: 0 })
    const [dead] = await deadLetters(queue)
    expect(dead).to.deep.include({
      source: 'wire.jsonl:2',
      tries: 1,
      refused: true,
      error: 'extracting the article took longer than its 1 s budget',
    })
  })

  it('retries a failing filing with backoff, dead-letters it, and files it when run again', async () => {
    const queue = await database.queue({ policy: { retryLimit: 2, retryDelaySeconds: 1 } })
    let down = true
    const tries: number[] = []
    const flaky: ArticleFiler = {
      addArticles(batch) {
        if (!down) return store.addArticles(batch)
        tries.push(Date.now())
        return Promise.reject(new StoreError('the store is down'))
      },
    }
    await enqueue(queue, pending(articles(1)))
    await work(queue, flaky)
    const [dead] = await until('the job dead-lettered', async () => (await deadLetters(queue)).length === 1 && deadLetters(queue))
    expect(dead).to.deep.include({ source: 'wire.jsonl:1', tries: 3, refused: false, error: 'filing failed: the store is down' })
    expect(tries).to.have.length(3)
    // Backoff: each wait at least the last (1-2 s, then 2-4 s), none immediate.
    expect(tries[1] - tries[0]).to.be.at.least(900)
    expect(tries[2] - tries[1]).to.be.at.least(1900)
    expect(store.articles()).to.have.length(0)

    down = false
    const [again] = await rerun(queue, [dead.id])
    await until('the rerun filed', async () => (await statesOf(queue, [again])).completed === 1)
    expect(store.articles()).to.have.length(1)
    expect(await jobCounts(queue)).to.deep.include({ deadLetters: 0 })
    expect(await rerun(queue, 'all')).to.deep.equal([])
  })
})
