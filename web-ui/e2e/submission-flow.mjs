// Browser check of the whole reporting cycle against a running app:
//   永吉县 fills and submits its report → 市生态环境局 returns it → 永吉县 fixes and resubmits →
//   市生态环境局 approves → 城市汇总 shows the city value computed from the submitted components.
//   BASE_URL=http://127.0.0.1:8080 [PERIOD=2025] node e2e/submission-flow.mjs
// Uses the system Chromium (env CHROMIUM, default /usr/bin/chromium); never downloads a browser.
// Re-runnable on the same database: an existing report for the period is withdrawn (已提交) or reopened
// with 申请修改 (已通过) first.
import { join } from 'node:path'
import {
  SHOT_DIR,
  WAIT_MS,
  assert,
  check,
  checkNoPageErrors,
  logIn,
  openMenu,
  report,
  run,
  sel,
  until,
  withPage
} from './lib.mjs'

const PERIOD = process.env.PERIOD || '2025'
const SETTLE_MS = 10_000

const SUBMITTER = 'yongji-submitter'
const APPROVER = 'sthj-approver'
const UNIT = '永吉县'
const PREFERRED = '国控考核断面'
const RETURN_REASON = `e2e 退回：请核对断面数（${Date.now()}）`
const VALUE_COMMENT = 'e2e 意见：达标断面数请与监测站核对'
// The ratio indicator the test follows: numerator typed first, then changed after the return.
const DENOMINATOR = 19
const FIRST_NUMERATOR = 17
const SECOND_NUMERATOR = 18

const ratio = (n, d) => Math.round(((100 * n) / d) * 100 + 1e-9) / 100
let target = null // {id, name} of the followed ratio indicator

const DESKTOP = { viewport: { width: 1440, height: 900 }, acceptDownloads: true }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** Logs `username` in (a check of its own), runs fn(page) and ends with the page-error check. */
function session(browser, username, fn, options = DESKTOP) {
  return withPage(browser, options, async (page, pageErrors) => {
    const ok = await check(`${username}: logs in`, () => logIn(page, username))
    if (!ok) return false
    const result = await fn(page)
    await checkNoPageErrors(username, pageErrors)
    return result
  })
}

/** Types the period into the picker (the way a user would) and waits for the page to load it. */
async function choosePeriod(page, pageTest) {
  const root = page.locator(sel(pageTest))
  await root.waitFor({ state: 'visible' })
  if ((await root.getAttribute('data-period')) !== PERIOD) {
    await page.locator(`${sel(pageTest)} ${sel('period-select')}`).click()
    await page.keyboard.type(PERIOD)
    await page.keyboard.press('Enter')
  }
  await page.locator(`${sel(pageTest)}[data-period="${PERIOD}"][data-busy="false"]`).waitFor({ state: 'attached' })
}

async function reportStatus(page) {
  return page.locator(`${sel('report-summary')} ${sel('report-status')}`).getAttribute('data-status')
}

/** Waits until the report shows one of `statuses`; fails at once when the form shows an error. */
async function waitForStatus(page, statuses, what) {
  return until(
    async () => {
      const formError = page.locator(sel('form-error'))
      if (await formError.count()) throw new Error(`form error: ${(await formError.innerText()).replace(/\s+/g, ' ')}`)
      const busy = await page.locator(sel('reporting-page')).getAttribute('data-busy')
      const status = await reportStatus(page)
      return busy === 'false' && statuses.includes(status) ? status : null
    },
    SETTLE_MS,
    what
  ).catch(async (e) => {
    const formError = page.locator(sel('form-error'))
    if (await formError.count()) throw new Error(`form error: ${(await formError.innerText()).replace(/\s+/g, ' ')}`)
    throw e
  })
}

async function shot(page, name) {
  await page.waitForTimeout(400) // loading masks fade out
  await page.screenshot({ path: join(SHOT_DIR, name), fullPage: true })
}

async function confirmMessageBox(page) {
  const button = page.locator('.el-message-box .jc-confirm')
  await button.waitFor({ state: 'visible' })
  await button.click()
}

function rowOf(page, id) {
  return page.locator(`${sel('indicator-row')}[data-indicator="${id}"]`)
}

