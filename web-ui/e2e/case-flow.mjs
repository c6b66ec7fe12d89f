// Browser check of one 督察整改 case from 交办 to 销号 against a running app:
//   市生态环境局督察员 assigns a case to 永吉县 → 永吉县 acknowledges, submits its plan, reports progress, uploads
//   evidence and applies for acceptance → the inspector returns it once → 永吉县 applies again → the inspector accepts
//   (公示 0 天) and closes it → the ledger shows it closed on time.
//   The plan adds one milestone (整改节点), which the case detail then shows; the inspector finally sees the
//   statistics by source and the chart by unit.
//   BASE_URL=http://127.0.0.1:8080 node e2e/case-flow.mjs
// Uses the system Chromium (env CHROMIUM, default /usr/bin/chromium); never downloads a browser. Each run makes a new
// case with its own description, so it can run again on the same database.
import { join } from 'node:path'
import { SHOT_DIR, assert, check, checkNoPageErrors, logIn, openMenu, run, sel, until, withPage } from './lib.mjs'

const INSPECTOR = 'sthj-inspector'
const UNIT_USER = 'yongji-submitter'
const UNIT = '永吉县'
const DESCRIPTION = `e2e 排污口超标排放（${Date.now()}）`
const SETTLE_MS = 10_000
const MILESTONE = '完成排污口封堵'

const isoDay = (plusDays) => {
  // the server's calendar is China's
  const d = new Date(Date.now() + 8 * 3600_000 + plusDays * 86400_000)
  return d.toISOString().slice(0, 10)
}

function session(browser, username, fn) {
  return withPage(browser, { viewport: { width: 1440, height: 900 } }, async (page, pageErrors) => {
    const ok = await check(`${username}: logs in`, () => logIn(page, username))
    if (!ok) return false
    const result = await fn(page)
    await checkNoPageErrors(username, pageErrors)
    return result
  })
}

/** Fills an Element Plus input or textarea by its data-test, wherever the attribute landed. */
async function fillField(page, name, value) {
  const target = page.locator(`${sel(name)}:visible`).first()
  const tag = await target.evaluate((e) => e.tagName)
  const input = tag === 'INPUT' || tag === 'TEXTAREA' ? target : target.locator('input, textarea').first()
  await input.fill(value)
}

async function shot(page, name) {
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(SHOT_DIR, name), fullPage: true })
}

