// Chinese labels for the codes the server sends. UI text is Chinese, codes stay English.

export const ROLE_LABELS = {
  SUBMITTER: '填报员',
  APPROVER: '审核员',
  INSPECTOR: '督察员',
  AUDITOR: '审计员',
  ADMIN: '系统管理员'
}

/** All roles, in the order they are offered in forms. */
export const ALL_ROLES = Object.keys(ROLE_LABELS)

export const DATA_SCOPE_LABELS = {
  OWN_UNIT: '本单位',
  OWN_UNIT_AND_BELOW: '本单位及下级',
  CITY: '全市'
}

export const ORG_UNIT_TYPE_LABELS = {
  PROVINCE: '省',
  CITY: '市（州）',
  COUNTY: '县（市、区）',
  DEV_ZONE: '开发区',
  DEPARTMENT: '市直部门'
}

export const ORG_UNIT_TYPES = Object.keys(ORG_UNIT_TYPE_LABELS)

export function roleLabel(code) {
  return ROLE_LABELS[code] || code
}

export function roleLabels(codes) {
  return (codes || []).map(roleLabel)
}

export function dataScopeLabel(code) {
  return DATA_SCOPE_LABELS[code] || code || '—'
}

export function orgUnitTypeLabel(code) {
  return ORG_UNIT_TYPE_LABELS[code] || code || '—'
}

// ---- 重大工程 ---------------------------------------------------------------------

/** The plan's 专栏2–9 of major projects, by number (a project's `column`). */
export const PROJECT_COLUMNS = {
  2: '绿色低碳转型发展重大工程',
  3: '城市焕新重大工程',
  4: '环境质量提升重大工程',
  5: '生态安全保障重大工程',
  6: '生态家园建设重大工程',
  7: '美丽家园建设重大工程',
  8: '生态产品价值转化重大工程',
  9: '健全现代环境治理体系重大工程'
}

/** The server derives the status; UNPLANNED (未编制计划) = no planned dates or investment yet, so not "on schedule". */
export const PROJECT_STATUS_LABELS = { UNPLANNED: '未编制计划', NOT_STARTED: '未开工', IN_PROGRESS: '推进中', DELAYED: '滞后', COMPLETED: '已完成', CANCELLED: '已取消' }
export const PROJECT_STATUS_TYPES = { UNPLANNED: 'warning', NOT_STARTED: 'info', IN_PROGRESS: 'primary', DELAYED: 'danger', COMPLETED: 'success', CANCELLED: 'info' }
export const PROJECT_UPDATE_LABELS = { SUBMITTED: '待审核', APPROVED: '已通过', RETURNED: '已退回' }
export const PROJECT_UPDATE_TYPES = { SUBMITTED: 'warning', APPROVED: 'success', RETURNED: 'danger' }

// ---- Indicator reports ----------------------------------------------------------

export const SUBMISSION_STATUS = {
  DRAFT: { label: '草稿', type: 'info' },
  SUBMITTED: { label: '已提交', type: 'primary' },
  REVIEWED: { label: '县级已审', type: 'warning' },
  APPROVED: { label: '已通过', type: 'success' },
  RETURNED: { label: '已退回', type: 'danger' }
}

export function submissionStatusLabel(code) {
  return (SUBMISSION_STATUS[code] && SUBMISSION_STATUS[code].label) || (code ? code : '未填报')
}

export function submissionStatusType(code) {
  return (SUBMISSION_STATUS[code] && SUBMISSION_STATUS[code].type) || 'info'
}

/**
 * Traffic light of the city rollup, in the plan's words (docs/indicator-api.md, 判定规则): 序时进度 before the
 * target year, 达标/未达标 in and after it and every year for 保持 targets; grey while incomplete or unknown.
 * The same words are in the Excel export (RollupWorkbook.STATUS_LABELS).
 */
export const ROLLUP_STATUS = {
  ON_TRACK: { label: '进度符合预期', color: '#2e9d4f', type: 'success', hint: '目标年之前，达到或快于从起点（基准值或上一阶段目标）到目标值的序时进度' },
  BEHIND: { label: '进度滞后', color: '#e6a23c', type: 'warning', hint: '目标年之前，慢于序时进度，尚未达到预警口径' },
  OFF_TRACK: { label: '预计难以完成', color: '#d93026', type: 'danger', hint: '落后序时进度一年以上，且剩余年份所需的年均改善超过规划节奏的两倍（本局预警口径）' },
  MET: { label: '达标', color: '#1f7a3d', type: 'success', hint: '目标年及以后，或保持类目标当年达到目标值' },
  NOT_MET: { label: '未达标', color: '#a8071a', type: 'danger', hint: '目标年及以后，或保持类目标当年未达到目标值' },
  INCOMPLETE: { label: '数据不全', color: '#8c95a1', type: 'info', hint: '尚有应报单位未报送，暂不判定；合计类指标截止汇总后仍不判定' },
  NO_BASELINE: { label: '无基准值', color: '#c0c6cf', type: 'info', hint: '基准值未录入，第一个目标年之前无法判断序时进度' },
  NO_DATA: { label: '暂无数据', color: '#c0c6cf', type: 'info', hint: '本期没有可计入的数据' },
  NO_TARGET: { label: '无目标', color: '#c0c6cf', type: 'info', hint: '没有对应目标，或省下达目标尚未录入' }
}

