// Browser check of the city bureau planning a major project and the lead unit finding it:
//   市生态环境局 (sthj-approver) opens 重点工程 → 新建项目, is told in Chinese what is missing or wrong, then creates a
//   project with one milestone led by 永吉县 → 永吉县's submitter sees it in its list and can open it to report.
//   BASE_URL=http://127.0.0.1:8080 PROJECT_NAME=… node e2e/project-admin-flow.mjs
// The name is chosen by the JUnit driver (BrowserProjectAdminFlowTest), which checks the stored project afterwards.
import { join } from 'node:path'
import { SHOT_DIR, assert, check, checkNoPageErrors, logIn, openMenu, report, run, sel, until, withPage } from './lib.mjs'

const PROJECT_NAME = process.env.PROJECT_NAME
const APPROVER = 'sthj-approver'
const SUBMITTER = process.env.SUBMITTER || 'yongji-submitter'
const LEAD_UNIT = '永吉县'
const SETTLE_MS = 10_000

if (!PROJECT_NAME) {
  console.error('PROJECT_NAME is required')
  process.exit(2)
}

const isoDay = (offsetDays) => new Date(Date.now() + 8 * 3600 * 1000 + offsetDays * 86400 * 1000).toISOString().slice(0, 10)
const row = (page) => page.locator(`${sel('project-row')}[data-name="${PROJECT_NAME}"]`)

function session(browser, username, fn) {
  return withPage(browser, { viewport: { width: 1440, height: 900 } }, async (page, pageErrors) => {
    const ok = await check(`${username}: logs in`, () => logIn(page, username))
    if (!ok) return false
    const result = await fn(page)
    await checkNoPageErrors(username, pageErrors)
    return result
  })
}

async function fillField(page, name, value) {
  const target = page.locator(`${sel(name)}:visible`).first()
  const tag = await target.evaluate((e) => e.tagName)
  const input = tag === 'INPUT' || tag === 'TEXTAREA' ? target : target.locator('input, textarea').first()
  await input.fill(value)
}

async function choose(page, name, optionText) {
  await page.locator(sel(name)).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}

async function fieldError(page, text) {
  const error = page.locator('.el-form-item__error:visible', { hasText: text })
  await error.first().waitFor({ state: 'visible' })
  return (await error.first().innerText()).trim()
}

async function findInList(page) {
  await openMenu(page, '重点工程', /#\/projects/)
  await page.locator(sel('projects-search')).fill(PROJECT_NAME)
  await page.locator(sel('projects-search')).press('Enter')
  await until(
    async () => {
      if (await row(page).count()) return true
      await page.locator(sel('projects-refresh')).click()
      await page.locator(`${sel('projects-page')}[data-busy="false"]`).waitFor({ state: 'attached' })
      return false
    },
    SETTLE_MS,
    'the project in the list'
  )
}

async function approverCreates(browser) {
  return session(browser, APPROVER, async (page) => {
    const opened = await check(`${APPROVER}: 新建项目 refuses an empty form with Chinese messages`, async () => {
      await openMenu(page, '重点工程', /#\/projects/)
      await page.locator(sel('project-new')).click()
      await page.locator(sel('plan-save')).waitFor({ state: 'visible' })
      await page.locator(sel('plan-save')).click()
      const messages = [await fieldError(page, '请填写项目名称'), await fieldError(page, '请选择牵头单位')]
      return messages.join('；')
    })
    if (!opened) return false
    const checked = await check(`${APPROVER}: a milestone outside the planned dates is refused`, async () => {
      await fillField(page, 'plan-name', PROJECT_NAME)
      await choose(page, 'plan-column', '专栏4 环境质量提升重大工程')
      await fillField(page, 'plan-group', '水清岸绿建设工程')
      await fillField(page, 'plan-start', isoDay(-30))
      await fillField(page, 'plan-finish', isoDay(335))
      await fillField(page, 'plan-investment', '800')
      await page.locator(sel('milestone-add')).click()
      await fillField(page, 'milestone-name-0', '完成河道清淤')
      await fillField(page, 'milestone-date-0', isoDay(400))
      await page.locator(sel('plan-save')).click()
      return fieldError(page, '里程碑计划日期须在计划工期内')
    })
    if (!checked) return false
    return check(`${APPROVER}: creates the project with one milestone, led by ${LEAD_UNIT}`, async () => {
      await fillField(page, 'milestone-date-0', isoDay(120))
      await choose(page, 'plan-lead', LEAD_UNIT)
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(SHOT_DIR, 'project-admin-1-form.png'), fullPage: true })
      await page.locator(sel('plan-save')).click()
      await page.locator(sel('plan-save')).waitFor({ state: 'hidden', timeout: SETTLE_MS })
      await findInList(page)
      await row(page).locator(sel('project-open')).click()
      const detail = page.locator(sel('project-detail'))
      await detail.waitFor({ state: 'visible' })
      const text = await detail.innerText()
      assert(text.includes(LEAD_UNIT), 'the detail names the lead unit')
      assert(text.includes('完成河道清淤'), 'the detail lists the milestone')
      await page.locator(sel('project-edit')).waitFor({ state: 'visible' })
      await page.screenshot({ path: join(SHOT_DIR, 'project-admin-2-created.png'), fullPage: true })
      return `project ${await row(page).getAttribute('data-id')}`
    })
  })
}

async function leadUnitSeesIt(browser) {
  return session(browser, SUBMITTER, (page) =>
    check(`${SUBMITTER}: 重点工程 lists the new project and offers the report form`, async () => {
      await findInList(page)
      await row(page).locator(sel('project-open')).click()
      await page.locator(sel('project-detail')).waitFor({ state: 'visible' })
      await page.locator(sel('update-form')).waitFor({ state: 'visible' })
      assert((await page.locator(sel('project-new')).count()) === 0, 'a county does not plan projects')
      assert((await page.locator(sel('project-edit')).count()) === 0, 'a county does not edit projects')
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(SHOT_DIR, 'project-admin-3-county.png'), fullPage: true })
      return `status ${await row(page).getAttribute('data-status')}`
    })
  )
}

run(
  async (browser) => {
    for (const phase of [approverCreates, leadUnitSeesIt]) {
      if (!(await phase(browser))) {
        report(false, 'flow stopped', `${phase.name} did not complete`)
        break
      }
    }
  },
  { launchDetail: (browser) => `${browser.version()}, project ${PROJECT_NAME}` }
)
