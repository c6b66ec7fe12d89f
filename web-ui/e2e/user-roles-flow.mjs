// Browser check of conflicting roles on 用户管理 at 390 px against a running app:
//   新增用户 with 填报员 + 督察员 and nothing filled in shows every form error at once, 理由 among them;
//   修改角色 of USER (a submitter) to 填报员 + 审核员 asks for the 理由, refuses to save without it, then saves.
//   BASE_URL=http://127.0.0.1:8080 USER_NAME=<a submitter of the admin's city> node e2e/user-roles-flow.mjs
import { join } from 'node:path'
import { BASE_URL, SHOT_DIR, assert, check, checkNoPageErrors, logIn, run, sel, until, withPage } from './lib.mjs'

const USER = process.env.USER_NAME
const ADMIN = 'admin'
const PHONE = { width: 390, height: 844 }
const REASON = `e2e：科室编制不足，由其兼任（${Date.now()}）`

if (!USER) {
  console.error('USER_NAME is required: a submitter of the admin city')
  process.exit(2)
}

/** Neither the page nor the open dialog is wider than the screen. */
async function fitsTheScreen(page) {
  const { scroll, width, dialog } = await page.evaluate(() => {
    const open = [...document.querySelectorAll('.el-dialog')].find((d) => d.offsetParent !== null)
    return {
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
      dialog: open ? open.getBoundingClientRect().right : 0
    }
  })
  assert(scroll <= width + 1, `page is ${scroll}px wide on a ${width}px screen`)
  assert(dialog <= width + 1, `dialog ends at ${dialog}px on a ${width}px screen`)
  return `${scroll}px`
}

const openDialog = (page) => page.locator('.el-dialog:visible')
const errorsOf = async (page) =>
  (await openDialog(page).locator('.el-form-item__error').allInnerTexts()).map((t) => t.trim())

run(async (browser) => {
  await withPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true }, async (page, pageErrors) => {
    if (!(await check(`${ADMIN}: logs in`, () => logIn(page, ADMIN)))) return
    const row = page.locator(`${sel('user-table')} tr`, { hasText: USER })
    const listed = await check(`${ADMIN}: 用户管理 lists ${USER}`, async () => {
      await page.goto(`${BASE_URL}/#/users`, { waitUntil: 'domcontentloaded' })
      await until(async () => (await row.count()) > 0, 10_000, USER)
      return fitsTheScreen(page)
    })
    if (!listed) return

    await check(`${ADMIN}: 新增用户 with 填报员 + 督察员 shows all errors at once, 理由 among them`, async () => {
      await page.locator(sel('user-create')).click()
      const dialog = openDialog(page)
      await dialog.locator('.el-checkbox', { hasText: '填报员' }).click()
      await dialog.locator('.el-checkbox', { hasText: '督察员' }).click()
      await dialog.locator(sel('user-conflict-reason')).waitFor({ state: 'visible' })
      await fitsTheScreen(page)
      await dialog.locator('.el-dialog__footer button', { hasText: '保存' }).click()
      await until(async () => (await errorsOf(page)).length >= 4, 5_000, 'the form errors')
      const errors = await errorsOf(page)
      for (const expected of ['请输入用户名', '请输入姓名', '请输入初始密码', '请填写兼任理由', '请选择所属单位']) {
        assert(errors.includes(expected), `missing “${expected}” in ${errors.join(' / ')}`)
      }
      await page.screenshot({ path: join(SHOT_DIR, 'user-roles-1-create-errors.png'), fullPage: true })
      await dialog.locator('.el-dialog__footer button', { hasText: '取消' }).click()
      return errors.join(' / ')
    })

    await check(`${ADMIN}: 修改角色 to 填报员 + 审核员 needs the 理由, then saves`, async () => {
      await page.locator('.el-dialog:visible').waitFor({ state: 'hidden' })
      await row.locator('button', { hasText: '修改角色' }).click()
      const dialog = openDialog(page)
      await dialog.locator('.el-checkbox', { hasText: '审核员' }).click()
      const reason = dialog.locator(sel('roles-conflict-reason'))
      await reason.waitFor({ state: 'visible' })
      const hint = await dialog.locator('.form-hint').innerText()
      assert(hint.includes('须填写理由'), `hint “${hint}”`)
      await fitsTheScreen(page)
      await dialog.locator('.el-dialog__footer button', { hasText: '保存' }).click()
      await until(async () => (await errorsOf(page)).includes('请填写兼任理由'), 5_000, '请填写兼任理由')
      await page.screenshot({ path: join(SHOT_DIR, 'user-roles-2-reason-required.png'), fullPage: true })
      await reason.fill(REASON)
      await dialog.locator('.el-dialog__footer button', { hasText: '保存' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await until(async () => (await row.innerText()).includes('审核员'), 10_000, 'the row showing 审核员')
      return (await row.innerText()).replace(/\s+/g, ' ')
    })
    await checkNoPageErrors(ADMIN, pageErrors)
  })
})
