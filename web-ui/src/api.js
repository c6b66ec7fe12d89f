// Thin fetch wrapper implementing the server's HTTP contract:
//  - same-origin cookies (session + XSRF-TOKEN),
//  - every non-GET request carries X-XSRF-TOKEN = current value of the XSRF-TOKEN cookie,
//  - errors come as {code, message, fieldErrors:[{field, message}]} and are turned into ApiError,
//  - 401 on any call (except the ones that expect it) hands over to the registered handler
//    (which sends the user to the log-in page).

const CSRF_COOKIE = 'XSRF-TOKEN'
const CSRF_HEADER = 'X-XSRF-TOKEN'

const STATUS_MESSAGES = {
  400: '提交的数据有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的数据不存在',
  405: '不支持此操作',
  409: '数据已被其他人修改，请刷新后重试',
  413: '提交的数据过大',
  415: '请求格式不正确',
  422: '提交的数据有误，请检查后重试',
  429: '操作过于频繁，请稍后再试'
}
const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试'
const SERVER_MESSAGE = '服务器暂时无法处理请求，请稍后重试'

const HAS_CHINESE = /[\u3400-\u9fff]/

/** Error raised for every failed API call; `message` is always fit to show to a user. */
export class ApiError extends Error {
  constructor(status, code, message, fieldErrors = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fieldErrors = fieldErrors
  }

  /** {field: message} map, convenient for form items' `error` prop. */
  fieldMap() {
    const map = {}
    for (const fe of this.fieldErrors) {
      if (fe && fe.field && !map[fe.field]) map[fe.field] = fe.message
    }
    return map
  }

  /** Main message followed by field messages, for toasts. */
  fullText() {
    const extra = this.fieldErrors.map((fe) => fe.message).filter((m) => m && m !== this.message)
    return extra.length ? `${this.message}：${extra.join('；')}` : this.message
  }
}

/** Makes any thrown value presentable (never raw English stack text). */
export function toApiError(e) {
  if (e instanceof ApiError) return e
  console.error(e)
  return new ApiError(0, 'CLIENT_ERROR', '操作失败，请刷新页面后重试')
}

let unauthorizedHandler = null

/** 401 codes of a session the server ended (account changed, signed in too long ago): the message says why. */
const SESSION_END_CODES = ['SESSION_ENDED', 'SESSION_EXPIRED']

export function isSessionEnd(err) {
  return !!err && err.status === 401 && SESSION_END_CODES.includes(err.code)
}

/** Called (once per failing request) when the server answers 401. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

export function readCookie(name) {
  const prefix = name + '='
  for (const part of document.cookie ? document.cookie.split(';') : []) {
    const c = part.trim()
    if (c.startsWith(prefix)) return decodeURIComponent(c.substring(prefix.length))
  }
  return null
}

/** GET /api/csrf: makes sure the XSRF-TOKEN cookie is set (call on start, before and after log-in/out). */
export async function ensureCsrf() {
  try {
    await fetch('/api/csrf', { method: 'GET', credentials: 'same-origin', cache: 'no-store' })
  } catch (e) {
    // Network problems surface on the next real request.
  }
}

function userMessage(status, body) {
  const m = body && typeof body.message === 'string' ? body.message.trim() : ''
  if (m && HAS_CHINESE.test(m)) return m
  if (m) console.warn('Server message without Chinese text hidden from user:', m)
  if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status]
  return SERVER_MESSAGE
}

function cleanFieldErrors(body) {
  const list = body && Array.isArray(body.fieldErrors) ? body.fieldErrors : []
  return list
    .filter((fe) => fe && typeof fe === 'object')
    .map((fe) => ({
      field: fe.field || '',
      message: typeof fe.message === 'string' && HAS_CHINESE.test(fe.message) ? fe.message : '该项填写有误'
    }))
}

async function parseBody(res) {
  if (res.status === 204) return null
  const text = await res.text()
  if (!text) return null
  const type = res.headers.get('Content-Type') || ''
  if (type.includes('json')) {
    try {
      return JSON.parse(text)
    } catch (e) {
      return null
    }
  }
  return null
}

/** fetch with the session cookie and no caching; a network failure becomes ApiError. */
async function send(url, init) {
  try {
    return await fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store' })
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE)
  }
}

/** The ApiError of a failed response; a 401 (unless expected) goes to the registered handler too. */
function failure(res, data, expect401) {
  const code = (data && data.code) || `HTTP_${res.status}`
  const err = new ApiError(res.status, code, userMessage(res.status, data), cleanFieldErrors(data))
  if (res.status === 401 && !expect401 && unauthorizedHandler) unauthorizedHandler(err)
  return err
}

