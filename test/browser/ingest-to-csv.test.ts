// A reader's whole path through the served app in headless Chromium: paste the mission's sample article into
// the ingest form, read the summary, find the claim that Russia asked China for help, open it, download its
// statements as CSV, review it, and find a speaker through the speaker search.
import { readFile } from 'node:fs/promises'
import { expect } from 'chai'
import type { BrowserContext, Page } from 'playwright-core'
import { type Launched, launch, type Served, screenshot, serve } from './harness.js'

const SAMPLE = new URL('../../data/samples/nextshark-russia-china-aid.txt', import.meta.url)

describe('in a browser: from the ingest form to a claim and its CSV', function () {
  this.timeout(120_000)
  let served: Served
  let chromium: Launched
  let context: BrowserContext
  let page: Page

  before(async () => {
    served = await serve()
    chromium = await launch()
    context = await chromium.browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } })
    page = await context.newPage()
  })
  after(async () => {
    await context?.close()
    await chromium?.close()
    await served?.close()
  })

  it('shows an empty store how to add its first article', async () => {
    await page.goto(`${served.base}/articles`)
    await page.getByRole('link', { name: 'Add your first article' }).click()
    expect(new URL(page.url()).pathname).to.equal('/articles/new')
  })

  it('ingests the sample article pasted into the form and ends on a summary', async () => {
    const text = await readFile(SAMPLE, 'utf8')
    await page.goto(`${served.base}/articles/new`)
    await page.getByLabel('Article text', { exact: true }).fill(text)
    await page.getByLabel('Title', { exact: true }).fill('Russia asked China for military, economic assistance')
    await page.getByLabel('Outlet', { exact: true }).fill('NextShark')
    await page.getByLabel(/^Published/).fill('2022-03-15')
    await page.screenshot({ path: screenshot('ingest-form'), fullPage: true })
    await page.getByRole('button', { name: 'Add' }).click()
    // The progress page reloads itself (a meta refresh, no script) until the summary replaces it.
    await page.getByRole('heading', { name: 'Ingest summary' }).waitFor({ timeout: 60_000 })
    expect(await page.locator('dl.summary div', { hasText: 'Articles added' }).locator('dd').textContent()).to.equal('1')
    const statements = Number(await page.locator('dl.summary div', { hasText: 'Statements' }).locator('dd').textContent())
    expect(statements).to.equal(served.store.statements().length).and.to.be.greaterThan(5)
    await page.screenshot({ path: screenshot('ingest-summary'), fullPage: true })
  })

  it('opens the article and sees its statements marked in the text', async () => {
    await page.getByRole('link', { name: 'Russia asked China for military, economic assistance' }).click()
    await page.locator('.article-text mark.content').first().waitFor()
    const marks = await page.locator('.article-text mark.content').count()
    expect(marks).to.be.greaterThan(5)
    await page.screenshot({ path: screenshot('article'), fullPage: true })
  })

  it('finds the claim that Russia asked China for help in the claims list, and opens it', async () => {
    await page.goto(`${served.base}/`)
    const claim = page.locator('li.claim h2 a', { hasText: /Russia (has )?(asked|sought).*China/i }).first()
    await claim.waitFor()
    await page.screenshot({ path: screenshot('claims'), fullPage: true })
    await claim.click()
    await page.locator('h1.claim-text').waitFor()
    expect(await page.locator('h1.claim-text').textContent()).to.match(/Russia/)
    expect(await page.locator('li.statement').count()).to.be.greaterThan(0)
    await page.screenshot({ path: screenshot('claim'), fullPage: true })
  })

  it("downloads the claim's statements as CSV", async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these statements as CSV' }).click(),
    ])
    expect(download.suggestedFilename()).to.match(/^claimtrail-statements-.+\.csv$/)
    const csv = await readFile(await download.path(), 'utf8')
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(header).to.match(/^statement_id,claim_id,claim_text,speaker,/)
    expect(rows.length).to.be.greaterThan(0)
    expect(rows.join('\n')).to.match(/Russia/)
  })

  it('records a verdict on the claim through the review form, and shows it in the history', async () => {
    await page.getByLabel('Verdict').selectOption({ label: 'False' })
    await page.getByLabel('Note').fill('China denied any request; no evidence was published.')
    await page.locator('.review-form').getByLabel('Your name').fill('Dana Fact')
    await page.getByRole('button', { name: /Save the review/i }).click()
    await page.locator('.review .verdict', { hasText: 'False' }).waitFor()
    expect(await page.locator('ol.history li').first().textContent()).to.match(/Dana Fact/)
    const review = served.store.claims().find((c) => c.claim.review)?.claim.review
    expect(review).to.deep.include({ verdict: 'False', by: 'Dana Fact' })
    await page.screenshot({ path: screenshot('review'), fullPage: true })
  })

  it('reads on a phone: the claims list fits a narrow screen without sideways scrolling', async () => {
    const phone = await chromium.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    try {
      const small = await phone.newPage()
      await small.goto(`${served.base}/`)
      await small.locator('li.claim').first().waitFor()
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).to.be.at.most(0)
      await small.screenshot({ path: screenshot('claims-phone'), fullPage: true })
    } finally {
      await phone.close()
    }
  })

  it('finds Jake Sullivan through the speaker search and lists his quotes', async () => {
    await page.goto(`${served.base}/speakers`)
    await page.getByRole('searchbox').fill('Sullivan')
    await page.keyboard.press('Enter')
    await page
      .getByRole('link', { name: /Jake Sullivan/ })
      .first()
      .click()
    await page.locator('ol.quotes li.quote').first().waitFor()
    expect(await page.locator('ol.quotes li.quote').count()).to.be.greaterThan(0)
    await page.screenshot({ path: screenshot('speaker'), fullPage: true })
  })
})
