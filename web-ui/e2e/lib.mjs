// Shared by the browser checks in this folder (role-menus.mjs, submission-flow.mjs):
// environment, one output line per check, Chromium launch, fresh contexts, log-in, and the run itself
// with its final "e2e: N passed, M failed" line and exit code.
//   BASE_URL (required) — the running app; CHROMIUM (optional, default /usr/bin/chromium) — never downloads a browser;
//   DEMO_PASSWORD (optional) — password of the demo users.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '')
if (!BASE_URL) {
  const script = basename(process.argv[1] || 'role-menus.mjs')
  console.error(`BASE_URL is required, e.g. BASE_URL=http://127.0.0.1:8080 node e2e/${script}`)
  process.exit(2)
}
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
export const PASSWORD = process.env.DEMO_PASSWORD || 'Demo@2026'
export const WAIT_MS = 15_000
const TOTAL_MS = 5 * 60_000
export const SHOT_DIR = fileURLToPath(new URL('../target/e2e/', import.meta.url))

export const sel = (name) => `[data-test="${name}"]`
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

let passed = 0
let failed = 0

const firstLine = (e) => String((e && e.message) || e).split('\n')[0]

/** Prints one PASS/FAIL line and counts it. */
export function report(ok, name, detail) {
  if (ok) passed++
  else failed++
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`)
}

/** Runs one check; a thrown error (timeout, assertion) counts as a failure. Returns success. */
export async function check(name, fn) {
  try {
    const detail = await fn()
    report(true, name, typeof detail === 'string' ? detail : '')
    return true
  } catch (e) {
    report(false, name, firstLine(e))
    return false
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message)
}

/** Polls fn until it returns a truthy value (or throws the last error) within ms. */
export async function until(fn, ms, what) {
  const deadline = Date.now() + ms
  let last = null
  while (Date.now() < deadline) {
    try {
      const v = await fn()
      if (v) return v
    } catch (e) {
      last = e
    }
    await sleep(200)
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${firstLine(last)}` : ''}`)
}

/**
 * Runs fn(page, pageErrors) in a new browser context (own cookies, zh-CN, the default time-outs)
 * and closes the context afterwards. `pageErrors` collects the page's uncaught errors.
 */
export async function withPage(browser, options, fn) {
  const context = await browser.newContext({ locale: 'zh-CN', ...options })
  context.setDefaultTimeout(WAIT_MS)
  context.setDefaultNavigationTimeout(WAIT_MS)
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  try {
    return await fn(page, pageErrors)
  } finally {
    await context.close().catch(() => {})
  }
}

/** The "no uncaught page errors" check of one user's session. */
export function checkNoPageErrors(who, pageErrors) {
  return check(`${who}: no uncaught page errors`, async () => {
    assert(pageErrors.length === 0, pageErrors.join(' | '))
  })
}

export async function openLogin(page) {
  await page.goto(`${BASE_URL}/#/login`, { waitUntil: 'domcontentloaded' })
  await page.locator(sel('login-submit')).waitFor({ state: 'visible' })
}

export async function fillLogin(page, username, password, { useEnter = false } = {}) {
  await page.locator(sel('login-username')).fill(username)
  await page.locator(sel('login-password')).fill(password)
  if (useEnter) await page.locator(sel('login-password')).press('Enter')
  else await page.locator(sel('login-submit')).click()
}

/** Logs in through the login form with the demo password and waits for 首页 with its menu. */
export async function logIn(page, username, { useEnter = false } = {}) {
  await openLogin(page)
  await fillLogin(page, username, PASSWORD, { useEnter })
  // wide screens show the menu, phones a button that opens it
  await page.locator(`${sel('main-menu')}, ${sel('menu-toggle')}`).first().waitFor({ state: 'visible' })
  await page.waitForURL(/#\/home$/)
}

/** Clicks a main-menu item and waits for its route. */
export async function openMenu(page, title, routeRe) {
  const toggle = page.locator(sel('menu-toggle'))
  if (await toggle.isVisible()) {
    await toggle.click()
    await page.locator(sel('main-menu')).waitFor({ state: 'visible' })
  }
  await page.locator(`${sel('main-menu')} ${sel('menu-item')}`, { hasText: title }).click()
  await page.waitForURL(routeRe)
}

function finish(extraFailures) {
  console.log(`e2e: ${passed} passed, ${failed + extraFailures} failed`)
}

/**
 * Runs a check script: launches Chromium (itself a check, detailed by `launchDetail(browser)`),
 * hands the browser to `body`, closes it and prints the final count; exit code 1 on any failure.
 * The whole run is limited to five minutes.
 */
export function run(body, { launchDetail = (browser) => browser.version() } = {}) {
  async function main() {
    mkdirSync(SHOT_DIR, { recursive: true })
    let browser
    const watchdog = setTimeout(() => {
      console.log('FAIL e2e run exceeded the overall time limit')
      finish(1)
      process.exit(1)
    }, TOTAL_MS)
    watchdog.unref()
    try {
      const launched = await check(`launch chromium (${CHROMIUM})`, async () => {
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          headless: true,
          timeout: 30_000,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync'
          ]
        })
        return launchDetail(browser)
      })
      if (launched) await body(browser)
    } finally {
      if (browser) await browser.close().catch(() => {})
      clearTimeout(watchdog)
    }
    finish(0)
    process.exitCode = failed > 0 ? 1 : 0
  }

  main().catch((e) => {
    console.log(`FAIL unexpected error — ${firstLine(e)}`)
    finish(1)
    process.exit(1)
  })
}