/**
 * Performs one request.
 * @param {string} method
 * @param {string} url absolute path, e.g. "/api/me"
 * @param {object} [opts] {json, form: URLSearchParams|object, multipart: FormData, expect401: boolean}
 */
export async function request(method, url, opts = {}) {
  const headers = { Accept: 'application/json' }
  let body
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.json)
  } else if (opts.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8'
    body = new URLSearchParams(opts.form).toString()
  } else if (opts.multipart !== undefined) {
    // The browser sets Content-Type with the boundary itself.
    body = opts.multipart
  }
  if (method !== 'GET' && method !== 'HEAD') {
    // The token changes on log-in/log-out: read the cookie right before every request.
    let token = readCookie(CSRF_COOKIE)
    if (!token) {
      await ensureCsrf()
      token = readCookie(CSRF_COOKIE)
    }
    if (token) headers[CSRF_HEADER] = token
  }

  const res = await send(url, { method, headers, body })

  const data = await parseBody(res)
  if (res.ok) return data
  throw failure(res, data, opts.expect401)
}

export const api = {
  get: (url, opts) => request('GET', url, opts),
  post: (url, json, opts = {}) => request('POST', url, { ...opts, json: json ?? {} }),
  put: (url, json, opts = {}) => request('PUT', url, { ...opts, json: json ?? {} }),
  /** multipart/form-data POST; `fields` is {name: string|Blob}. */
  upload: (url, fields, opts = {}) => {
    const data = new FormData()
    for (const [k, v] of Object.entries(fields)) {
      if (v !== undefined && v !== null) data.append(k, v instanceof Blob ? v : String(v))
    }
    return request('POST', url, { ...opts, multipart: data })
  }
}

function fileNameFrom(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || ''
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(cd)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch (e) {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(cd)
  return plain ? plain[1].trim() : fallback
}

/**
 * Downloads a file (xlsx, evidence …) with the session cookie and saves it under the server's file name.
 * Failures become ApiError like every other call.
 */
export async function download(url, fallbackName) {
  const res = await send(url, { method: 'GET' })
  if (!res.ok) throw failure(res, await parseBody(res), false)
  const blob = await res.blob()
  const name = fileNameFrom(res, fallbackName)
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 30_000)
  return name
}

const enc = encodeURIComponent

// ---- Endpoints -------------------------------------------------------------

export const authApi = {
  login: (username, password) =>
    request('POST', '/api/auth/login', { form: { username, password }, expect401: true }),
  logout: () => request('POST', '/api/auth/logout', { expect401: true }),
  me: () => request('GET', '/api/me', { expect401: true })
}

export const meApi = {
  /** Answers the signed-in user as after the change; this session stays, the account's other sessions end. */
  changePassword: (currentPassword, newPassword) => api.post('/api/me/password', { currentPassword, newPassword })
}

export const orgUnitApi = {
  tree: () => api.get('/api/org-units'),
  create: ({ id, name, type, parentId }) => api.post('/api/admin/org-units', { id, name, type, parentId }),
  rename: (id, name, expectedVersion) => api.put(`/api/admin/org-units/${enc(id)}`, { name, expectedVersion }),
  move: (id, parentId, expectedVersion) =>
    api.post(`/api/admin/org-units/${enc(id)}/move`, { parentId, expectedVersion }),
  deactivate: (id, expectedVersion) => api.post(`/api/admin/org-units/${enc(id)}/deactivate`, { expectedVersion })
}

export const userApi = {
  list: () => api.get('/api/admin/users'),
  /** conflictReason: only for conflicting roles (填报 with 审核 or 督察), else left out. */
  create: ({ username, displayName, password, roles, orgUnitId, conflictReason }) =>
    api.post('/api/admin/users', { username, displayName, password, roles, orgUnitId, conflictReason }),
  changeRoles: (username, roles, expectedVersion, conflictReason) =>
    api.put(`/api/admin/users/${enc(username)}/roles`, { roles, expectedVersion, conflictReason }),
  resetPassword: (username, password, expectedVersion) =>
    api.post(`/api/admin/users/${enc(username)}/password`, { password, expectedVersion }),
  disable: (username, expectedVersion) => api.post(`/api/admin/users/${enc(username)}/disable`, { expectedVersion }),
  enable: (username, expectedVersion) => api.post(`/api/admin/users/${enc(username)}/enable`, { expectedVersion })
}

const query = (params) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.append(k, String(v))
  }
  const text = q.toString()
  return text ? `?${text}` : ''
}

