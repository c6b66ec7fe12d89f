// Browser check of 不涉及 on a phone-sized screen (390 px wide) against a running app:
//   a zone's submitter declares an indicator 不涉及 on 数据填报 (待确认) → 市生态环境局 confirms it on the 审核 page's
//   不涉及确认 tab → the submitter's form no longer asks for it and lists it as 不涉及.
//   BASE_URL=http://127.0.0.1:8080 SUBMITTER=<a submitter of UNIT> [UNIT=220272] [INDICATOR=220200-I15]
//   [PERIOD=2064] node e2e/not-applicable-flow.mjs
//   → the bureau revokes it on the same tab (a reason is required).
// The submitter logs in with DEMO_PASSWORD like the demo users.
import { join } from 'node:path'
import { BASE_URL, SHOT_DIR, assert, check, checkNoPageErrors, logIn, run, sel, until, withPage } from './lib.mjs'

const SUBMITTER = process.env.SUBMITTER
const UNIT = process.env.UNIT || '220272'
const INDICATOR = process.env.INDICATOR || '220200-I15'
const PERIOD = process.env.PERIOD || '2064'
const APPROVER = 'sthj-approver'
const REASON = `e2e：本区无一般工业固体废物产生（${Date.now()}）`
const PHONE = { width: 390, height: 844 }
const SETTLE_MS = 10_000

if (!SUBMITTER) {
  console.error('SUBMITTER is required: a submitter of UNIT')
  process.exit(2)
}

function session(browser, username, fn) {
  return withPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true }, async (page, pageErrors) => {
    const ok = await check(`${username}: logs in`, () => logIn(page, username))
    if (!ok) return false
    const result = await fn(page)
    await checkNoPageErrors(username, pageErrors)
    return result
  })
}

async function shot(page, name) {
  await page.waitForTimeout(400) // loading masks fade out
  await page.screenshot({ path: join(SHOT_DIR, name), fullPage: true })
}

/** The page itself never scrolls sideways at 390 px; wide tables scroll inside their own box. */
async function fitsTheScreen(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth
  }))
  assert(scroll <= width + 1, `page is ${scroll}px wide on a ${width}px screen`)
  return `${scroll}px`
}

async function openReporting(page) {
  await page.goto(`${BASE_URL}/#/reporting?period=${PERIOD}`, { waitUntil: 'domcontentloaded' })
  await page.locator(`${sel('reporting-page')}[data-period="${PERIOD}"][data-busy="false"]`).waitFor({ state: 'attached' })
  await page.locator(sel('indicator-row')).first().waitFor({ state: 'visible' })
}

const rowOf = (page) => page.locator(`${sel('indicator-row')}[data-indicator="${INDICATOR}"]`)

async function submitterDeclares(browser) {
  return session(browser, SUBMITTER, async (page) => {
    if (!(await check(`${SUBMITTER}: 数据填报 lists ${INDICATOR}`, () => openReporting(page)))) return false
    await check(`${SUBMITTER}: 数据填报 fits 390 px`, () => fitsTheScreen(page))
    const declared = await check(`${SUBMITTER}: declares ${INDICATOR} 不涉及 with a reason`, async () => {
      await rowOf(page).locator(sel('na-declare')).click()
      await page.locator(sel('na-declare-confirm')).click()
      await page.locator('.el-dialog .el-form-item__error', { hasText: '请填写不涉及原因' }).waitFor({ state: 'visible' })
      await page.locator(sel('na-reason')).fill(REASON)
      await page.locator(sel('na-declare-confirm')).click()
      await until(
        async () => (await rowOf(page).locator(sel('na-state')).getAttribute('data-status')) === 'DECLARED',
        SETTLE_MS,
        '待确认'
      )
      const text = (await rowOf(page).locator(sel('na-state')).innerText()).trim()
      assert(text.includes('待确认'), `row shows “${text}”`)
      assert((await rowOf(page).locator(sel('na-declare')).count()) === 0, 'can declare twice')
      return text
    })
    await shot(page, 'not-applicable-1-declared.png')
    return declared
  })
}