/** Opens 整改台账, finds this run's case and opens its drawer. */
async function openCase(page) {
  await openMenu(page, '整改台账', /#\/cases/)
  await fillField(page, 'filter-q', DESCRIPTION)
  await page.keyboard.press('Enter')
  const row = page.locator(sel('case-row'), { hasText: DESCRIPTION })
  await until(
    async () => {
      if (await row.count()) return true
      await page.locator(sel('cases-refresh')).click()
      return false
    },
    SETTLE_MS,
    'the case in the ledger'
  )
  await page.locator('tr', { has: row }).locator(sel('case-open')).click()
  await page.locator(`${sel('case-drawer')}[data-status]`).first().waitFor({ state: 'visible' })
  return row
}

async function waitForStatus(page, status) {
  const formError = page.locator('.el-dialog .el-alert--error')
  await until(
    async () => {
      if (await formError.count()) throw new Error(`dialog error: ${(await formError.first().innerText()).trim()}`)
      return (await page.locator(`${sel('case-drawer')}[data-status="${status}"]`).count()) > 0
    },
    SETTLE_MS,
    `status ${status}`
  )
}

/**
 * Clicks an action button, fills the dialog fields (and whatever `more` fills) and confirms; waits for the case to
 * reach `status`.
 */
async function act(page, action, fields, status, more) {
  const before = await page.locator(sel('case-drawer')).getAttribute('data-version')
  await page.locator(sel(`action-${action}`)).click()
  await page.locator(`${sel('action-confirm')}:visible`).waitFor({ state: 'visible' })
  for (const [name, value] of Object.entries(fields)) await fillField(page, `field-${name}`, value)
  if (more) await more()
  await page.locator(`${sel('action-confirm')}:visible`).click()
  if (status) await waitForStatus(page, status)
  await until(
    async () => (await page.locator(sel('case-drawer')).getAttribute('data-version')) !== before,
    SETTLE_MS,
    `${action} to reach the ledger`
  )
}

async function inspectorAssigns(browser) {
  return session(browser, INSPECTOR, (page) =>
    check(`${INSPECTOR}: 交办新案件 to ${UNIT}`, async () => {
      await openMenu(page, '整改台账', /#\/cases/)
      await page.locator(sel('case-register')).click()
      await page.locator(sel('register-confirm')).waitFor({ state: 'visible' })
      await fillField(page, 'reg-round', '第二轮')
      await fillField(page, 'reg-batch', '第三批')
      await fillField(page, 'reg-problem-number', 'E2E-017')
      await fillField(page, 'reg-description', DESCRIPTION)
      await fillField(page, 'reg-location', '永吉县岔路河')
      await page.locator(sel('reg-unit')).click()
      await page.keyboard.type(UNIT)
      await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${UNIT}$`) }).first().click()
      await fillField(page, 'reg-deadline', isoDay(30))
      await fillField(page, 'reg-requirements', '立即停止超标排放，完成排污口规范化整治')
      await page.locator(sel('register-confirm')).click()
      await page.locator(sel('register-confirm')).waitFor({ state: 'hidden' })
      await openCase(page)
      await waitForStatus(page, 'ASSIGNED')
      await shot(page, 'case-1-assigned.png')
      return DESCRIPTION
    })
  )
}

async function unitRectifies(browser) {
  return session(browser, UNIT_USER, async (page) => {
    if (!(await check(`${UNIT_USER}: finds the case in 整改台账`, () => openCase(page)))) return false
    if (!(await check(`${UNIT_USER}: 签收`, () => act(page, 'acknowledge', {}, 'ACKNOWLEDGED')))) return false
    if (!(await check(`${UNIT_USER}: 提交整改方案 with one milestone`, async () => {
      await act(page, 'plan', { measures: '封堵排污口，建设截污管网', responsiblePerson: '张建国' }, 'IN_PROGRESS', async () => {
        await page.locator(`${sel('milestone-add')}:visible`).click()
        await fillField(page, 'milestone-name', MILESTONE)
        await fillField(page, 'milestone-date', isoDay(10))
      })
      const milestone = page.locator(sel('case-milestone'), { hasText: MILESTONE })
      await milestone.waitFor({ state: 'visible' })
      const due = await milestone.getAttribute('data-due')
      assert(due === isoDay(10), `milestone planned for ${due}, expected ${isoDay(10)}`)
      await shot(page, 'case-1b-plan-milestone.png')
    }))) return false
    if (!(await check(`${UNIT_USER}: 报送进展`, () => act(page, 'progress', { progress: '排污口已封堵', percent: '60' }, 'IN_PROGRESS')))) return false
    const uploaded = await check(`${UNIT_USER}: 上传佐证材料`, async () => {
      await page.locator(`${sel('case-upload')} input[type=file]`).setInputFiles({
        name: '整改前后对比照片.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\ne2e evidence\n%%EOF')
      })
      await page.locator(sel('case-evidence'), { hasText: '整改前后对比照片.pdf' }).waitFor({ state: 'visible' })
    })
    if (!uploaded) return false
    return check(`${UNIT_USER}: 申请验收`, async () => {
      await act(page, 'request-acceptance', { selfCheck: '已完成全部整改措施' }, 'ACCEPTANCE_REQUESTED')
      await shot(page, 'case-2-acceptance-requested.png')
    })
  })
}

async function inspectorReturns(browser) {
  return session(browser, INSPECTOR, async (page) => {
    if (!(await check(`${INSPECTOR}: opens the case`, () => openCase(page)))) return false
    return check(`${INSPECTOR}: 验收退回 with a reason`, () =>
      act(page, 'reject', { reason: '截污管网尚未通水', siteCheck: '现场核查发现管网未通水' }, 'IN_PROGRESS'))
  })
}

async function unitAppliesAgain(browser) {
  return session(browser, UNIT_USER, async (page) => {
    if (!(await check(`${UNIT_USER}: sees the return in the timeline`, async () => {
      await openCase(page)
      await page.locator(`${sel('timeline-item')}[data-type="ACCEPTANCE_REJECTED"]`, { hasText: '截污管网尚未通水' }).waitFor({ state: 'visible' })
    }))) return false
    return check(`${UNIT_USER}: 申请验收 again`, () =>
      act(page, 'request-acceptance', { selfCheck: '管网已通水，监测达标' }, 'ACCEPTANCE_REQUESTED'))
  })
}

async function inspectorAcceptsAndCloses(browser) {
  return session(browser, INSPECTOR, async (page) => {
    let row
    if (!(await check(`${INSPECTOR}: opens the case again`, async () => { row = await openCase(page) }))) return false
    if (!(await check(`${INSPECTOR}: 验收通过 without publicity (0 天)`, () =>
      act(page, 'accept', { siteCheck: '现场核查属实', publicityDays: '0' }, 'PUBLICITY')))) return false
    if (!(await check(`${INSPECTOR}: 销号`, () => act(page, 'close', { comment: '同意销号' }, 'CLOSED')))) return false
    const shown = await check(`${INSPECTOR}: the ledger shows the case closed on time`, async () => {
      const steps = await page.locator(sel('timeline-item')).evaluateAll((items) => items.map((i) => i.getAttribute('data-type')))
      for (const step of ['REGISTERED', 'ACKNOWLEDGED', 'PLAN_SUBMITTED', 'PROGRESS_REPORTED', 'EVIDENCE_ATTACHED', 'ACCEPTANCE_REJECTED', 'ACCEPTED', 'CLOSED']) {
        assert(steps.includes(step), `timeline lacks ${step}: ${steps.join(',')}`)
      }
      await page.keyboard.press('Escape')
      const closed = page.locator(`${sel('case-row')}[data-status="CLOSED"][data-on-time="true"]`, { hasText: DESCRIPTION })
      await until(
        async () => {
          if (await closed.count()) return true
          await page.locator(sel('cases-refresh')).click()
          return false
        },
        SETTLE_MS,
        'the closed case in the ledger'
      )
      const onTime = (await page.locator('tr', { has: row }).locator(sel('case-on-time')).innerText()).trim()
      assert(onTime === '按期完成', `on-time text "${onTime}"`)
      await shot(page, 'case-3-closed.png')
      return `${steps.length} steps in the timeline, ${onTime}`
    })
    if (!shown) return false
    return check(`${INSPECTOR}: statistics by source and the chart by unit`, async () => {
      const central = page.locator(`${sel('case-stats-source')} ${sel('source-stats-row')}[data-key="CENTRAL_INSPECTION"]`)
      await central.waitFor({ state: 'visible' })
      assert((await central.innerText()).trim() === '中央督察', `source label "${await central.innerText()}"`)
      assert(Number(await central.getAttribute('data-total')) >= 1, 'no central-inspection cases counted')
      await page.locator(`${sel('chart-cases')} canvas`).first().waitFor({ state: 'visible' })
    })
  })
}

run(async (browser) => {
  if (!(await inspectorAssigns(browser))) return
  if (!(await unitRectifies(browser))) return
  if (!(await inspectorReturns(browser))) return
  if (!(await unitAppliesAgain(browser))) return
  await inspectorAcceptsAndCloses(browser)
})