/** Fills the explanation wherever the form says it is required now. */
async function fillRequiredExplanations(page) {
  const rows = page.locator(sel('indicator-row'))
  let filled = 0
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i)
    if (await row.locator(sel('explanation-required')).count()) {
      const input = row.locator(sel('explanation-input'))
      if (!(await input.inputValue()).trim()) {
        await input.fill('e2e：与监测站核对，数据无误')
        filled++
      }
    }
  }
  return filled
}

/** Brings an existing report for PERIOD back to an editable state. */
async function makeEditable(page) {
  const status = await reportStatus(page)
  if (status === 'SUBMITTED') {
    await page.locator(sel('withdraw-report')).click()
    await confirmMessageBox(page)
    await waitForStatus(page, ['DRAFT'], 'withdrawn report')
    return 'withdrew the submitted report first'
  }
  if (status === 'APPROVED') {
    await page.locator(sel('amend-report')).click()
    await page.locator(sel('amend-reason')).fill('e2e：重新走一遍填报流程')
    await page.locator(sel('amend-confirm')).click()
    await waitForStatus(page, ['DRAFT', 'RETURNED'], 'amendment')
    return 'reopened the approved report with 申请修改'
  }
  assert(status === '' || status === 'DRAFT' || status === 'RETURNED', `report is ${status}; use another PERIOD`)
  return status ? `report was ${status}` : 'new report'
}

async function fillForm(page) {
  const rows = page.locator(sel('indicator-row'))
  const count = await rows.count()
  assert(count > 0, 'no indicators assigned')
  const ratios = []
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i)
    const id = await row.getAttribute('data-indicator')
    const name = await row.getAttribute('data-name')
    const type = await row.getAttribute('data-value-type')
    const rule = await row.getAttribute('data-rollup')
    const comps = row.locator(sel('component-input'))
    if (rule === 'RATIO_OF_SUMS' && (await comps.count()) === 2) {
      ratios.push({ id, name })
      await comps.nth(0).fill('9')
      await comps.nth(1).fill('10')
    } else if (type === 'YES_NO') {
      await row.locator(sel('yes-option')).click()
    } else {
      await row.locator(sel('value-input')).fill(type === 'PERCENT' ? '95.5' : '100')
      for (let c = 0; c < (await comps.count()); c++) await comps.nth(c).fill('1000')
    }
  }
  assert(ratios.length > 0, 'no indicator with numerator/denominator components is assigned')
  target = ratios.find((r) => r.name.includes(PREFERRED)) || ratios[0]
  return `${count} indicators, ${ratios.length} with components`
}

async function setRatio(page, numerator) {
  const comps = rowOf(page, target.id).locator(sel('component-input'))
  await comps.nth(0).fill(String(numerator))
  await comps.nth(1).fill(String(DENOMINATOR))
  const expected = ratio(numerator, DENOMINATOR)
  await until(
    async () => Number(await rowOf(page, target.id).locator(sel('computed-value')).getAttribute('data-value')) === expected,
    WAIT_MS,
    `computed value ${expected}`
  )
  return expected
}

// ---- phases ---------------------------------------------------------------------------

