// Browser check of four eyes on targets (指标目录):
//   市生态环境局's first approver (sthj-approver) opens 指标目录 → an indicator → 提出目标调整, is told at once that
//   the reason, 文号 and 标题 are missing, then proposes a new 2027 target; they cannot confirm it themselves.
//   A second approver (SECOND_APPROVER), on a 390 px phone, confirms it and sees it in the target history.
//   BASE_URL=http://127.0.0.1:8080 SECOND_APPROVER=… INDICATOR_NUMBER=15 NEW_VALUE=36 node e2e/indicator-targets.mjs
// The second approver and the indicator are chosen by the JUnit driver (BrowserIndicatorTargetsTest), which checks
// the stored targets afterwards and puts them back.
import { join } from 'node:path'
import { SHOT_DIR, assert, check, checkNoPageErrors, logIn, openMenu, run, sel, until, withPage } from './lib.mjs'

const FIRST = 'sthj-approver'
const SECOND = process.env.SECOND_APPROVER
const NUMBER = process.env.INDICATOR_NUMBER || '15'
const NEW_VALUE = process.env.NEW_VALUE || '36'
const DOC_NUMBER = `吉环发〔2026〕${Date.now() % 1000}号`
const SETTLE_MS = 10_000

if (!SECOND) {
  console.error('SECOND_APPROVER is required')
  process.exit(2)
}

function session(browser, username, viewport, fn) {
  return withPage(browser, { viewport }, async (page, pageErrors) => {
    const ok = await check(`${username}: logs in`, () => logIn(page, username))
    if (!ok) return false
    const result = await fn(page)
    await checkNoPageErrors(username, pageErrors)
    return result
  })
}

