// An article written to attack its readers is still an article: it is ingested through the form, stored, and
// shown as text. Every page that prints its words is opened in Chromium, and nothing in it may run: no dialog,
// no flag set by the payload, no element it tried to inject, no Content-Security-Policy violation. The pages
// keep their stylesheet under that policy.
import { expect } from 'chai'
import type { BrowserContext, Page } from 'playwright-core'
import { type Launched, launch, type Served, serve } from './harness.js'

const SCRIPT = '<script>window.__pwned = 1; alert(1)</script>'
const IMG = '"><img src=x onerror="window.__pwned=2;alert(2)">'
const HOSTILE = `Council row over leaked spreadsheet

Mayor Ana Ruiz said the leaked file contained ${SCRIPT} in its first cell.
Ruiz said the second cell read ${IMG} and nothing else.
Tom Reyes, the treasurer, said the budget line was =HYPERLINK("http://evil.example/x","Pay") all along.
Reyes denied that +cmd|' /C calc'!A0 had ever been typed into the ledger.
The auditor, Dana Okafor, said the total was -2+3 and that @SUM(1) appeared twice.
Okafor said a javascript:alert(document.cookie) link was found in the minutes.`

// What the pages would hold if any payload had become markup.
const INJECTED = ['script', 'img[onerror]', 'img[src="x"]', 'a[href^="javascript:"]', '[onerror]', '[onclick]']

describe('in a browser: an article full of scripts and formulas is shown, never run', function () {
  this.timeout(120_000)
  let served: Served
  let chromium: Launched
  let context: BrowserContext
  let page: Page
  const dialogs: string[] = []

  before(async () => {
    served = await serve()
    chromium = await launch()
    context = await chromium.browser.newContext({ viewport: { width: 1100, height: 900 } })
    // Installed by the browser itself, before any page script could run (CSP does not apply to it).
    await context.addInitScript(() => {
      const seen: string[] = []
      Object.defineProperty(window, '__violations', { value: seen })
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    page = await context.newPage()
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
  })
  after(async () => {
    await context?.close()
    await chromium?.close()
    await served?.close()
  })

  /** Opens `path` and proves that nothing on it ran or was injected, and that its stylesheet applied. */
  async function openSafely(path: string): Promise<string> {
    await page.goto(`${served.base}${path}`)
    await page.waitForLoadState('load')
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      violations: (window as unknown as { __violations: string[] }).__violations,
      paper: getComputedStyle(document.body).backgroundColor,
    }))
    expect(state.pwned, `a payload ran on ${path}`).to.equal(null)
    expect(state.violations, `CSP violations on ${path}`).to.deep.equal([])
    expect(dialogs, `dialogs on ${path}`).to.deep.equal([])
    for (const selector of INJECTED) expect(await page.locator(selector).count(), `${selector} on ${path}`).to.equal(0)
    expect(state.paper, `the stylesheet on ${path}`).to.equal('rgb(255, 254, 251)')
    return (await page.locator('main').textContent()) ?? ''
  }

  it('ingests the article through the form, as it was written', async () => {
    await page.goto(`${served.base}/articles/new`)
    await page.getByLabel('Article text', { exact: true }).fill(HOSTILE)
    await page.getByLabel('Title', { exact: true }).fill(`${SCRIPT} Council row`)
    await page.getByLabel('Outlet', { exact: true }).fill(IMG)
    await page.getByLabel(/^Published/).fill('2025-04-04')
    await page.getByRole('button', { name: 'Add' }).click()
    await page.getByRole('heading', { name: 'Ingest summary' }).waitFor({ timeout: 60_000 })
    const article = served.store.article(served.store.articles()[0].id)!
    expect(article.text.replace(/\r\n/g, '\n')).to.equal(HOSTILE) // a browser's form sends CRLF line breaks
    expect(article.title).to.equal(`${SCRIPT} Council row`)
    expect(served.store.statements().map((s) => s.claim)).to.have.length.greaterThan(4)
  })

  it("shows the article's page with the payloads as text", async () => {
    const article = served.store.article(served.store.articles()[0].id)!
    const text = await openSafely(`/articles/${encodeURIComponent(article.id)}`)
    expect(text).to.include(SCRIPT).and.to.include(IMG).and.to.include('=HYPERLINK("http://evil.example/x","Pay")')
  })

  it('shows the claims list with them as text', async () => {
    const text = await openSafely('/')
    expect(text).to.include('<script>window.__pwned = 1').and.to.include("+cmd|' /C calc'!A0")
  })

  it("shows a claim's page with them as text", async () => {
    const claim = served.store.claims().find((c) => c.claim.text.includes('<script>'))
    expect(claim, 'a claim holding the script tag').to.not.equal(undefined)
    const text = await openSafely(`/claims/${encodeURIComponent(claim!.claim.id)}`)
    expect(text).to.include('<script>window.__pwned = 1')
  })

  it("shows the speaker's page with their quotes as text", async () => {
    const ruiz = served.store.speakers().find((s) => s.name === 'Ana Ruiz')
    expect(ruiz, 'Ana Ruiz as a speaker').to.not.equal(undefined)
    const text = await openSafely(`/speakers/${encodeURIComponent(ruiz!.id)}`)
    expect(text).to.include('<script>window.__pwned = 1')
  })

  it('shows search results marking the words inside the payloads as text', async () => {
    const text = await openSafely('/search?q=onerror')
    expect(text).to.include('onerror')
    expect(await page.locator('main mark').count()).to.be.greaterThan(0)
    const formulas = await openSafely('/search?q=HYPERLINK')
    expect(formulas).to.include('=HYPERLINK(')
  })

  it('sends the headers that forbid scripts on every one of those pages', async () => {
    const res = await page.goto(`${served.base}/`)
    const headers = res!.headers()
    expect(headers['content-security-policy']).to.equal(
      "default-src 'none';style-src 'self';img-src 'self';form-action 'self';base-uri 'none';frame-ancestors 'none'",
    )
    expect(headers['x-content-type-options']).to.equal('nosniff')
    expect(headers['x-frame-options']).to.equal('DENY')
  })
})
