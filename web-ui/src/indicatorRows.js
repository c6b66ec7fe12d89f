// One indicator of a report as a row of the values table: built from the indicator and the stored value,
// checked as the submitter types, compared with the unit's last approved value. Used by 数据填报 (editable)
// and 审核 (read-only), so both see the same numbers and the same "变化较大".
import { reactive } from 'vue'
import { byIndicator } from './api.js'
import { changeOf, formatChange, formatValue, needsExplanation, parseInput, ratioPercent, toNumber } from './format.js'

export const isRatio = (row) => row.def.rollupRule === 'RATIO_OF_SUMS' && (row.def.components || []).length === 2
/** How a row is filled: RATIO (numerator and denominator), YES_NO (是/否) or VALUE (a number, maybe with components). */
export const inputKind = (row) => (isRatio(row) ? 'RATIO' : row.def.valueType === 'YES_NO' ? 'YES_NO' : 'VALUE')

function toText(v) {
  const n = toNumber(v)
  return n === null ? '' : String(n)
}

/** Rows for `defs` (indicators, in order) filled with the report's `values`; `saved` is the stored value. */
export function buildRows(defs, values) {
  const byId = byIndicator(values)
  return defs.map((def) => {
    const v = byId[def.id] || {}
    const components = {}
    for (const c of def.components || []) components[c.key] = toText(v.components ? v.components[c.key] : null)
    return reactive({
      def,
      value: def.valueType === 'YES_NO' ? toNumber(v.value) : toText(v.value),
      saved: v.value ?? null,
      components,
      note: v.note || '',
      explanation: v.explanation || '',
      serverError: ''
    })
  })
}

/**
 * Live checks (format, range, numerator ≤ denominator); with `strict` also what submitting needs.
 * `prev` is the last approved value ({value, period}) or null. `value_` is the value the row stands for.
 */
export function validateRow(row, strict, prev) {
  const d = row.def
  const comps = d.components || []
  const e = { value: '', components: {}, explanation: '', value_: null }
  const parsed = {}
  for (const c of comps) {
    const p = parseInput(row.components[c.key])
    parsed[c.key] = p
    if (p.invalid) e.components[c.key] = '请输入数字'
    else if (!p.empty && p.value < 0) e.components[c.key] = '不能为负数'
    else if (!p.empty && p.decimals > 4) e.components[c.key] = '最多保留 4 位小数'
  }
  let value = null
  if (isRatio(row)) {
    const [n, dn] = comps
    const pn = parsed[n.key]
    const pd = parsed[dn.key]
    if (!e.components[n.key] && !e.components[dn.key] && !pn.empty && !pd.empty) {
      if (pd.value <= 0) e.components[dn.key] = `“${dn.label}”必须大于 0`
      else if (pn.value > pd.value) e.components[n.key] = `“${n.label}”不能大于“${dn.label}”`
      else value = ratioPercent(pn.value, pd.value)
    }
    if (strict) {
      for (const c of comps) if (parsed[c.key].empty && !e.components[c.key]) e.components[c.key] = `请填写“${c.label}”`
    }
  } else {
    if (d.valueType === 'YES_NO') {
      value = row.value === 1 || row.value === 0 ? row.value : null
      if (strict && value === null) e.value = '请选择“是”或“否”'
    } else {
      const p = parseInput(row.value)
      if (p.invalid) e.value = '请输入数字'
      else if (!p.empty) {
        if (d.valueType === 'PERCENT' && (p.value < 0 || p.value > 100)) e.value = '百分比应在 0 到 100 之间'
        else if (d.valueType === 'PERCENT' && p.decimals > 2) e.value = '最多保留 2 位小数'
        else if (d.valueType === 'RATE' && (p.value <= -100 || p.value >= 100)) e.value = '年度变化率应大于 -100 且小于 100'
        else if (p.value < 0 && d.valueType !== 'RATE') e.value = '不能为负数'
        else if (p.decimals > 4) e.value = '最多保留 4 位小数'
        else value = p.value
      } else if (strict) e.value = '请填写本期数值'
    }
    if (value !== null || strict) {
      for (const c of comps) {
        if (parsed[c.key].empty && !e.components[c.key]) e.components[c.key] = `请同时填写“${c.label}”`
        else if (!parsed[c.key].empty && !e.components[c.key] && d.rollupRule === 'AREA_WEIGHTED' && parsed[c.key].value <= 0)
          e.components[c.key] = `“${c.label}”必须大于 0`
      }
    }
  }
  if (strict && prev && needsExplanation(value, prev.value, d.plausibilityShare) && !row.explanation.trim()) {
    e.explanation = '数值变化较大，请填写变动说明'
  }
  e.value_ = value
  return e
}

export const errorCount = (e) => (e.value ? 1 : 0) + Object.values(e.components).filter(Boolean).length + (e.explanation ? 1 : 0)

/** The value a row stands for: what the form computes while editing, the stored value when read-only. */
export const currentValue = (row, readonly) => (readonly ? row.saved : validateRow(row, false).value_)

/** True when the value moved more than the indicator's threshold from the last approved one. */
export const isBigChange = (row, prev, readonly) =>
  !!prev && needsExplanation(currentValue(row, readonly), prev.value, row.def.plausibilityShare)

/** "较上期" text; read-only rows also say how a 是/否 changed. */
export function changeText(row, prev, readonly) {
  if (!prev) return ''
  const value = currentValue(row, readonly)
  if (row.def.valueType === 'YES_NO') {
    if (!readonly) return ''
    return isBigChange(row, prev, readonly)
      ? `由“${formatValue(prev.value, 'YES_NO')}”变为“${formatValue(value, 'YES_NO')}”`
      : '无变化'
  }
  const c = changeOf(value, prev.value)
  return c ? formatChange(c) : ''
}

/** The report's values as the server wants them: empty rows left out. */
export function payloadValues(rows) {
  const out = []
  for (const r of rows) {
    const components = {}
    for (const c of r.def.components || []) {
      const p = parseInput(r.components[c.key])
      if (!p.empty && !p.invalid) components[c.key] = p.value
    }
    const value = validateRow(r, false).value_
    const note = r.note.trim()
    const explanation = r.explanation.trim()
    if (value === null && !Object.keys(components).length && !note && !explanation) continue
    out.push({ indicator: r.def.id, value, components, note: note || null, explanation: explanation || null })
  }
  return out
}
