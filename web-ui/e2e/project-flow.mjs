// Browser check of one major-project report from the lead unit to the city bureau and back into the list:
//   永吉县 opens 重点工程, reports progress and investment for this month → 市生态环境局 finds it under 待审核进展
//   and approves it → the list, the detail and the rollup cards show the approved figures. On the way 永吉县 uploads a
//   PDF as the proof of the milestone it reports reached, and the bureau sees the file on the approved milestone.
//   Last, a seeded project without a plan shows as 未编制计划 and the 未编制计划 card counts such projects.
//   BASE_URL=http://127.0.0.1:8080 PROJECT_ID=… PROJECT_NAME=… node e2e/project-flow.mjs
// The project (led by 永吉县, no report yet) is created by the JUnit test through the API.
import { join } from 'node:path'
import { SHOT_DIR, assert, check, checkNoPageErrors, logIn, openMenu, report, run, sel, until, withPage } from './lib.mjs'

const PROJECT_ID = process.env.PROJECT_ID
const PROJECT_NAME = process.env.PROJECT_NAME
const SUBMITTER = process.env.SUBMITTER || 'yongji-submitter'
const APPROVER = 'sthj-approver'
const PROGRESS = '35'
const INVESTMENT = '250'
const SETTLE_MS = 10_000
/** Seeded without dates or investment (220200-P4204, led by 永吉县). */
const UNPLANNED_NAME = '星星哨水库'

if (!PROJECT_ID || !PROJECT_NAME) {
  console.error('PROJECT_ID and PROJECT_NAME are required')
  process.exit(2)
}

const row = (page) => page.locator(`${sel('project-row')}[data-id="${PROJECT_ID}"]`)

function session(browser, username, fn) {
  return withPage(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true }, async (page, pageErrors) => {
    const ok = await check(`${username}: logs in`, () => logIn(page, username))
    if (!ok) return false
    const result = await fn(page)
    await checkNoPageErrors(username, pageErrors)
    return result
  })
}

/** Clicks 刷新 until the project's row satisfies `ready(row)`. */
async function refreshUntil(page, ready, what) {
  return until(
    async () => {
      const r = row(page)
      if ((await r.count()) && (await ready(r))) return true
      await page.locator(sel('projects-refresh')).click()
      await page.locator(`${sel('projects-page')}[data-busy="false"]`).waitFor({ state: 'attached' })
      return false
    },
    SETTLE_MS,
    what
  )
}

async function openProject(page) {
  await row(page).locator(sel('project-open')).click()
  await page.locator(`${sel('project-detail')}[data-id="${PROJECT_ID}"]`).waitFor({ state: 'visible' })
}