async function submitterFirst(browser) {
  return session(browser, SUBMITTER, async (page) => {
    const opened = await check(`${SUBMITTER}: 数据填报 opens period ${PERIOD}`, async () => {
      await openMenu(page, '数据填报', /#\/reporting/)
      await choosePeriod(page, 'reporting-page')
      await page.locator(sel('indicator-row')).first().waitFor({ state: 'visible' })
      return await makeEditable(page)
    })
    if (!opened) return false
    await check(`${SUBMITTER}: each indicator shows its due date; periods not yet open are greyed out`, async () => {
      const due = (await page.locator(sel('indicator-due')).first().innerText()).trim()
      assert(/^截止：\d{4}-\d{2}-\d{2}$/.test(due), `due date shown as "${due}"`)
      await page.locator(`${sel('reporting-page')} ${sel('period-select')}`).click()
      const thisYear = page.locator('.el-select-dropdown__item.is-disabled', { hasText: `${new Date().getFullYear()}年（` })
      await thisYear.first().waitFor({ state: 'visible' })
      const label = (await thisYear.first().innerText()).trim()
      assert(label.endsWith(`${new Date().getFullYear() + 1}年1月1日起可填报）`), `this year offered as "${label}"`)
      await page.keyboard.press('Escape')
    })
    if (!(await check(`${SUBMITTER}: fills every assigned indicator`, () => fillForm(page)))) return false

    await check(`${SUBMITTER}: numerator above denominator shows an inline error`, async () => {
      const row = rowOf(page, target.id)
      const comps = row.locator(sel('component-input'))
      await comps.nth(0).fill(String(DENOMINATOR + 2))
      await comps.nth(1).fill(String(DENOMINATOR))
      const error = row.locator(sel('component-error'))
      await error.first().waitFor({ state: 'visible' })
      const text = (await error.first().innerText()).trim()
      assert(/不能大于/.test(text), `error text "${text}"`)
      return `“${target.name}”: ${text}`
    })

    await check(`${SUBMITTER}: a percentage above 100 shows an inline error`, async () => {
      const percentRow = page.locator(`${sel('indicator-row')}[data-value-type="PERCENT"]`, { has: page.locator(sel('value-input')) })
      if (!(await percentRow.count())) return 'skipped: no directly typed percentage assigned'
      const input = percentRow.first().locator(sel('value-input'))
      const before = await input.inputValue()
      await input.fill('120')
      const error = percentRow.first().locator(sel('value-error'))
      await error.waitFor({ state: 'visible' })
      const text = (await error.innerText()).trim()
      await input.fill(before)
      await error.waitFor({ state: 'detached' })
      return text
    })

    const saved = await check(`${SUBMITTER}: fixing the value clears the error; 保存草稿 saves`, async () => {
      const expected = await setRatio(page, FIRST_NUMERATOR)
      await rowOf(page, target.id).locator(sel('component-error')).first().waitFor({ state: 'detached' })
      await fillRequiredExplanations(page)
      await page.locator(sel('save-draft')).click()
      await waitForStatus(page, ['DRAFT', 'RETURNED'], 'saved draft')
      await page.locator(sel('dirty-hint')).waitFor({ state: 'detached' })
      await shot(page, 'flow-1-draft.png')
      return `${FIRST_NUMERATOR}/${DENOMINATOR} → ${expected}`
    })
    if (!saved) return false

    return check(`${SUBMITTER}: 提交审核 submits`, async () => {
      await fillRequiredExplanations(page)
      await page.locator(sel('submit-report')).click()
      await confirmMessageBox(page)
      const status = await waitForStatus(page, ['SUBMITTED', 'REVIEWED'], 'submitted report')
      await shot(page, 'flow-2-submitted.png')
      return `status ${status}`
    })
  })
}

/** Clicks 刷新 on the review page until `ready()` holds (the inbox follows the commands a little later). */
async function refreshInboxUntil(page, ready, what) {
  await until(
    async () => {
      if (await ready()) return true
      await page.locator(sel('review-refresh')).click()
      return false
    },
    SETTLE_MS,
    what
  )
}

async function openInInbox(page) {
  await openMenu(page, '审核', /#\/review/)
  const entry = page.locator(`${sel('inbox-row')}[data-period="${PERIOD}"]`, { hasText: UNIT })
  await refreshInboxUntil(page, async () => (await entry.count()) > 0, `${UNIT} ${PERIOD} in the inbox`)
  await page.locator('tr', { has: entry }).locator(sel('inbox-open')).click()
  await reviewRow(page).waitFor({ state: 'visible' })
  return entry
}

/** The reviewer sees the submitter's values table, read-only. */
function reviewRow(page) {
  return page.locator(`${sel('review-values')} ${sel('indicator-row')}[data-indicator="${target.id}"]`)
}

async function reviewedValue(page) {
  return Number(await reviewRow(page).locator(sel('value-text')).getAttribute('data-value'))
}

async function waitGoneFromInbox(page, entry) {
  await refreshInboxUntil(page, async () => !(await entry.count()), 'the report to leave the inbox')
}

async function approverReturns(browser) {
  return session(browser, APPROVER, async (page) => {
    let entry
    const opened = await check(`${APPROVER}: 审核 lists ${UNIT} ${PERIOD} and opens it`, async () => {
      entry = await openInInbox(page)
      const value = await reviewedValue(page)
      const expected = ratio(FIRST_NUMERATOR, DENOMINATOR)
      assert(value === expected, `value ${value}, expected ${expected}`)
      await shot(page, 'flow-3-review.png')
      return `“${target.name}” = ${value}`
    })
    if (!opened) return false
    return check(`${APPROVER}: 退回 with a reason and a comment on the value`, async () => {
      await page.locator(sel('review-return')).click()
      // the reason is required: confirming empty shows the inline error
      await page.locator(sel('return-confirm')).click()
      await page.locator('.el-dialog .el-form-item__error', { hasText: '请填写退回原因' }).waitFor({ state: 'visible' })
      await page.locator(sel('return-reason-input')).fill(RETURN_REASON)
      await page.locator(`${sel('return-value-comment')}[data-indicator="${target.id}"]`).fill(VALUE_COMMENT)
      await page.locator(sel('return-confirm')).click()
      await waitGoneFromInbox(page, entry)
    })
  })
}

async function submitterResubmits(browser) {
  return session(browser, SUBMITTER, async (page) => {
    const seen = await check(`${SUBMITTER}: sees the return reason and the comment next to the value`, async () => {
      await openMenu(page, '数据填报', /#\/reporting/)
      await choosePeriod(page, 'reporting-page')
      await waitForStatus(page, ['RETURNED'], 'RETURNED status')
      const reason = (await page.locator(sel('return-reason')).innerText()).trim()
      assert(reason.includes(RETURN_REASON), `reason shown: "${reason}"`)
      const comment = (await rowOf(page, target.id).locator(sel('return-comment')).innerText()).trim()
      assert(comment.includes(VALUE_COMMENT), `comment shown: "${comment}"`)
      await shot(page, 'flow-4-returned.png')
      return comment
    })
    if (!seen) return false
    return check(`${SUBMITTER}: changes the value and resubmits`, async () => {
      const expected = await setRatio(page, SECOND_NUMERATOR)
      await page.locator(sel('dirty-hint')).waitFor({ state: 'visible' })
      await fillRequiredExplanations(page)
      await page.locator(sel('submit-report')).click()
      await confirmMessageBox(page)
      const status = await waitForStatus(page, ['SUBMITTED', 'REVIEWED'], 'resubmitted report')
      return `${SECOND_NUMERATOR}/${DENOMINATOR} → ${expected}, status ${status}`
    })
  })
}

async function approverApprovesAndChecksDashboard(browser) {
  return session(browser, APPROVER, async (page) => {
    const expected = ratio(SECOND_NUMERATOR, DENOMINATOR)
    let entry
    const opened = await check(`${APPROVER}: the resubmitted report shows the changed value`, async () => {
      entry = await openInInbox(page)
      const value = await reviewedValue(page)
      assert(value === expected, `value ${value}, expected ${expected}`)
      return `“${target.name}” = ${value}`
    })
    if (!opened) return false
    const approved = await check(`${APPROVER}: 通过 approves`, async () => {
      await page.locator(sel('review-approve')).click()
      await page.locator(sel('approve-comment')).fill('e2e：审核通过')
      await page.locator(sel('approve-confirm')).click()
      await waitGoneFromInbox(page, entry)
    })
    if (!approved) return false

    return check(`${APPROVER}: 城市汇总 shows the city value computed from the components`, async () => {
      await openMenu(page, '城市汇总', /#\/dashboard/)
      await choosePeriod(page, 'dashboard-page')
      const pending = page.locator(`${sel('include-pending')}`)
      if ((await pending.count()) && (await pending.getAttribute('class') || '').includes('is-checked')) await pending.click()
      const row = page.locator(`${sel('rollup-row')}[data-indicator="${target.id}"]`)
      const cityValue = row.locator('xpath=ancestor::tr').locator(sel('rollup-city-value'))
      const value = await until(
        async () => {
          const v = (await row.count()) ? await cityValue.getAttribute('data-value') : ''
          if (v !== '' && v !== null) return v
          await page.locator(sel('dashboard-refresh')).click()
          await page.locator(`${sel('dashboard-page')}[data-busy="false"]`).waitFor({ state: 'attached' })
          return null
        },
        SETTLE_MS,
        'a city value'
      )
      await row.click()
      const detail = page.locator(`${sel('indicator-detail')}[data-indicator="${target.id}"]`)
      await detail.waitFor({ state: 'visible' })
      const units = detail.locator(sel('unit-row'))
      const withData = []
      for (let i = 0; i < (await units.count()); i++) {
        const v = await units.nth(i).getAttribute('data-value')
        if (v !== '' && v !== null) withData.push({ name: (await units.nth(i).innerText()).trim(), value: Number(v) })
      }
      const own = withData.find((u) => u.name === UNIT)
      assert(own, `${UNIT} has no value in the unit comparison`)
      assert(own.value === expected, `${UNIT} unit value ${own.value}, expected ${expected}`)
      const city = Number(value)
      let detailText
      if (withData.length === 1) {
        assert(city === expected, `city value ${city}, expected 100×${SECOND_NUMERATOR}/${DENOMINATOR} = ${expected}`)
        detailText = `city value ${city} = 100×${SECOND_NUMERATOR}/${DENOMINATOR} = ${expected}`
      } else {
        detailText = `${withData.length} units reported; ${UNIT} ${own.value} = 100×${SECOND_NUMERATOR}/${DENOMINATOR} = ${expected}, city value ${city}`
      }
      for (const chart of ['chart-progress', 'chart-trend', 'chart-units']) {
        await page.locator(`${sel(chart)} canvas`).first().waitFor({ state: 'attached' })
      }
      await page.waitForTimeout(800) // let the chart animation finish for the screenshots
      await detail.screenshot({ path: join(SHOT_DIR, 'flow-6-dashboard-indicator.png') })
      await page.locator(sel('dashboard-summary')).scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(SHOT_DIR, 'flow-5-dashboard.png'), fullPage: true })
      return `“${target.name}”: ${detailText}`
    }).then(async (ok) => {
      await check(`${APPROVER}: 导出Excel downloads a file`, async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(sel('export-excel')).click()])
        const name = download.suggestedFilename()
        assert(/\.xlsx$/.test(name), `file name ${name}`)
        return name
      })
      return ok
    })
  })
}

