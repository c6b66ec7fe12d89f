// Browser check of log-in, role menus and log-out against a running app.
//   BASE_URL=http://127.0.0.1:8080 node e2e/role-menus.mjs
// Uses the system Chromium (env CHROMIUM, default /usr/bin/chromium); never downloads a browser.
// Playwright launches Chromium with a fresh temporary profile, and every user gets a new context
// (own cookies), so runs never share state.
import { join } from 'node:path'
import {
  BASE_URL,
  SHOT_DIR,
  WAIT_MS,
  assert,
  check,
  checkNoPageErrors,
  fillLogin,
  logIn,
  openLogin,
  openMenu,
  run,
  sel,
  withPage
} from './lib.mjs'

const ADMIN = ['首页', '组织机构', '用户管理']
const APPROVER = ['首页', '审核', '城市汇总', '指标目录', '重点工程', '组织机构']
const READER = ['首页', '城市汇总', '指标目录', '重点工程', '整改台账', '组织机构']
const AUDITOR = ['首页', '城市汇总', '指标目录', '重点工程', '整改台账', '审计', '组织机构']
const SUBMITTER = ['首页', '数据填报', '重点工程', '整改台账', '组织机构']
const STHJ = '吉林市生态环境局'
const USERS = [
  { username: 'admin', menu: ADMIN, unit: STHJ },
  { username: 'sthj-approver', menu: APPROVER, unit: STHJ },
  { username: 'sthj-inspector', menu: READER, unit: STHJ },
  { username: 'auditor', menu: AUDITOR, unit: STHJ },
  { username: 'yongji-submitter', menu: SUBMITTER, unit: '永吉县' },
  { username: 'jiaohe-submitter', menu: SUBMITTER, unit: '蛟河市' },
  { username: 'fgw-submitter', menu: SUBMITTER, unit: '吉林市发展和改革委员会' },
  { username: 'cc-submitter', menu: SUBMITTER, unit: '南关区' }
]

async function menuTexts(page) {
  await page.locator(sel('main-menu')).waitFor({ state: 'visible' })
  const texts = await page.locator(`${sel('main-menu')} ${sel('menu-item')}`).allInnerTexts()
  return texts.map((t) => t.trim())
}

const VIEWPORT = { viewport: { width: 1366, height: 800 } }

function runUser(browser, spec, index) {
  const u = spec.username
  return withPage(browser, VIEWPORT, async (page, pageErrors) => {
    const loggedIn = await check(`${u}: logs in through the login form`, async () => {
      await logIn(page, u, { useEnter: index % 2 === 1 })
      return index % 2 === 1 ? 'submitted with Enter' : 'submitted with button'
    })
    if (!loggedIn) return

    await check(`${u}: menu is [${spec.menu.join(', ')}]`, async () => {
      const actual = await menuTexts(page)
      assert(JSON.stringify(actual) === JSON.stringify(spec.menu), `got [${actual.join(', ')}]`)
    })

    await check(`${u}: header shows unit ${spec.unit}`, async () => {
      const unit = page.locator(sel('current-unit'))
      await unit.waitFor({ state: 'visible' })
      const text = (await unit.innerText()).trim()
      assert(text === spec.unit, `got "${text}"`)
      const name = (await page.locator(sel('current-user')).innerText()).trim()
      assert(name.length > 0, 'current user name is empty')
      return `user shown as ${name}`
    })

    await check(`${u}: screenshot`, async () => {
      await page.locator(sel('account-card')).waitFor({ state: 'visible' })
      const file = join(SHOT_DIR, `${u}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    })

    if (spec.menu.includes('用户管理')) {
      await check(`${u}: 用户管理 lists yongji-submitter`, async () => {
        await openMenu(page, '用户管理', /#\/users$/)
        await page.locator(`${sel('user-table')} td`, { hasText: /^yongji-submitter$/ }).first().waitFor({ state: 'visible' })
        await page.screenshot({ path: join(SHOT_DIR, `${u}-users.png`), fullPage: true })
      })
    }

    if (u === 'yongji-submitter') {
      await check(`${u}: #/users redirects to 首页`, async () => {
        await page.goto(`${BASE_URL}/#/users`, { waitUntil: 'domcontentloaded' })
        await page.waitForURL(/#\/home$/)
        await page.locator(sel('account-card')).waitFor({ state: 'visible' })
        const items = await menuTexts(page)
        assert(!items.includes('用户管理'), 'menu shows 用户管理')
      })
    }

    await check(`${u}: logs out back to the login page`, async () => {
      await page.locator(sel('logout')).click()
      await page.locator(sel('login-submit')).waitFor({ state: 'visible' })
      await page.waitForURL(/#\/login/)
      // The session is really gone: a protected route sends us back to log-in.
      await page.goto(`${BASE_URL}/#/home`, { waitUntil: 'domcontentloaded' })
      await page.waitForURL(/#\/login/)
      await page.locator(sel('login-username')).waitFor({ state: 'visible' })
    })

    await checkNoPageErrors(u, pageErrors)
  })
}

function runWrongPassword(browser) {
  return withPage(browser, VIEWPORT, (page) =>
    check('wrong password shows 用户名或密码错误', async () => {
      await openLogin(page)
      await fillLogin(page, 'admin', 'wrong-password')
      const error = page.locator(sel('login-error'))
      await error.waitFor({ state: 'visible' })
      await page.waitForFunction(
        (s) => (document.querySelector(s)?.innerText || '').includes('用户名或密码错误'),
        sel('login-error'),
        { timeout: WAIT_MS }
      )
      assert(/#\/login/.test(page.url()), `left the login page: ${page.url()}`)
      await page.screenshot({ path: join(SHOT_DIR, 'login-error.png') })
    })
  )
}

run(async (browser) => {
  await runWrongPassword(browser)
  for (let i = 0; i < USERS.length; i++) await runUser(browser, USERS[i], i)
})