async function submitterReports(browser) {
  return session(browser, SUBMITTER, async (page) => {
    const opened = await check(`${SUBMITTER}: 重点工程 lists the project it leads and opens it`, async () => {
      await openMenu(page, '重点工程', /#\/projects/)
      await page.locator(sel('projects-search')).fill(PROJECT_NAME)
      await page.locator(sel('projects-search')).press('Enter')
      await refreshUntil(page, async () => true, 'the project in the list')
      const status = await row(page).getAttribute('data-status')
      await openProject(page)
      return `status ${status}`
    })
    if (!opened) return false
    await check(`${SUBMITTER}: progress above 100 is refused with a message`, async () => {
      await page.locator(sel('update-progress')).fill('101')
      await page.locator(sel('update-investment')).fill(INVESTMENT)
      await page.locator(sel('update-submit')).click()
      const error = page.locator('.el-form-item__error', { hasText: '进度须在0到100之间' })
      await error.first().waitFor({ state: 'visible' })
      return (await error.first().innerText()).trim()
    })
    const uploaded = await check(`${SUBMITTER}: uploads a PDF as the proof of the milestone`, async () => {
      await page.locator('[data-test^="milestone-reached-"]').first().click()
      const pdf = Buffer.from(`%PDF-1.4\n% e2e ${Date.now()}\ntrailer <<>>\n%%EOF\n`, 'ascii')
      await page.locator('[data-test^="milestone-upload-"] input[type=file]').first()
        .setInputFiles({ name: '主体完工验收报告.pdf', mimeType: 'application/pdf', buffer: pdf })
      await page.locator(`${sel('evidence-file')}[data-name="主体完工验收报告.pdf"]`).waitFor({ state: 'visible', timeout: SETTLE_MS })
      const chosen = page.locator('[data-test^="milestone-files-"]', { hasText: '主体完工验收报告.pdf' })
      await chosen.first().waitFor({ state: 'visible' })
      return 'the file is listed and chosen for the milestone'
    })
    if (!uploaded) return false
    return check(`${SUBMITTER}: reports ${PROGRESS}% and ${INVESTMENT} 万元 for this month`, async () => {
      await page.locator(sel('update-progress')).fill(PROGRESS)
      await page.locator(sel('update-investment')).fill(INVESTMENT)
      await page.locator(sel('update-problems')).fill('e2e：征地协调进度偏慢')
      await page.locator(sel('update-next')).fill('e2e：加快主体施工')
      await page.locator(sel('update-submit')).click()
      await page.locator(sel('update-waiting')).waitFor({ state: 'visible', timeout: SETTLE_MS })
      const history = page.locator(`${sel('history-row')}[data-status="SUBMITTED"]`)
      await history.first().waitFor({ state: 'visible' })
      await page.waitForTimeout(400)
      await page.screenshot({ path: join(SHOT_DIR, 'project-1-submitted.png'), fullPage: true })
      return `update ${await history.first().getAttribute('data-update')} awaits review`
    })
  })
}

async function approverApproves(browser) {
  return session(browser, APPROVER, async (page) => {
    const opened = await check(`${APPROVER}: 待审核进展 shows the project`, async () => {
      await openMenu(page, '重点工程', /#\/projects/)
      await page.locator(sel('projects-scope')).getByText('待审核进展').click()
      await refreshUntil(page, async (r) => (await r.getAttribute('data-pending')) !== '', 'the pending report')
      await openProject(page)
      await page.locator(sel('pending-update')).waitFor({ state: 'visible' })
    })
    if (!opened) return false
    const approved = await check(`${APPROVER}: 通过 approves the report`, async () => {
      await page.locator(sel('approve-update')).click()
      await page.locator(sel('approve-comment')).fill('e2e：同意')
      await page.locator(sel('approve-confirm')).click()
      await until(
        async () => (await page.locator(sel('detail-progress')).innerText()).trim() === `${PROGRESS}%`,
        SETTLE_MS,
        'the approved progress in the detail'
      )
      await page.waitForTimeout(400)
      await page.screenshot({ path: join(SHOT_DIR, 'project-2-approved.png'), fullPage: true })
      const proof = page.locator(sel('milestone-file'))
      await proof.first().waitFor({ state: 'visible' })
      assert((await proof.first().innerText()).includes('主体完工验收报告.pdf'), 'the milestone links its proof')
      return `detail shows ${PROGRESS}% and the milestone's file`
    })
    if (!approved) return false
    const listed = await check(`${APPROVER}: the list shows the approved progress and the chart is drawn`, async () => {
      await page.keyboard.press('Escape')
      await page.locator(sel('projects-scope')).getByText('全部项目').click()
      await page.locator(sel('projects-search')).fill(PROJECT_NAME)
      await page.locator(sel('projects-search')).press('Enter')
      await refreshUntil(page, async (r) => Number(await r.getAttribute('data-progress')) === Number(PROGRESS),
        `progress ${PROGRESS} in the list`)
      const status = await row(page).getAttribute('data-status')
      assert(status === 'IN_PROGRESS', `status ${status}`)
      const invested = Number(await page.locator(sel('stat-investment')).getAttribute('data-value'))
      assert(invested >= Number(INVESTMENT), `city investment ${invested}`)
      await page.locator(`${sel('chart-projects')} canvas`).first().waitFor({ state: 'attached' })
      await page.waitForTimeout(800)
      await page.screenshot({ path: join(SHOT_DIR, 'project-3-list.png'), fullPage: true })
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(sel('projects-export')).click()])
      assert(/\.xlsx$/.test(download.suggestedFilename()), download.suggestedFilename())
      return `row ${PROGRESS}% 推进中, city investment ${invested} 万元, ${download.suggestedFilename()}`
    })
    if (!listed) return false
    return check(`${APPROVER}: a seeded project without a plan reads 未编制计划, counted in its own card`, async () => {
      await page.locator(sel('projects-search')).fill(UNPLANNED_NAME)
      await page.locator(sel('projects-search')).press('Enter')
      const seeded = page.locator(`${sel('project-row')}[data-name*="${UNPLANNED_NAME}"]`)
      await until(async () => (await seeded.count()) > 0, SETTLE_MS, 'the seeded project in the list')
      const status = await seeded.first().getAttribute('data-status')
      assert(status === 'UNPLANNED', `status ${status}`)
      const tag = page.locator(sel('project-table')).locator('.el-tag', { hasText: '未编制计划' })
      await tag.first().waitFor({ state: 'visible' })
      const card = page.locator(sel('stat-unplanned'))
      const unplanned = Number(await card.getAttribute('data-value'))
      assert(unplanned > 0, `未编制计划 card ${unplanned}`)
      const text = (await card.innerText()).trim()
      assert(text.includes('万元'), `card text ${text}`)
      return `${UNPLANNED_NAME}: 未编制计划; card ${text}`
    })
  })
}

run(
  async (browser) => {
    for (const phase of [submitterReports, approverApproves]) {
      if (!(await phase(browser))) {
        report(false, 'flow stopped', `${phase.name} did not complete`)
        break
      }
    }
  },
  { launchDetail: (browser) => `${browser.version()}, project ${PROJECT_ID}` }
)
