// Display helpers for periods, numbers, dates and files (shared by the reporting, review and dashboard pages).

const PERIOD_RE = /^(20\d\d)(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/
const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度']

/** {code, type: ANNUAL|QUARTERLY|MONTHLY, year, number} or null when the code is not a period. */
export function parsePeriod(code) {
  const m = PERIOD_RE.exec(String(code || '').trim())
  if (!m) return null
  const year = Number(m[1])
  if (m[2]) return { code: m[0], type: 'QUARTERLY', year, number: Number(m[2]) }
  if (m[3]) return { code: m[0], type: 'MONTHLY', year, number: Number(m[3]) }
  return { code: m[0], type: 'ANNUAL', year, number: 0 }
}

/**
 * Accepts what people type (2025、2025年、2025q1、2025-3、2025年3月、2025年第1季度) and returns the
 * canonical code (2025, 2025-Q1, 2025-03), or null.
 */
export function normalizePeriod(text) {
  let t = String(text || '')
    .trim()
    .replace(/\s+/g, '')
    .replace(/[－—–_/.]/g, '-')
    .toUpperCase()
  let m
  if ((m = /^(20\d\d)年?$/.exec(t))) return m[1]
  if ((m = /^(20\d\d)(?:-|年)?(?:Q|第)([1-4一二三四])(?:季度?)?$/.exec(t))) {
    const q = '一二三四'.indexOf(m[2]) >= 0 ? '一二三四'.indexOf(m[2]) + 1 : Number(m[2])
    return `${m[1]}-Q${q}`
  }
  if ((m = /^(20\d\d)(?:-|年)(\d{1,2})月?$/.exec(t))) {
    const month = Number(m[2])
    if (month >= 1 && month <= 12) return `${m[1]}-${String(month).padStart(2, '0')}`
  }
  t = t.replace(/^(20\d\d)(\d\d)$/, '$1-$2')
  return parsePeriod(t) ? t : null
}

export function periodLabel(code) {
  const p = parsePeriod(code)
  if (!p) return code || '—'
  if (p.type === 'QUARTERLY') return `${p.year}年${QUARTER_NAMES[p.number]}`
  if (p.type === 'MONTHLY') return `${p.year}年${p.number}月`
  return `${p.year}年`
}

/** Sort key: later periods first when sorted descending. */
export function periodSortKey(code) {
  const p = parsePeriod(code)
  if (!p) return String(code || '')
  const sub = p.type === 'ANNUAL' ? 99 : p.type === 'QUARTERLY' ? p.number * 3 : p.number
  return `${p.year}-${String(sub).padStart(2, '0')}-${p.type}`
}

export function toNumber(v) {
  if (v === null || v === undefined || v === '') return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : null
}

/** 1234.5 → "1,234.5"; trailing zeros dropped; at most `maxDecimals` decimals. */
export function formatNumber(v, maxDecimals = 4) {
  const n = toNumber(v)
  if (n === null) return '—'
  return n.toLocaleString('zh-CN', { maximumFractionDigits: maxDecimals, useGrouping: Math.abs(n) >= 10000 })
}

/** A value as the users know it: 是/否 for yes/no indicators, a number otherwise. */
export function formatValue(v, valueType) {
  if (valueType === 'YES_NO') {
    const n = toNumber(v)
    return n === null ? '—' : n === 1 ? '是' : '否'
  }
  return formatNumber(v)
}

export function formatDateTime(iso) {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  const p = (x) => String(x).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

export function formatDate(iso) {
  if (!iso) return '—'
  return String(iso).slice(0, 10)
}

export function formatSize(bytes) {
  const n = toNumber(bytes)
  if (n === null) return '—'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** Number of decimals the user typed ("12.50" → 2). */
export function decimalsOf(text) {
  const m = /\.(\d+)$/.exec(String(text).trim())
  return m ? m[1].length : 0
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

/** Parses what the user typed; {empty}, {invalid} or {value}. Accepts full-width digits and a trailing %. */
export function parseInput(text) {
  if (text === null || text === undefined) return { empty: true }
  const t = String(text)
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.')
    .replace(/[,，](?=\d{3})/g, '')
    .replace(/[%％]$/, '')
  if (t === '') return { empty: true }
  if (!NUMBER_RE.test(t)) return { invalid: true }
  return { value: Number(t), decimals: decimalsOf(t), text: t }
}

/** 100 × numerator / denominator, rounded half-up to 2 decimals (what the server computes). */
export function ratioPercent(numerator, denominator) {
  const n = toNumber(numerator)
  const d = toNumber(denominator)
  if (n === null || d === null || d <= 0) return null
  return Math.round(((100 * n) / d) * 100 + 1e-9) / 100
}

/** Same rule as the server: a change of more than `share` of the last approved value needs an explanation. */
export function needsExplanation(value, previous, share) {
  const v = toNumber(value)
  const p = toNumber(previous)
  const s = toNumber(share)
  if (v === null || p === null || s === null) return false
  const change = Math.abs(v - p)
  if (p === 0) return change !== 0
  return change / Math.abs(p) > s + 1e-12
}

/** "+2.3（+2.6%）" style change text; null when not comparable. */
export function changeOf(value, previous) {
  const v = toNumber(value)
  const p = toNumber(previous)
  if (v === null || p === null) return null
  const diff = Math.round((v - p) * 10000) / 10000
  const share = p === 0 ? null : (v - p) / Math.abs(p)
  return { diff, share }
}

export function formatChange(change) {
  if (!change) return '—'
  const sign = change.diff > 0 ? '+' : ''
  const d = `${sign}${formatNumber(change.diff)}`
  if (change.share === null) return change.diff === 0 ? '0' : d
  const pct = Math.round(change.share * 1000) / 10
  return `${d}（${pct > 0 ? '+' : ''}${pct}%）`
}

/** A typed decimal for the server: empty → null, a number → that number, anything else as typed (the server names it). */
export const decimal = (text) => (text === '' || text === null ? null : Number.isNaN(Number(text)) ? text : Number(text))
