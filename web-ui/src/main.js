import { createApp } from 'vue'
import ElementPlus, { ElMessage } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router.js'
import { ensureCsrf, isSessionEnd, onUnauthorized } from './api.js'
import { session, clearSession, sessionEnded } from './session.js'

// Any 401 (session expired, server restarted …): back to the log-in page.
let redirecting = false
onUnauthorized((err) => {
  const wasLoggedIn = !!session.me
  // the server ended the session (account changed, signed in too long ago): the log-in page says why
  const ended = isSessionEnd(err)
  if (ended) sessionEnded(err.message)
  else clearSession()
  const current = router.currentRoute.value
  if (redirecting || current.name === 'login') return
  redirecting = true
  if (wasLoggedIn && !ended) ElMessage.warning('登录已失效，请重新登录')
  router
    .replace({ name: 'login', query: current.fullPath && current.fullPath !== '/' ? { redirect: current.fullPath } : {} })
    .finally(() => {
      redirecting = false
    })
})

async function start() {
  await ensureCsrf()
  const app = createApp(App)
  app.use(ElementPlus, { locale: zhCn })
  app.use(router)
  app.config.errorHandler = (err) => {
    console.error(err)
    ElMessage.error('页面出现错误，请刷新后重试')
  }
  await router.isReady().catch(() => {})
  app.mount('#app')
}

start()
