// The left menu and the role-protected routes come from this ONE list.
// A new feature adds one entry: {key, title, route, icon, roles, component}.
// Order here is the order in the menu; a user with several roles sees the union.
import { markRaw } from 'vue'
import { DataAnalysis, DocumentChecked, EditPen, Flag, HomeFilled, List, OfficeBuilding, Stamp, Tickets, UserFilled } from '@element-plus/icons-vue'
import { ALL_ROLES } from './labels.js'

export const MENU = [
  {
    key: 'home',
    title: '首页',
    route: '/home',
    icon: markRaw(HomeFilled),
    roles: ALL_ROLES,
    component: () => import('./views/HomeView.vue')
  },
  {
    key: 'reporting',
    title: '数据填报',
    route: '/reporting',
    icon: markRaw(EditPen),
    roles: ['SUBMITTER'],
    component: () => import('./views/ReportingView.vue')
  },
  {
    key: 'review',
    title: '审核',
    route: '/review',
    icon: markRaw(Stamp),
    roles: ['APPROVER'],
    component: () => import('./views/ReviewView.vue')
  },
  {
    key: 'dashboard',
    title: '城市汇总',
    route: '/dashboard',
    icon: markRaw(DataAnalysis),
    roles: ['APPROVER', 'AUDITOR', 'INSPECTOR'],
    component: () => import('./views/DashboardView.vue')
  },
  {
    // approvers propose and confirm target changes; auditors and inspectors read the targets and their history
    key: 'indicators',
    title: '指标目录',
    route: '/indicators',
    icon: markRaw(List),
    roles: ['APPROVER', 'AUDITOR', 'INSPECTOR'],
    component: () => import('./views/IndicatorsView.vue')
  },
  {
    key: 'projects',
    title: '重点工程',
    route: '/projects',
    icon: markRaw(Tickets),
    roles: ['SUBMITTER', 'APPROVER', 'AUDITOR', 'INSPECTOR'],
    component: () => import('./views/ProjectsView.vue')
  },
  {
    // 督察整改: approvers and administrators have no part in it (the server answers them 403)
    key: 'cases',
    title: '整改台账',
    route: '/cases',
    icon: markRaw(Flag),
    roles: ['INSPECTOR', 'AUDITOR', 'SUBMITTER'],
    component: () => import('./views/CasesView.vue')
  },
  {
    key: 'audit',
    title: '审计',
    route: '/audit',
    icon: markRaw(DocumentChecked),
    roles: ['AUDITOR'],
    component: () => import('./views/AuditView.vue')
  },
  {
    key: 'org-units',
    title: '组织机构',
    route: '/org-units',
    icon: markRaw(OfficeBuilding),
    roles: ALL_ROLES,
    component: () => import('./views/OrgUnitsView.vue')
  },
  {
    key: 'users',
    title: '用户管理',
    route: '/users',
    icon: markRaw(UserFilled),
    roles: ['ADMIN'],
    component: () => import('./views/UsersView.vue')
  }
]

export function isAllowed(item, roles) {
  return (roles || []).some((r) => item.roles.includes(r))
}

/** Menu items visible to a user with these roles (union, in MENU order, no duplicates). */
export function menuFor(roles) {
  return MENU.filter((item) => isAllowed(item, roles))
}

export function menuItemByKey(key) {
  return MENU.find((item) => item.key === key) || null
}