export const indicatorApi = {
  /** The whole catalog of the caller's city. */
  list: () => api.get('/api/indicators'),
  /** The indicators a unit reports for one period. */
  assigned: (orgUnitId, period) => api.get(`/api/indicators/assigned${query({ orgUnitId, period })}`),
  /** 填报日历: when the period opens and each indicator is due (of the unit's report when orgUnitId is given). */
  calendar: (period, orgUnitId) => api.get(`/api/reporting-calendar${query({ period, orgUnitId })}`),
  // Target changes, four eyes: one approver proposes (with reason, 文号, 标题), another confirms or rejects.
  openProposals: () => api.get('/api/indicators/target-proposals'),
  targetHistory: (id) => api.get(`/api/indicators/${enc(id)}/target-history`),
  /** body {targets, reason, documentNumber, documentTitle, expectedVersion} */
  proposeTargets: (id, body) => api.post(`/api/indicators/${enc(id)}/target-proposals`, body),
  /** body {year, value (null for yes/no: 有效保障), reason, documentNumber, documentTitle, expectedVersion} */
  proposeProvincial: (id, body) => api.post(`/api/indicators/${enc(id)}/target-proposals/provincial`, body),
  confirmProposal: (id, proposalId, expectedVersion) =>
    api.post(`/api/indicators/${enc(id)}/target-proposals/${enc(proposalId)}/confirm`, { expectedVersion }),
  rejectProposal: (id, proposalId, reason, expectedVersion) =>
    api.post(`/api/indicators/${enc(id)}/target-proposals/${enc(proposalId)}/reject`, { reason, expectedVersion }),
  withdrawProposal: (id, proposalId, expectedVersion) =>
    api.post(`/api/indicators/${enc(id)}/target-proposals/${enc(proposalId)}/withdraw`, { expectedVersion })
}

export const submissionApi = {
  list: ({ orgUnit, period, status } = {}) => api.get(`/api/submissions${query({ orgUnit, period, status })}`),
  get: (id) => api.get(`/api/submissions/${enc(id)}`),
  create: (orgUnitId, period, values) => api.post('/api/submissions', { orgUnitId, period, values }),
  save: (id, values, expectedVersion) => api.put(`/api/submissions/${enc(id)}`, { values, expectedVersion }),
  submit: (id, expectedVersion) => api.post(`/api/submissions/${enc(id)}/submit`, { expectedVersion }),
  withdraw: (id, expectedVersion) => api.post(`/api/submissions/${enc(id)}/withdraw`, { expectedVersion }),
  approve: (id, expectedVersion, comment) =>
    api.post(`/api/submissions/${enc(id)}/approve`, { expectedVersion, comment: comment || null }),
  returnToUnit: (id, expectedVersion, reason, valueComments) =>
    api.post(`/api/submissions/${enc(id)}/return`, { expectedVersion, reason, valueComments }),
  amend: (id, expectedVersion, reason) => api.post(`/api/submissions/${enc(id)}/amendments`, { expectedVersion, reason }),
  uploadEvidence: (id, file, expectedVersion) =>
    api.upload(`/api/submissions/${enc(id)}/evidence`, { file, expectedVersion }),
  evidenceUrl: (id, fileId) => `/api/submissions/${enc(id)}/evidence/${enc(fileId)}`,
  reporting: (period) => api.get(`/api/submissions/reporting${query({ period })}`),
  templateUrl: (orgUnitId, period) => `/api/submissions/template${query({ orgUnitId, period })}`,
  uploadExcel: (file, orgUnitId, period) => api.upload('/api/submissions/upload', { file, orgUnitId, period })
}

/** 不涉及: declared by a unit for itself, confirmed or rejected (or set and revoked) by the city bureau. */
export const notApplicableApi = {
  list: ({ status, indicator, unit, offset, limit } = {}) =>
    api.get(`/api/not-applicable${query({ status, indicator, unit, offset, limit })}`),
  declare: (indicatorId, reason) => api.post(`/api/indicators/${enc(indicatorId)}/not-applicable`, { reason }),
  set: (indicatorId, unitId, reason) =>
    api.put(`/api/indicators/${enc(indicatorId)}/not-applicable/${enc(unitId)}`, { reason }),
  confirm: (indicatorId, unitId, expectedVersion, comment) =>
    api.post(`/api/indicators/${enc(indicatorId)}/not-applicable/${enc(unitId)}/confirm`, {
      expectedVersion,
      comment: comment || null
    }),
  /** action: reject or revoke; both need a reason. */
  decide: (indicatorId, unitId, action, expectedVersion, reason) =>
    api.post(`/api/indicators/${enc(indicatorId)}/not-applicable/${enc(unitId)}/${action}`, { expectedVersion, reason })
}

