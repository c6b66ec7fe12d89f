// Browser check of the auditor's pages against a running app: the auditor finds a report's history in the
// event log, opens its timeline, and views the report as of a moment before its approval.
//   BASE_URL=http://127.0.0.1:8080 REPORT_ID=… AS_OF='2026-11-23 10:00:00' node e2e/audit-flow.mjs
// REPORT_ID names a report that was submitted and later approved; AS_OF (Beijing time) lies between the two.
// Uses the system Chromium (env CHROMIUM, default /usr/bin/chromium); never downloads a browser.
import { join } from 'node:path'
import { SHOT_DIR, assert, check, checkNoPageErrors, logIn, openMenu, run, sel, until, withPage } from './lib.mjs'

const REPORT_ID = process.env.REPORT_ID
const AS_OF = process.env.AS_OF
const AUDITOR = 'auditor'

run(async (browser) => {
  if (!REPORT_ID || !AS_OF) {
    await check('REPORT_ID and AS_OF are given', () => assert(false, 'set REPORT_ID and AS_OF'))
    return
  }
  await withPage(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true }, async (page, pageErrors) => {
    if (!(await check(`${AUDITOR}: logs in`, () => logIn(page, AUDITOR)))) return
    const found = await check(`${AUDITOR}: 事件日志 finds the report's events by its id`, async () => {
      await openMenu(page, '审计', /#\/audit/)
      await page.locator(sel('log-aggregate-id')).fill(REPORT_ID)
      await page.locator(sel('log-search')).click()
      const rows = page.locator(`${sel('log-table')} .el-table__body-wrapper tbody tr.el-table__row`)
      await until(async () => (await rows.count()) === 4, 10_000, 'four events of the report')
      const text = await page.locator(sel('log-table')).innerText()
      for (const event of ['SubmissionCreated', 'SubmissionSubmitted', 'SubmissionApproved']) {
        assert(text.includes(event), `no ${event} in the log`)
      }
      assert(text.includes('永吉县') && text.includes('yongji-submitter') && text.includes('sthj-approver'),
        'who and which unit are shown')
      assert(text.includes('新建填报') && text.includes('审核通过'), 'events are named in Chinese')
      await page.screenshot({ path: join(SHOT_DIR, 'audit-1-log.png'), fullPage: true })
      return '4 events, with users and unit'
    })
    if (!found) return

    const opened = await check(`${AUDITOR}: the report's timeline shows every step and what changed`, async () => {
      await page.locator(sel('log-open-timeline')).first().click()
      const steps = page.locator(sel('timeline-step'))
      await until(async () => (await steps.count()) === 4, 10_000, 'four timeline steps')
      const last = steps.last()
      assert((await last.getAttribute('data-event')) === 'SubmissionApproved', 'last step is the approval')
      const lastText = await last.innerText()
      assert(lastText.includes('status') && lastText.includes('SUBMITTED') && lastText.includes('APPROVED'),
        `the approval shows status SUBMITTED → APPROVED: ${lastText.slice(0, 200)}`)
      return 'Created → DraftSaved → Submitted → Approved'
    })
    if (!opened) return

    await check(`${AUDITOR}: the report as of ${AS_OF} (before its approval) was 已提交`, async () => {
      const picker = page.locator(`${sel('as-of-card')} input`).first()
      await picker.click()
      await picker.fill(AS_OF)
      await picker.press('Enter')
      await page.locator(sel('as-of-card')).locator('.el-card__header').click() // close the picker panel
      await page.locator(sel('as-of-load')).click()
      const state = page.locator(sel('as-of-state'))
      await state.waitFor({ state: 'visible' })
      const status = await state.getAttribute('data-status')
      assert(status === 'SUBMITTED', `status then was ${status}`)
      await page.screenshot({ path: join(SHOT_DIR, 'audit-2-as-of.png'), fullPage: true })
      return `status ${status}, version ${await state.getAttribute('data-version')}`
    })

    await check(`${AUDITOR}: 链校验 reports an intact chain`, async () => {
      await page.locator('.el-tabs__item', { hasText: '链校验' }).click()
      await page.locator(sel('verify-run')).click()
      const result = page.locator(sel('verify-result'))
      await result.waitFor({ state: 'visible' })
      assert((await result.getAttribute('data-intact')) === 'true', await result.innerText())
      return (await result.innerText()).split('\n')[0]
    })

    await check(`${AUDITOR}: 投影重建 lists the projections and their state`, async () => {
      await page.locator('.el-tabs__item', { hasText: '投影重建' }).click()
      const tag = page.locator(`${sel('projection-phase')}[data-name="submissions"]`)
      await tag.waitFor({ state: 'visible' })
      return `submissions: ${await tag.innerText()}`
    })
    await checkNoPageErrors(AUDITOR, pageErrors)
  })
})