async function approverConfirms(browser) {
  return session(browser, APPROVER, async (page) => {
    const row = page.locator(`${sel('na-row')}[data-indicator="${INDICATOR}"][data-unit="${UNIT}"]`)
    const listed = await check(`${APPROVER}: 不涉及确认 lists the declaration`, async () => {
      await page.goto(`${BASE_URL}/#/review`, { waitUntil: 'domcontentloaded' })
      await page.locator(sel('tab-not-applicable')).click()
      await page.locator(`${sel('na-review')}[data-busy="false"]`).waitFor({ state: 'attached' })
      await until(async () => (await row.count()) === 1, SETTLE_MS, 'the declared row')
      return await row.getAttribute('data-status')
    })
    if (!listed) return false
    await check(`${APPROVER}: 不涉及确认 fits 390 px`, () => fitsTheScreen(page))
    await check(`${APPROVER}: 重置 and 查询 keep the pending list`, async () => {
      await page.locator(sel('na-reset')).click()
      await page.locator(sel('na-search')).click()
      await until(async () => (await row.count()) === 1, SETTLE_MS, 'the declared row after 重置')
    })
    await shot(page, 'not-applicable-2-pending.png')
    return check(`${APPROVER}: confirms it`, async () => {
      await page.locator('tr', { has: row }).locator(sel('na-confirm')).click()
      await page.locator(sel('na-confirm-ok')).click()
      await until(async () => (await row.count()) === 0, SETTLE_MS, 'the row leaving the pending list')
      return 'no longer pending'
    })
  })
}

async function submitterSeesIt(browser) {
  return session(browser, SUBMITTER, async (page) => {
    await check(`${SUBMITTER}: the form no longer asks for ${INDICATOR}, it is listed as 不涉及`, async () => {
      await openReporting(page)
      assert((await rowOf(page).count()) === 0, 'the indicator is still in the form')
      const confirmed = page.locator(`${sel('na-confirmed-row')}[data-indicator="${INDICATOR}"]`)
      await confirmed.waitFor({ state: 'visible' })
      const text = (await confirmed.innerText()).replace(/\s+/g, ' ')
      assert(text.includes('不涉及') && text.includes(REASON), `listed as “${text}”`)
      return `${await page.locator(sel('indicator-row')).count()} indicators left to fill`
    })
    await shot(page, 'not-applicable-3-confirmed.png')
  })
}

/** The bureau revokes the confirmation on the same tab: a reason is required, then the row is 已撤销. */
async function approverRevokes(browser) {
  return session(browser, APPROVER, async (page) => {
    const row = page.locator(`${sel('na-row')}[data-indicator="${INDICATOR}"][data-unit="${UNIT}"]`)
    return check(`${APPROVER}: revokes it with a reason`, async () => {
      await page.goto(`${BASE_URL}/#/review`, { waitUntil: 'domcontentloaded' })
      await page.locator(sel('tab-not-applicable')).click()
      await page.locator(`${sel('na-review')}[data-busy="false"]`).waitFor({ state: 'attached' })
      await page.locator(sel('na-filter-status')).click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '已确认不涉及' }).first().click()
      await page.locator(sel('na-search')).click()
      await until(async () => (await row.count()) === 1 && (await row.getAttribute('data-status')) === 'CONFIRMED',
        SETTLE_MS, 'the confirmed row')
      await page.locator('tr', { has: row }).locator(sel('na-revoke')).click()
      await page.locator(sel('na-decision-ok')).click()
      await page.locator('.el-dialog .el-form-item__error', { hasText: '请填写撤销原因' }).waitFor({ state: 'visible' })
      await page.locator(sel('na-decision-reason')).fill('e2e：测试结束')
      await page.locator(sel('na-decision-ok')).click()
      await until(async () => (await row.count()) === 0, SETTLE_MS, 'the row leaving the confirmed list')
      return 'revoked'
    })
  })
}

run(async (browser) => {
  if (!(await submitterDeclares(browser))) return
  if (!(await approverConfirms(browser))) return
  await submitterSeesIt(browser)
  await approverRevokes(browser)
})
