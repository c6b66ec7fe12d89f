// How the indicator catalog's targets read in Chinese, and what a proposed target change changes.
import { formatNumber } from './format.js'
import { TARGET_LEVEL_LABELS } from './labels.js'

export const TARGET_KIND_LABELS = {
  AT_LEAST: '不低于',
  AT_MOST: '不高于',
  PROVINCIAL: '完成省下达目标',
  GOOD_LEVEL: '良好水平',
  SECURED: '有效保障'
}

export const isYesNoIndicator = (ind) => ind.valueType === 'YES_NO' || ind.direction === 'YES_NO'

/** 2027: ≥35, 完成省下达目标（省下达 93.5）, 有效保障 …; a cumulative target names its years. */
export function targetText(ind, t) {
  const text = levelText(ind, t)
  return t && t.fromYear ? `${text}（${t.fromYear}—${t.year}年累计）` : text
}

function levelText(ind, t) {
  if (!t) return '—'
  if (t.kind === 'SECURED') return '有效保障'
  const hasValue = t.value !== null && t.value !== undefined
  const unit = ind && ind.unit && !isYesNoIndicator(ind) ? ind.unit : ''
  if (t.kind === 'PROVINCIAL') {
    if (!hasValue) return '完成省下达目标（待省下达）'
    return isYesNoIndicator(ind) ? '完成省下达目标（有效保障）' : `完成省下达目标（省下达 ${formatNumber(t.value)}${unit}）`
  }
  if (t.text) return t.text
  if (!hasValue) return '—'
  if (t.kind === 'AT_LEAST') return `≥${formatNumber(t.value)}`
  if (t.kind === 'AT_MOST') return `≤${formatNumber(t.value)}`
  return formatNumber(t.value)
}

const keyOf = (t) => `${t.level}-${t.year}`

/** The targets a proposal changes: [{label, from, to}] per level and year, in year order. */
export function targetChanges(ind, proposal) {
  const before = new Map((proposal.oldTargets || []).map((t) => [keyOf(t), t]))
  const after = new Map((proposal.newTargets || []).map((t) => [keyOf(t), t]))
  const keys = [...new Set([...before.keys(), ...after.keys()])]
  const rows = []
  for (const k of keys) {
    const from = before.get(k)
    const to = after.get(k)
    const fromText = from ? targetText(ind, from) : '（无）'
    const toText = to ? targetText(ind, to) : '（删除）'
    if (fromText === toText && JSON.stringify(from) === JSON.stringify(to)) continue
    const t = to || from
    rows.push({ key: k, year: t.year, label: `${t.year}年${TARGET_LEVEL_LABELS[t.level] || t.level}`, from: fromText, to: toText })
  }
  return rows.sort((a, b) => a.year - b.year || a.key.localeCompare(b.key))
}