async function openIndicator(page) {
  await openMenu(page, '指标目录', /#\/indicators/)
  await page.locator(`${sel('indicators-page')}[data-busy="false"]`).waitFor({ state: 'attached' })
  await page.locator(sel(`indicator-open-${NUMBER}`)).click()
  await page.locator(sel('indicator-drawer')).first().waitFor({ state: 'visible' })
}

/** The input of an el-input, whichever element carries its data-test. */
function field(page, name) {
  const s = sel(name)
  return page.locator(`input${s}, textarea${s}, ${s} input, ${s} textarea`).first()
}

async function fieldErrors(page) {
  await page.locator('.el-form-item__error:visible').first().waitFor({ state: 'visible' })
  return (await page.locator('.el-form-item__error:visible').allInnerTexts()).map((t) => t.trim())
}

async function firstApproverProposes(browser) {
  return session(browser, FIRST, { width: 1440, height: 900 }, async (page) => {
    const opened = await check(`${FIRST}: 指标目录 lists the 17 indicators and opens indicator ${NUMBER}`, async () => {
      await openMenu(page, '指标目录', /#\/indicators/)
      await until(async () => (await page.locator(`${sel('indicator-table')} tbody tr`).count()) === 17, SETTLE_MS, '17 rows')
      await openIndicator(page)
      return '17 rows'
    })
    if (!opened) return false
    const refused = await check(`${FIRST}: an empty reason, 文号 and 标题 are all refused at once`, async () => {
      await page.locator(sel('proposal-open-form')).click()
      await page.locator(sel('proposal-submit')).click()
      const errors = await fieldErrors(page)
      for (const expected of ['请填写调整理由', '请填写依据文件的文号', '请填写依据文件的标题']) {
        assert(errors.includes(expected), `missing "${expected}" in [${errors.join(', ')}]`)
      }
      return errors.join('；')
    })
    if (!refused) return false
    const proposed = await check(`${FIRST}: proposes 2027 → ${NEW_VALUE} with its source`, async () => {
      const rows = page.locator(sel('proposal-target-row'))
      const count = await rows.count()
      let row = -1
      for (let i = 0; i < count; i++) {
        if ((await field(page, `proposal-target-year-${i}`).inputValue()) === '2027') row = i
      }
      assert(row >= 0, 'no 2027 row in the form')
      await field(page, `proposal-target-value-${row}`).fill(NEW_VALUE)
      await field(page, `proposal-target-text-${row}`).fill(NEW_VALUE)
      await field(page, 'proposal-reason').fill('e2e：省厅调整2027年目标')
      await field(page, 'proposal-document-number').fill(DOC_NUMBER)
      await field(page, 'proposal-document-title').fill('关于调整生态环境目标的通知')
      await page.locator(sel('proposal-submit')).click()
      await page.locator(sel('proposal-open')).waitFor({ state: 'visible' })
      await page.screenshot({ path: join(SHOT_DIR, 'indicators-0-desktop.png') })
      const text = await page.locator(sel('proposal-open')).innerText()
      assert(text.includes(DOC_NUMBER), `the open proposal does not name ${DOC_NUMBER}: ${text}`)
      return text.split('\n')[0]
    })
    if (!proposed) return false
    return check(`${FIRST}: cannot confirm their own proposal (only 撤回 is offered)`, async () => {
      assert((await page.locator(sel('proposal-confirm')).count()) === 0, '确认 is offered to the proposer')
      await page.locator(sel('proposal-own-hint')).waitFor({ state: 'visible' })
      await page.locator(sel('proposal-withdraw')).waitFor({ state: 'visible' })
    })
  })
}

async function secondApproverConfirms(browser) {
  return session(browser, SECOND, { width: 390, height: 844 }, async (page) => {
    const seen = await check(`${SECOND}: sees the open proposal on a 390 px screen`, async () => {
      await page.locator(`${sel('main-menu')}, ${sel('menu-toggle')}`).first().waitFor({ state: 'attached' })
      await page.goto(page.url().replace(/#\/.*$/, '#/indicators'))
      await page.locator(`${sel('indicators-page')}[data-busy="false"]`).waitFor({ state: 'attached' })
      await page.locator(sel('indicator-open-proposal')).first().waitFor({ state: 'visible' })
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
      await page.screenshot({ path: join(SHOT_DIR, 'indicators-1-phone.png'), fullPage: true })
      assert(widths[0] <= widths[1] + 1, `page is ${widths[0]} px wide in a ${widths[1]} px window`)
      await page.locator(sel(`indicator-open-${NUMBER}`)).click()
      await page.locator(sel('proposal-open')).waitFor({ state: 'visible' })
      await page.screenshot({ path: join(SHOT_DIR, 'indicators-2-phone-proposal.png') })
      const box = await page.locator(sel('proposal-confirm')).boundingBox()
      assert(box && box.x >= 0 && box.x + box.width <= 390, `确认 outside the screen: ${JSON.stringify(box)}`)
      return (await page.locator(sel('proposal-change')).allInnerTexts()).join('；')
    })
    if (!seen) return false
    const refused = await check(`${SECOND}: 驳回 without a reason is refused in the dialog`, async () => {
      await page.locator(sel('proposal-reject')).click()
      await page.locator(sel('proposal-reject-submit')).click()
      await page.locator('.el-dialog .el-form-item__error', { hasText: '请填写驳回理由' }).waitFor({ state: 'visible' })
      await page.locator('.el-dialog:visible .el-dialog__footer .el-button', { hasText: '取消' }).click()
      await page.locator(sel('proposal-reject-submit')).waitFor({ state: 'hidden' })
      return 'the proposal stays open'
    })
    if (!refused) return false
    return check(`${SECOND}: confirms it and finds it in the target history`, async () => {
      await page.locator(sel('proposal-confirm')).click()
      await page.locator('.el-message-box__btns .el-button--primary').click()
      await page.locator(sel('proposal-none')).waitFor({ state: 'visible' })
      const item = page.locator(sel('target-history-item')).first()
      await item.waitFor({ state: 'visible' })
      await page.screenshot({ path: join(SHOT_DIR, 'indicators-3-phone-history.png') })
      const text = await item.innerText()
      assert(text.includes(DOC_NUMBER) && text.includes(NEW_VALUE), `history item: ${text}`)
      return text.replace(/\s+/g, ' ').slice(0, 120)
    })
  })
}

run(async (browser) => {
  if (await firstApproverProposes(browser)) await secondApproverConfirms(browser)
})
