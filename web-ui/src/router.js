import { createRouter, createWebHashHistory } from 'vue-router'
import { MENU, isAllowed, menuItemByKey } from './menu.js'
import { session, loadMe } from './session.js'
import LoginView from './views/LoginView.vue'
import PasswordView from './views/PasswordView.vue'
import MainLayout from './layout/MainLayout.vue'

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: '登录' } },
  // outside the layout: while a one-time password must be replaced, there is nothing else to reach
  { path: '/password', name: 'password', component: PasswordView, meta: { title: '修改密码' } },
  {
    path: '/',
    component: MainLayout,
    redirect: '/home',
    children: MENU.map((item) => ({
      path: item.route.replace(/^\//, ''),
      name: item.key,
      component: item.component,
      meta: { menuKey: item.key, title: item.title }
    }))
  },
  { path: '/:pathMatch(.*)*', redirect: '/home' }
]

export const router = createRouter({
  // Hash history: the server needs no SPA fallback, every URL is "/#/...".
  history: createWebHashHistory(),
  routes
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe()
  if (to.meta.public) {
    return to.name === 'login' && session.me ? '/home' : true
  }
  if (!session.me) {
    const redirect = to.fullPath && to.fullPath !== '/' && to.fullPath !== '/home' ? to.fullPath : undefined
    return { name: 'login', query: redirect ? { redirect } : {} }
  }
  if (session.me.passwordChangeRequired && to.name !== 'password') {
    return { name: 'password' }
  }
  const item = to.meta.menuKey ? menuItemByKey(to.meta.menuKey) : null
  if (item && !isAllowed(item, session.me.roles)) {
    return '/home'
  }
  return true
})

router.afterEach((to) => {
  const base = '美丽江城建设规划 · 实施监测系统'
  document.title = to.meta.title ? `${to.meta.title} - ${base}` : base
})
