// The reviewer's desk in Chromium: the first claim on the first screen of a laptop and of a phone, reached in
// at most three Tabs, no page scrolling sideways on a phone, and axe-core finding no accessibility violation on
// any page. Articles go in through POST /api/articles, as a script would send them; screenshots go to docs/.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { expect } from 'chai'
import type { Browser, Page } from 'playwright-core'
import { type Launched, launch, type Served, screenshot, serve } from './harness.js'

const SAMPLE = new URL('../../data/samples/nextshark-russia-china-aid.txt', import.meta.url)
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

// Written for this test: an anonymous claim, a denial, a long double-barrelled name and a long unbroken address,
// the things that push a narrow page sideways.
const PORT = `Port authority denies plan to sell container terminal

The Port of Valdora will sell its container terminal to a private operator, according to two officials familiar with the talks who spoke on condition of anonymity.
The port's chief executive, Marisol Achterberg-Nwachukwu, denied the report on Thursday. "There is no plan to sell the terminal, and there never was," she said.
A union spokesperson said the papers were posted at https://unions.example/documents/2026/11/valdora-terminal-sale-draft-agreement-final-version-signed-copy.pdf last week.`

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const

describe("in a browser: the reviewer's desk", function () {
  this.timeout(180_000)
  let served: Served
  let chromium: Launched
  let axe: string
  let pages: Record<string, string>

  before(async () => {
    served = await serve()
    chromium = await launch()
    axe = await readFile(AXE, 'utf8')
    const articles = [
      {
        text: await readFile(SAMPLE, 'utf8'),
        title: 'Russia asked China for help, US officials say',
        outlet: 'NextShark',
        date: '2022-03-15',
      },
      { text: PORT, title: 'Port authority denies plan to sell container terminal', outlet: 'The Valdora Courier', date: '2026-11-27' },
    ]
    const res = await fetch(`${served.base}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles }),
    })
    expect(res.status).to.equal(201)
    const filed = (await res.json()) as {
      articles: Array<{ articleId: string; claims: string[]; statements: Array<{ speakerId: string | null }> }>
    }
    const port = filed.articles[1]
    pages = {
      claims: '/',
      claim: `/claims/${encodeURIComponent(port.claims[0])}`,
      speakers: '/speakers',
      speaker: `/speakers/${encodeURIComponent(port.statements.find((s) => s.speakerId)!.speakerId!)}`,
      search: '/search?q=terminal',
      articles: '/articles',
      article: `/articles/${encodeURIComponent(port.articleId)}`,
      "an article's facts": `/articles/${encodeURIComponent(port.articleId)}/facts`,
      'add an article': '/articles/new',
      'more filters': '/claims?stance=deny&outlet=The+Valdora+Courier',
      'search, a phrase by a speaker': '/search?q=%22no+plan+to+sell%22&speaker=Achterberg-Nwachukwu',
    }
  })
  after(async () => {
    await chromium?.close()
    await served?.close()
  })

  /** A page of its own size; the server's Content-Security-Policy is bypassed only so that axe can be injected. */
  async function open(browser: Browser, size: keyof typeof SIZES, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: SIZES[size], bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${served.base}${path}`)
    return page
  }

  for (const size of ['desktop', 'phone'] as const) {
    it(`shows the first claim on the first screen (${SIZES[size].width}×${SIZES[size].height})`, async () => {
      const page = await open(chromium.browser, size, '/')
      const first = await page.locator('li.claim h2 a').first().boundingBox()
      expect(first, 'a claim is listed').to.not.equal(null)
      expect(first!.y + first!.height).to.be.at.most(SIZES[size].height)
      await page.screenshot({ path: screenshot(`desk-claims-${size}`) })
      await page.context().close()
    })

    it(`scrolls no page sideways (${size})`, async () => {
      for (const [name, path] of Object.entries(pages)) {
        const page = await open(chromium.browser, size, path)
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }))
        expect(scroll, `${name} (${path}) is wider than the screen`).to.be.at.most(client)
        if (['claim', 'speaker', 'search'].includes(name)) await page.screenshot({ path: screenshot(`desk-${name}-${size}`) })
        await page.context().close()
      }
    })
  }

  it('reaches the first claim in at most three Tabs, through the skip link', async () => {
    const page = await open(chromium.browser, 'desktop', '/')
    const firstClaim = await page.locator('li.claim h2 a').first().getAttribute('href')
    let tabs = 0
    let focused: { href: string | null; skip: boolean } = { href: null, skip: false }
    while (tabs < 3 && focused.href !== firstClaim) {
      await page.keyboard.press('Tab')
      tabs++
      focused = await page.evaluate(() => ({
        href: document.activeElement?.getAttribute('href') ?? null,
        skip: document.activeElement?.classList.contains('skip') ?? false,
      }))
      if (focused.skip) await page.keyboard.press('Enter')
    }
    expect(focused.href, `after ${tabs} Tabs`).to.equal(firstClaim)
    await page.context().close()
  })

  it('finds no accessibility violation on any page (axe-core)', async () => {
    for (const size of ['desktop', 'phone'] as const) {
      for (const [name, path] of Object.entries(pages)) {
        const page = await open(chromium.browser, size, path)
        await page.addScriptTag({ content: axe })
        const violations = await page.evaluate(async () => {
          const found = await (
            window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }
          ).axe.run()
          return found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
        })
        expect(violations, `${name} (${path}) at ${size}`).to.deep.equal([])
        await page.context().close()
      }
    }
  })

  it('sends the form a field is in when Enter is pressed there, and fills in the name given before', async () => {
    const page = await open(chromium.browser, 'desktop', pages.claim)
    const statement = page.locator('li.statement').first()
    const id = (await statement.getAttribute('id'))!.replace(/^statement-/, '')
    await statement.locator('details.correct summary').click()
    const form = statement.locator('form', { has: page.locator('input[name="speaker"]') })
    await form.getByLabel('Speaker is').fill('Lena Marsh')
    await form.getByLabel('Your name').fill('Jo Park')
    await form.getByLabel('Speaker is').press('Enter')
    await page.waitForURL(/done=set-speaker/)
    const filed = await served.store.statement(id)
    expect(served.store.speaker(filed!.speakerId!)?.name).to.equal('Lena Marsh')
    expect(await page.locator('input[name="by"]').first().inputValue()).to.equal('Jo Park')
    await page.context().close()
  })

  it("corrects an article's facts from its page with Enter, and undoes it from the history", async () => {
    const page = await open(chromium.browser, 'desktop', pages.article)
    await page.getByRole('link', { name: 'Correct the facts' }).click()
    const form = page.locator('form.facts')
    await form.getByLabel('Outlet').fill('Valdora Courier Weekly')
    await form.getByLabel('Your name').fill('Jo Park')
    await form.getByLabel('Outlet').press('Enter')
    await page.waitForURL(/done=facts/)
    const id = decodeURIComponent(pages.article.replace('/articles/', ''))
    expect((await served.store.article(id))!.outlet).to.equal('Valdora Courier Weekly')
    const line = page.locator('section.history li').first()
    expect(await line.textContent()).to.include('outlet Valdora Courier Weekly (was The Valdora Courier)')
    await line.getByRole('button', { name: 'Undo' }).click()
    await page.waitForURL(/done=undone/)
    expect((await served.store.article(id))!.outlet).to.equal('The Valdora Courier')
    await page.context().close()
  })

  it('searches a phrase by a speaker from the form, the results under their claim', async () => {
    const page = await open(chromium.browser, 'phone', '/search')
    await page.getByLabel('Words').fill('"no plan to sell" terminal')
    await page.getByLabel('Speaker', { exact: true }).fill('Achterberg-Nwachukwu')
    await page.getByLabel('Speaker', { exact: true }).press('Enter')
    await page.waitForURL(/speaker=Achterberg-Nwachukwu/)
    const groups = page.locator('li.claim-group')
    expect(await groups.count()).to.equal(1)
    expect(await groups.first().locator('h2.claim-of a').textContent()).to.be.a('string').and.not.empty
    expect(await groups.first().locator('mark.hit').allTextContents()).to.include.members(['terminal'])
    await page.screenshot({ path: screenshot('desk-search-phrase-phone') })
    await page.context().close()
  })
})
