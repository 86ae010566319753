// With users, in Chromium: the claim page offers a sign-in instead of its forms; signing in through the form
// brings the reader back, the review is recorded under their name, and signing out ends it.
import { expect } from 'chai'
import type { BrowserContext, Page } from 'playwright-core'
import { addUser } from '../../src/users/users.js'
import { type TempFolder, tempFolder } from '../store/temp-store.js'
import { HARBOUR_ARTICLE, harbourExtraction } from '../web/fixture.js'
import { type Launched, launch, type Served, screenshot, serve } from './harness.js'

const PASSWORD = 'a ferry pier at dawn'

describe('in a browser: signing in to review a claim', function () {
  this.timeout(120_000)
  let folder: TempFolder
  let served: Served
  let chromium: Launched
  let context: BrowserContext
  let page: Page

  before(async () => {
    folder = await tempFolder()
    const usersFile = folder.path('claimtrail.users.json')
    await addUser(usersFile, 'dana', PASSWORD)
    served = await serve({ usersFile })
    await served.store.addArticle(HARBOUR_ARTICLE, harbourExtraction())
    chromium = await launch()
    context = await chromium.browser.newContext({ viewport: { width: 1100, height: 900 } })
    page = await context.newPage()
  })
  after(async () => {
    await context?.close()
    await chromium?.close()
    await served?.close()
    await folder?.remove()
  })

  it('signs in from the claim page, reviews as the signed-in user, and signs out', async () => {
    await page.goto(`${served.base}/claims/harbour:c1`)
    expect(await page.locator('form[method="post"]').count()).to.equal(0)
    await page.getByRole('link', { name: 'Sign in' }).first().click()
    await page.getByLabel('Name').fill('dana')
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect(await page.getByRole('alert').textContent()).to.include('That name and password do not match')
    await page.getByLabel('Password').fill(PASSWORD)
    await page.screenshot({ path: screenshot('sign-in'), fullPage: true })
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect(decodeURIComponent(new URL(page.url()).pathname), 'back on the claim').to.equal('/claims/harbour:c1')

    expect(await page.locator('.review-form').getByLabel('Your name').count()).to.equal(0)
    await page.locator('.review-form').getByLabel('Verdict').selectOption('Mostly false')
    await page.getByRole('button', { name: /Save the review/i }).click()
    await page.locator('.review .verdict', { hasText: 'Mostly false' }).waitFor()
    expect(served.store.claims().find((c) => c.claim.review)?.claim.review).to.deep.include({ verdict: 'Mostly false', by: 'dana' })
    expect(await page.locator('ol.history li').first().textContent()).to.include('dana: Verdict: Mostly false')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.goto(`${served.base}/claims/harbour:c1`)
    expect(await page.locator('.review-form').count()).to.equal(0)
  })
})
