// 城市汇总 verdicts in a real browser (issue 11): a period where 2 of 12 county-level units are approved shows 数据不全
// for the red line (no city value) and for 污水集中收集率 (its value shown) with the missing units named; the approver
// closes it (截止汇总): the ratio turns into a judged 达标 that names who it leaves out, the red line sum stays
// unjudged; reopening turns the ratio back. Also checks the legend, the status reasons, and
// that the page fits a 390 px phone. The data is prepared over HTTP by BrowserDashboardVerdictsTest.
//   PERIOD (required): the prepared period.
import { join } from 'node:path'
import { SHOT_DIR, assert, check, checkNoPageErrors, logIn, openMenu, report, run, sel, until, withPage } from './lib.mjs'

const PERIOD = process.env.PERIOD
const RED_LINE = '220200-I13'
const SEWAGE = '220200-I11'
const APPROVER = 'sthj-approver'

async function choosePeriod(page) {
  const root = page.locator(sel('dashboard-page'))
  await root.waitFor({ state: 'visible' })
  if ((await root.getAttribute('data-period')) !== PERIOD) {
    await page.locator(`${sel('dashboard-page')} ${sel('period-select')}`).click()
    await page.keyboard.type(PERIOD)
    await page.keyboard.press('Enter')
  }
  await page.locator(`${sel('dashboard-page')}[data-period="${PERIOD}"][data-busy="false"]`).waitFor({ state: 'attached' })
}

// Element Plus puts data-test on the textarea itself or on its wrapper, depending on the version
const textarea = (page, name) => page.locator(`textarea${sel(name)}, ${sel(name)} textarea`).first()

const rowOf = (page, id) => page.locator(`${sel('rollup-row')}[data-indicator="${id}"]`).locator('xpath=ancestor::tr')
const redLineRow = (page) => rowOf(page, RED_LINE)

async function statusOf(page, id = RED_LINE) {
  return rowOf(page, id).locator(sel('rollup-status')).getAttribute('data-status')
}

async function waitForStatus(page, status, id = RED_LINE) {
  return until(async () => ((await statusOf(page, id)) === status ? status : null), 10_000, `${id} ${status}`)
}

async function approverCloses(browser) {
  return withPage(browser, { viewport: { width: 1366, height: 900 } }, async (page, pageErrors) => {
    await logIn(page, APPROVER)
    await openMenu(page, '城市汇总', /#\/dashboard/)
    await choosePeriod(page)

    const partial = await check(`${APPROVER}: a partial period is 数据不全 with no city value`, async () => {
      await waitForStatus(page, 'INCOMPLETE')
      const row = redLineRow(page)
      const value = await row.locator(sel('rollup-city-value')).getAttribute('data-value')
      assert(value === '', `city value ${value}`)
      const coverage = await row.locator(sel('rollup-coverage')).innerText()
      assert(coverage.includes('2/12'), `coverage ${coverage}`)
      const reason = await row.locator(sel('status-reason')).innerText()
      assert(reason.includes('未报') && reason.includes('桦甸市'), `reason ${reason}`)
      const label = await row.locator(sel('rollup-status')).innerText()
      assert(label.includes('数据不全'), `label ${label}`)
      return `${coverage.trim()}; ${reason.slice(0, 40)}…`
    })
    if (!partial) return false

    await check(`${APPROVER}: the legend explains every status`, async () => {
      await page.locator(`${sel('status-legend')} .el-collapse-item__header`).click()
      const text = await page.locator(sel('status-legend')).innerText()
      for (const word of ['进度符合预期', '进度滞后', '预计难以完成', '达标', '未达标', '数据不全']) {
        assert(text.includes(word), `legend lacks ${word}`)
      }
      return 'six words present'
    })

    const closed = await check(`${APPROVER}: 截止汇总 judges the period on the data there is`, async () => {
      await page.locator(sel('close-period')).click()
      await page.locator(sel('close-confirm')).click()
      // the note is required: the form says so and nothing is sent
      await page.locator('.el-form-item__error', { hasText: '请填写截止汇总说明' }).waitFor({ state: 'visible' })
      await textarea(page, 'close-note').fill('e2e：其余单位逾期未报，按现有数据汇总')
      await page.locator(sel('close-confirm')).click()
      await page.locator(sel('closure-note')).waitFor({ state: 'visible' })
      await waitForStatus(page, 'MET', SEWAGE)
      const value = await rowOf(page, SEWAGE).locator(sel('rollup-city-value')).getAttribute('data-value')
      assert(Number(value) === 99, `sewage ${value}, expected 198/200 = 99`)
      const reason = await rowOf(page, SEWAGE).locator(sel('status-reason')).innerText()
      assert(reason.includes('不含') && reason.includes('桦甸市'), `reason ${reason}`)
      assert((await statusOf(page)) === 'INCOMPLETE', 'the red line sum must stay unjudged')
      const note = await page.locator(sel('closure-note')).innerText()
      assert(note.includes('截止汇总') && note.includes('桦甸市'), `note ${note}`)
      await page.screenshot({ path: join(SHOT_DIR, 'verdicts-1-closed.png'), fullPage: true })
      return `污水集中收集率 ${value} → 达标; red line still 数据不全`
    })
    if (!closed) return false

    await check(`${APPROVER}: 重新开放 makes it 数据不全 again`, async () => {
      await page.locator(sel('reopen-period')).click()
      await textarea(page, 'reopen-reason').fill('e2e：永吉县申请补报')
      await page.locator(sel('reopen-confirm')).click()
      await page.locator(sel('closure-note')).waitFor({ state: 'detached' })
      await waitForStatus(page, 'INCOMPLETE', SEWAGE)
      return 'INCOMPLETE'
    })
    await checkNoPageErrors(APPROVER, pageErrors)
    return true
  })
}

async function onAPhone(browser) {
  return withPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page, pageErrors) => {
    await logIn(page, APPROVER)
    // the side menu is a drawer behind the header's button on a phone
    await openMenu(page, '城市汇总', /#\/dashboard/)
    await choosePeriod(page)
    await check(`${APPROVER} at 390 px: the page does not scroll sideways`, async () => {
      await waitForStatus(page, 'INCOMPLETE')
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
      const table = await page.locator(sel('rollup-table')).boundingBox()
      assert(table && table.width >= 340, `the table is only ${table && table.width} px wide`)
      await page.screenshot({ path: join(SHOT_DIR, 'verdicts-2-phone.png'), fullPage: true })
      assert(widths[0] <= widths[1] + 1, `page is ${widths[0]} px wide in a ${widths[1]} px window`)
      return `${widths[0]} px`
    })
    await checkNoPageErrors(`${APPROVER} (phone)`, pageErrors)
  })
}

run(async (browser) => {
  if (!PERIOD) {
    report(false, 'PERIOD is required')
    return
  }
  if (await approverCloses(browser)) await onAPhone(browser)
})