/** Fails when the page scrolls sideways or `row` (an indicator's row) leaves the 390 px screen. */
async function fitsThePhone(page, row, name) {
  await row.waitFor({ state: 'visible' })
  await shot(page, name)
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
  assert(scrollWidth <= innerWidth + 1, `page is ${scrollWidth} px wide in a ${innerWidth} px window`)
  const box = await row.boundingBox()
  assert(box && box.x >= 0 && box.x + box.width <= innerWidth + 1, `the row is outside the screen: ${JSON.stringify(box)}`)
  return `row ${Math.round(box.width)} px wide`
}

/** The values table on a 390 px phone: the unit's form, and the same table read-only in the reviewer's drawer. */
async function onAPhone(browser) {
  const unit = await session(
    browser,
    SUBMITTER,
    (page) =>
      check(`${SUBMITTER} at 390 px: 数据填报 fits the screen`, async () => {
        await openMenu(page, '数据填报', /#\/reporting/)
        await choosePeriod(page, 'reporting-page')
        return fitsThePhone(page, rowOf(page, target.id), 'flow-7-phone-reporting.png')
      }),
    PHONE
  )
  const reviewer = await session(
    browser,
    APPROVER,
    (page) =>
      check(`${APPROVER} at 390 px: the report's values fit the drawer`, async () => {
        await openMenu(page, '审核', /#\/review/)
        await page.locator(sel('review-scope')).getByText('全部报告').click()
        const entry = page.locator(`${sel('inbox-row')}[data-period="${PERIOD}"]`, { hasText: UNIT })
        await refreshInboxUntil(page, async () => (await entry.count()) > 0, `${UNIT} ${PERIOD} among all reports`)
        await page.locator('tr', { has: entry }).locator(sel('inbox-open')).click()
        return fitsThePhone(page, reviewRow(page), 'flow-8-phone-review.png')
      }),
    PHONE
  )
  return unit && reviewer
}

run(
  async (browser) => {
    const phases = [submitterFirst, approverReturns, submitterResubmits, approverApprovesAndChecksDashboard, onAPhone]
    for (const phase of phases) {
      if (!(await phase(browser))) {
        report(false, 'flow stopped', `${phase.name} did not complete`)
        break
      }
    }
  },
  { launchDetail: (browser) => `${browser.version()}, period ${PERIOD}` }
)