export function rollupStatus(code) {
  return ROLLUP_STATUS[code] || { label: code || '—', color: '#a0a8b3', type: 'info' }
}

export const PERIOD_TYPE_LABELS = {
  ANNUAL: '年度',
  QUARTERLY: '季度',
  MONTHLY: '月度'
}

export const ROLLUP_RULE_LABELS = {
  RATIO_OF_SUMS: '按分项合计计算比例',
  AREA_WEIGHTED: '按面积加权',
  SUM: '各单位合计',
  ALL_UNITS_MET: '各单位均达到',
  CITY_MEASURED: '市级监测'
}

export const TARGET_LEVEL_LABELS = {
  CITY: '市级目标',
  PROVINCE: '省级目标'
}

/** Entries of a report's history, whatever spelling the server uses (SUBMITTED, SubmissionSubmitted …). */
const HISTORY_LABELS = {
  CREATED: '创建报告',
  DRAFT_SAVED: '保存草稿',
  EVIDENCE_ATTACHED: '上传佐证材料',
  SUBMITTED: '提交审核',
  WITHDRAWN: '撤回',
  REVIEWED: '县级审核通过',
  APPROVED: '审核通过',
  RETURNED: '退回修改',
  AMENDMENT_STARTED: '申请修改',
  UPLOADED: '导入Excel',
  IMPORTED: '导入Excel'
}

export function historyLabel(type) {
  if (!type) return '—'
  const key = String(type)
    .replace(/^Submission(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
  return HISTORY_LABELS[key] || HISTORY_LABELS[String(type).toUpperCase()] || String(type)
}

// ---- 督察整改 ----------------------------------------------------------------------

export const CASE_SOURCES = {
  CENTRAL_INSPECTION: '中央督察',
  PROVINCIAL_INSPECTION: '省级督察',
  COMPLAINT: '群众信访举报',
  SELF_CHECK: '自查发现'
}

export const PROBLEM_CLASSES = {
  AIR: '大气',
  WATER: '水',
  SOIL: '土壤',
  NOISE: '噪声',
  ECOLOGY: '生态',
  RADIATION: '辐射',
  OTHER: '其他'
}

export const CHANNELS = { PHONE: '电话', LETTER: '来信', ONLINE: '网络', VISIT: '来访' }

export const OUTCOMES = { CONCLUDED: '已办结', STAGED: '阶段性办结', IN_PROGRESS: '正在办理' }

export const CASE_STATUS = {
  ASSIGNED: { label: '已交办', type: 'info' },
  ACKNOWLEDGED: { label: '已签收', type: 'primary' },
  IN_PROGRESS: { label: '整改中', type: 'warning' },
  ACCEPTANCE_REQUESTED: { label: '待验收', type: 'primary' },
  PUBLICITY: { label: '公示中', type: 'success' },
  CLOSED: { label: '已销号', type: 'success' }
}

/** Deadline lights: 正常 / 临期 / 超期; NONE once the rectification is accepted. */
export const LIGHTS = {
  GREEN: { label: '正常', color: '#2e9d4f' },
  YELLOW: { label: '临期', color: '#e6a23c' },
  RED: { label: '超期', color: '#d93026' },
  NONE: { label: '已完成', color: '#a0a8b3' }
}

export const CASE_TIMELINE = {
  REGISTERED: '登记交办',
  ACKNOWLEDGED: '签收',
  PLAN_SUBMITTED: '提交整改方案',
  PLAN_RETURNED: '退回整改方案',
  PROGRESS_REPORTED: '报送整改进展',
  EVIDENCE_ATTACHED: '上传佐证材料',
  ACCEPTANCE_REQUESTED: '申请验收',
  ACCEPTED: '现场核查，验收通过',
  ACCEPTANCE_REJECTED: '验收退回',
  CLOSED: '销号',
  REOPENED: '回头看，重新打开',
  EXTENSION_REQUESTED: '申请延期',
  EXTENSION_APPROVED: '批准延期',
  EXTENSION_DENIED: '不予延期',
  WARNING: '临期预警',
  OVERDUE: '超期',
  ESCALATED: '挂牌督办'
}

/** 不涉及 records: only CONFIRMED takes an indicator out of a unit's reports. */
export const NOT_APPLICABLE_STATUS = {
  DECLARED: { label: '待确认', type: 'warning' },
  CONFIRMED: { label: '已确认不涉及', type: 'success' },
  REJECTED: { label: '已驳回', type: 'danger' },
  REVOKED: { label: '已撤销', type: 'info' }
}

/** The security events (sign-in refused, account locked, access refused, session ended) as the 审计日志 names them. */
export const SECURITY_EVENT_LABELS = {
  LoginFailed: '登录失败',
  AccountLocked: '账户锁定',
  AccessDenied: '拒绝访问',
  SessionEnded: '会话结束',
  SecurityEventsSuppressed: '同类安全事件合并计数'
}