export const projectApi = {
  list: ({ column, unit, status, text, pending } = {}) =>
    api.get(`/api/projects${query({ column, unit, status, text, pending: pending ? true : undefined })}`),
  get: (id) => api.get(`/api/projects/${enc(id)}`),
  stats: () => api.get('/api/projects/stats'),
  exportUrl: () => '/api/projects/export',
  submitUpdate: (id, update) => api.post(`/api/projects/${enc(id)}/updates`, update),
  /** The city bureau: body {plan, leadUnitId, cooperatingUnitIds}; edit {plan, expectedVersion}. */
  create: (body) => api.post('/api/projects', body),
  edit: (id, plan, expectedVersion) => api.put(`/api/projects/${enc(id)}`, { plan, expectedVersion }),
  reassign: (id, body) => api.post(`/api/projects/${enc(id)}/reassign`, body),
  cancel: (id, reason, expectedVersion) => api.post(`/api/projects/${enc(id)}/cancel`, { reason, expectedVersion }),
  uploadEvidence: (id, file, expectedVersion) =>
    api.upload(`/api/projects/${enc(id)}/evidence`, { file, expectedVersion }),
  evidenceUrl: (id, fileId) => `/api/projects/${enc(id)}/evidence/${enc(fileId)}`,
  approve: (id, updateId, expectedVersion, comment) =>
    api.post(`/api/projects/${enc(id)}/updates/${enc(updateId)}/approve`, { expectedVersion, comment: comment || null }),
  returnUpdate: (id, updateId, expectedVersion, reason) =>
    api.post(`/api/projects/${enc(id)}/updates/${enc(updateId)}/return`, { expectedVersion, reason })
}

export const caseApi = {
  list: (filter = {}) => api.get(`/api/cases${query(filter)}`),
  get: (id) => api.get(`/api/cases/${enc(id)}`),
  stats: () => api.get('/api/cases/stats'),
  register: (body) => api.post('/api/cases', body),
  /** action: acknowledge, plan, progress, request-acceptance, accept, reject, close, reopen, return-plan,
   *  extension-requests, extension-requests/{rid}/approve|deny */
  act: (id, action, expectedVersion, fields = {}) =>
    api.post(`/api/cases/${enc(id)}/${action}`, { expectedVersion, ...fields }),
  uploadEvidence: (id, file, expectedVersion) => api.upload(`/api/cases/${enc(id)}/evidence`, { file, expectedVersion }),
  evidenceUrl: (id, fileId) => `/api/cases/${enc(id)}/evidence/${enc(fileId)}`,
  exportUrl: (filter = {}) => `/api/cases/export${query(filter)}`
}

export const rollupApi = {
  /** `asOf` (YYYY-MM-DD HH:mm:ss, Beijing time): the rollup as the dashboard would have shown it then. */
  city: (period, includePending, asOf) =>
    api.get(`/api/rollups/city${query({ period, includePending: !!includePending, asOf })}`),
  exportUrl: (period, includePending, asOf) =>
    `/api/rollups/city/export${query({ period, includePending: includePending ? true : undefined, asOf })}`,
  /** 截止汇总 and its undoing; both answer the rollup as it now stands. */
  close: (period, note) => api.post('/api/rollups/city/closure', { period, note }),
  reopen: (period, reason) => api.post('/api/rollups/city/closure/reopen', { period, reason })
}

export const auditApi = {
  events: (filters) => api.get(`/api/audit/events${query(filters)}`),
  exportUrl: (filters, format) => `/api/audit/export${query({ ...filters, format })}`,
  aggregateTypes: () => api.get('/api/audit/aggregate-types'),
  timeline: (type, id) => api.get(`/api/audit/aggregates/${enc(type)}/${enc(id)}/timeline`),
  state: (type, id, asOf) => api.get(`/api/audit/aggregates/${enc(type)}/${enc(id)}/state${query({ asOf })}`),
  projections: () => api.get('/api/audit/projections'),
  rebuild: (name) => api.post(`/api/audit/projections/${enc(name)}/rebuild`, {}),
  verify: () => api.get('/api/audit/verify')
}

// ---- Report values ------------------------------------------------------------

/** The indicator a report value (or hint) belongs to; the server names the field indicator or indicatorId. */
export const indicatorIdOf = (v) => v.indicator || v.indicatorId

/** {indicatorId: pick(entry)} of a report's values, previous or approved values. */
export function byIndicator(list, pick = (v) => v) {
  const map = {}
  for (const v of list || []) map[indicatorIdOf(v)] = pick(v)
  return map
}
