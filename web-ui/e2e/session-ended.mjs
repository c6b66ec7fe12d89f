// Browser check of a session the server ends: after a wrong password and a sign-in, the administrator disables
// the account; the user's next request leads to the log-in page with the server's reason, at phone width. The
// auditor's 审计日志 then names the security events in Chinese.
//   BASE_URL=http://127.0.0.1:8080 SESSION_USER=… SESSION_PASSWORD=… node e2e/session-ended.mjs
// SESSION_USER is a fresh enabled SUBMITTER of 吉林市; the administrator is the demo admin.
// Uses the system Chromium (env CHROMIUM, default /usr/bin/chromium); never downloads a browser.
import {
  BASE_URL,
  PASSWORD,
  assert,
  check,
  checkNoPageErrors,
  fillLogin,
  logIn,
  openLogin,
  openMenu,
  run,
  sel,
  until,
  withPage
} from './lib.mjs'

const USER = process.env.SESSION_USER
const USER_PASSWORD = process.env.SESSION_PASSWORD
const ADMIN = 'Basic ' + Buffer.from(`admin:${PASSWORD}`).toString('base64')

/** The administrator's own API calls (HTTP Basic, no session, so no CSRF token). */
async function asAdmin(method, path, body) {
  const res = await fetch(BASE_URL + path, {
    method,
    headers: { Authorization: ADMIN, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined
  })
  assert(res.ok, `${method} ${path} answered ${res.status}`)
  return res.json()
}

const account = async () => (await asAdmin('GET', '/api/admin/users')).find((u) => u.username === USER)

run(async (browser) => {
  if (!USER || !USER_PASSWORD) {
    await check('SESSION_USER and SESSION_PASSWORD are given', () => assert(false, 'set both'))
    return
  }
  await withPage(browser, { viewport: { width: 390, height: 844 } }, async (page, pageErrors) => {
    const signedIn = await check(`${USER}: a wrong password is refused, the right one signs in`, async () => {
      await openLogin(page)
      await fillLogin(page, USER, 'Wrong2026pw')
      await page.locator(sel('login-error')).waitFor({ state: 'visible' })
      await fillLogin(page, USER, USER_PASSWORD)
      await page.waitForURL(/#\/home$/)
    })
    if (!signedIn) return

    const disabled = await check('admin disables the signed-in account', async () => {
      const before = await account()
      await asAdmin('POST', `/api/admin/users/${encodeURIComponent(USER)}/disable`, { expectedVersion: before.version })
      await until(async () => !(await account()).enabled, 10_000, 'the account shown as disabled')
    })
    if (!disabled) return

    await check(`${USER}: the next request leads to the log-in page with the reason`, async () => {
      await openMenu(page, '组织机构', /#\/(org-units|login)/)
      await page.waitForURL(/#\/login/)
      const notice = page.locator(sel('login-session-ended'))
      await notice.waitFor({ state: 'visible' })
      const text = (await notice.innerText()).trim()
      assert(text.includes('账户信息已变更，请重新登录'), `got "${text}"`)
    })

    // the same after a reload: the page's first requests still learn why the session ended
    const again = await check(`${USER}: enabled again and signed in again`, async () => {
      const before = await account()
      await asAdmin('POST', `/api/admin/users/${encodeURIComponent(USER)}/enable`, { expectedVersion: before.version })
      await until(async () => (await account()).enabled, 10_000, 'the account shown as enabled')
      await fillLogin(page, USER, USER_PASSWORD)
      await page.waitForURL(/#\/(?!login)/) // back where the ended session left off
    })
    if (!again) return
    await check(`${USER}: disabled while away, a reload shows the log-in page with the reason`, async () => {
      // away: the page makes no request of its own meanwhile, so the first one after coming back meets the change
      await page.goto('about:blank')
      const before = await account()
      await asAdmin('POST', `/api/admin/users/${encodeURIComponent(USER)}/disable`, { expectedVersion: before.version })
      await until(async () => !(await account()).enabled, 10_000, 'the account shown as disabled')
      await page.goto(BASE_URL + '/#/home')
      await page.waitForURL(/#\/login/)
      const notice = page.locator(sel('login-session-ended'))
      await notice.waitFor({ state: 'visible' })
      const text = (await notice.innerText()).trim()
      assert(text.includes('账户信息已变更，请重新登录'), `got "${text}"`)
    })
    await checkNoPageErrors(USER, pageErrors)
  })

  await withPage(browser, { viewport: { width: 1440, height: 900 } }, async (page, pageErrors) => {
    if (!(await check('auditor: logs in', () => logIn(page, 'auditor')))) return
    await check(`auditor: 审计日志 names ${USER}'s security events in Chinese`, async () => {
      await openMenu(page, '审计', /#\/audit/)
      await page.locator(sel('log-user')).fill(USER)
      await page.locator(sel('log-search')).click()
      const table = page.locator(sel('log-table'))
      await until(async () => {
        const text = await table.innerText()
        return text.includes('登录失败') && text.includes('会话结束')
      }, 10_000, '登录失败 and 会话结束 in the log')
    })
    await checkNoPageErrors('auditor', pageErrors)
  })
})
