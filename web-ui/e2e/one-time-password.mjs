// Browser check of a one-time password, at phone width: a user the administrator created signs in with the
// administrator's password and sees only the 修改密码 page (it survives a reload and cannot be left for another
// page); all mistakes show at once; after the change the home page follows, the menu works, and the header's
// 修改密码 changes the password again voluntarily (with 取消 there).
//   BASE_URL=http://127.0.0.1:8080 OTP_USER=… OTP_PASSWORD=… node e2e/one-time-password.mjs
// OTP_USER is a fresh SUBMITTER the administrator has just created with OTP_PASSWORD.
// Uses the system Chromium (env CHROMIUM, default /usr/bin/chromium); never downloads a browser.
import { BASE_URL, assert, check, checkNoPageErrors, fillLogin, openLogin, openMenu, run, sel, withPage } from './lib.mjs'

const USER = process.env.OTP_USER
const ONE_TIME = process.env.OTP_PASSWORD
const OWN = 'Mine2026own'
const LATER = 'Later2026own'

async function fillPassword(page, current, chosen, repeated) {
  await page.locator(sel('password-current')).fill(current)
  await page.locator(sel('password-new')).fill(chosen)
  await page.locator(sel('password-repeat')).fill(repeated)
  await page.locator(sel('password-submit')).click()
}

run(async (browser) => {
  if (!USER || !ONE_TIME) {
    await check('OTP_USER and OTP_PASSWORD are given', () => assert(false, 'set both'))
    return
  }
  await withPage(browser, { viewport: { width: 390, height: 844 } }, async (page, pageErrors) => {
    const onPage = await check(`${USER}: the administrator's password leads to 修改密码 only`, async () => {
      await openLogin(page)
      await fillLogin(page, USER, ONE_TIME)
      await page.waitForURL(/#\/password$/)
      await page.locator(sel('password-required')).waitFor({ state: 'visible' })
      assert(!(await page.locator(sel('password-cancel')).count()), 'no 取消 while the change is required')
    })
    if (!onPage) return

    await check(`${USER}: a reload or another address stays on 修改密码`, async () => {
      await page.reload()
      await page.waitForURL(/#\/password$/)
      await page.goto(`${BASE_URL}/#/org-units`)
      await page.waitForURL(/#\/password$/)
      await page.locator(sel('password-required')).waitFor({ state: 'visible' })
    })

    await check(`${USER}: every mistake shows at once, at 390 px`, async () => {
      await fillPassword(page, '', 'short', 'other')
      const errors = page.locator(sel('password-errors'))
      await errors.waitFor({ state: 'visible' })
      const text = await errors.innerText()
      for (const expected of ['请输入当前密码', '新密码须为8到64位', '两次输入的新密码不一致']) {
        assert(text.includes(expected), `"${expected}" missing in "${text}"`)
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= 390, `page is ${width}px wide`)
    })

    await check(`${USER}: a wrong current password is refused by the server`, async () => {
      await fillPassword(page, 'Wrong2026pw', OWN, OWN)
      await page.locator(sel('password-errors'), { hasText: '当前密码不正确' }).waitFor({ state: 'visible' })
    })

    const changed = await check(`${USER}: the own password leads to the home page`, async () => {
      await fillPassword(page, ONE_TIME, OWN, OWN)
      await page.waitForURL(/#\/home$/)
      await openMenu(page, '组织机构', /#\/org-units/)
    })
    if (!changed) return

    await check(`${USER}: the header's 修改密码 changes it voluntarily, 取消 goes back`, async () => {
      await page.locator(sel('change-password')).click()
      await page.waitForURL(/#\/password$/)
      assert(!(await page.locator(sel('password-required')).count()), 'no "must change" notice')
      await page.locator(sel('password-cancel')).click()
      await page.waitForURL(/#\/home$/)
      await page.locator(sel('change-password')).click()
      await fillPassword(page, OWN, LATER, LATER)
      await page.waitForURL(/#\/home$/)
    })
    await checkNoPageErrors(USER, pageErrors)
  })

  await withPage(browser, { viewport: { width: 1440, height: 900 } }, async (page, pageErrors) => {
    await check(`${USER}: the latest own password signs in straight to the home page`, async () => {
      await openLogin(page)
      await fillLogin(page, USER, LATER)
      await page.waitForURL(/#\/home$/)
    })
    await checkNoPageErrors(USER, pageErrors)
  })
})
