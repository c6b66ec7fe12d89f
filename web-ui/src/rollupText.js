// How the city rollup (城市汇总) writes its numbers, targets and units: shared by the page and the indicator detail.
import { TARGET_LEVEL_LABELS, rollupStatus } from './labels.js'
import { formatNumber, formatValue, toNumber } from './format.js'

export const statusOf = (row) => rollupStatus(row.status)
export const names = (units) => (units || []).map((u) => u.orgUnitName || u.orgUnitId).join('、')
/** Progress 0–1 as a whole percentage for el-progress, held within 0–100. */
export const pct = (p) => Math.max(0, Math.min(100, Math.round(toNumber(p) * 1000) / 10))
export const isYesNo = (row) => !!row && (row.valueType === 'YES_NO' || row.direction === 'YES_NO')
export const valueText = (row, v) => formatValue(v, isYesNo(row) ? 'YES_NO' : 'NUMBER')
export function baselineText(row) {
  const b = row.baseline
  if (!b) return '—'
  if (b.value !== null && b.value !== undefined) return valueText(row, b.value)
  return b.text || '—'
}
export function targetText(t) {
  if (!t) return '无'
  if (t.text) return t.text
  if (t.value === null || t.value === undefined) return '—'
  if (t.kind === 'AT_LEAST') return `≥${formatNumber(t.value)}`
  if (t.kind === 'AT_MOST') return `≤${formatNumber(t.value)}`
  return formatNumber(t.value)
}
export function targetWhen(t) {
  const parts = []
  if (t.year) parts.push(`${t.year}年`)
  if (t.level) parts.push(TARGET_LEVEL_LABELS[t.level] || t.level)
  if (t.kind === 'PROVINCIAL' && t.value !== null && t.value !== undefined) parts.push(`省下达 ${formatNumber(t.value)}`)
  return parts.join('，')
}
