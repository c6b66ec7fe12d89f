// 不涉及 on 数据填报: the unit's records (all periods: 不涉及 is about the indicator, not one report),
// what each form row shows of them, and the 申报不涉及 dialog.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { notApplicableApi } from '../api.js'
import { hasRole } from '../session.js'
import { useFormDialog } from '../feedback.js'
import { refetchUntil } from '../polling.js'
import { parsePeriod } from '../format.js'
import { NOT_APPLICABLE_STATUS } from '../labels.js'

/** `unitId`, `period`: refs of the page; `catalog`: all indicators (for their period types). */
export function useUnitNotApplicable({ unitId, period, catalog }) {
  const notApplicable = ref([])
  const naOf = (row) => notApplicable.value.find((r) => r.indicatorId === row.def.id && r.status !== 'REVOKED') || null
  const naStatus = (r) => NOT_APPLICABLE_STATUS[r.status] || { label: r.status, type: 'info' }
  const canDeclare = (row) =>
    hasRole('SUBMITTER') && (row.def.reportingUnitIds || []).includes(unitId.value) && (!naOf(row) || naOf(row).status === 'REJECTED')
  /** Confirmed ones of this period's rhythm: the form no longer lists them. */
  const confirmedNotApplicable = computed(() => {
    const p = parsePeriod(period.value)
    const types = Object.fromEntries(catalog.value.map((i) => [i.id, i.periodType]))
    return notApplicable.value.filter((r) => r.status === 'CONFIRMED' && (!p || !types[r.indicatorId] || types[r.indicatorId] === p.type))
  })

  async function loadNotApplicable() {
    if (!unitId.value) return
    try {
      const page = await notApplicableApi.list({ unit: unitId.value, limit: 100 })
      notApplicable.value = (page && page.items) || []
    } catch (e) {
      notApplicable.value = []
    }
  }

  const declare = useFormDialog({ row: null, reason: '' }, { fullText: true })
  function openDeclare(row) {
    declare.open({ row, reason: '' })
  }
  // ReasonDialog has checked that a reason is written.
  async function confirmDeclare() {
    const indicatorId = declare.row.def.id
    await declare.submit(
      () => notApplicableApi.declare(indicatorId, declare.reason.trim()),
      async () => {
        const { visible } = await refetchUntil(
          () => notApplicableApi.list({ unit: unitId.value, indicator: indicatorId, limit: 1 }),
          (page) => !!page && page.items.length > 0 && page.items[0].status === 'DECLARED'
        )
        await loadNotApplicable()
        ElMessage.success(visible ? '已提交不涉及申报，请等待市生态环境局确认' : '已提交不涉及申报，页面稍后更新')
      }
    )
  }

  return { notApplicable, naOf, naStatus, canDeclare, confirmedNotApplicable, loadNotApplicable, declare, openDeclare, confirmDeclare }
}
