// The 数据填报 form of one unit and period: the rows being typed, their checks, and every command on the report
// (save, submit, withdraw, amend, evidence, Excel import), each followed until the read model shows it.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { byIndicator, indicatorIdOf, submissionApi, toApiError } from '../api.js'
import { confirmed, downloadFile, showError, useFormDialog } from '../feedback.js'
import { refetchUntil } from '../polling.js'
import { parsePeriod, periodLabel, periodSortKey } from '../format.js'
import { buildRows, errorCount, payloadValues, validateRow } from '../indicatorRows.js'

const MAX_FILE = 20 * 1024 * 1024
const MAX_EXCEL = 5 * 1024 * 1024

/**
 * `unitId`, `unitName`, `period`: refs of the page; `assigned`: the indicators the unit reports for the period;
 * `reports`: the unit's reports (summaries), re-read by `loadReports`.
 */
export function useSubmissionForm({ unitId, unitName, period, assigned, reports, loadReports }) {
  const detail = ref(null)
  /** Last approved value per indicator, for hints and the 变动说明 rule. */
  const prevMap = ref({})
  const rows = ref([])
  const snapshot = ref('')
  const busy = ref('')
  /** Set by a submit attempt: the form then also shows what submitting needs. */
  const attempted = ref(false)
  const formError = ref('')
  const formErrorDetails = ref([])

  const editable = computed(() => !detail.value || detail.value.status === 'DRAFT' || detail.value.status === 'RETURNED')
  const isAmendment = computed(
    () => !!detail.value && editable.value && Array.isArray(detail.value.approvedValues) && (detail.value.revision || 1) > 1
  )
  const valueCommentCount = computed(() => Object.keys((detail.value && detail.value.valueComments) || {}).length)

  /** The draft holds values of indicators no longer in the form (since confirmed 不涉及): saving drops them. */
  const staleDraft = computed(
    () => !!detail.value && (detail.value.values || []).some((v) => !assigned.value.some((a) => a.id === indicatorIdOf(v)))
  )

  const rawState = () => JSON.stringify(rows.value.map((r) => [r.value, r.components, r.note, r.explanation]))
  const dirty = computed(() => rows.value.length > 0 && rawState() !== snapshot.value)
  function markSaved() {
    snapshot.value = rawState()
  }

  const countErrors = (strict) => rows.value.reduce((n, r) => n + errorCount(validateRow(r, strict, prevMap.value[r.def.id])), 0)

  function scrollToFirstError() {
    setTimeout(() => {
      const el = document.querySelector('.indicator-row.has-error')
      if (el) el.scrollIntoView({ behavior: 'smooth', block: 'center' })
    }, 50)
  }

  function clearErrors() {
    formError.value = ''
    formErrorDetails.value = []
    for (const r of rows.value) r.serverError = ''
  }

  /** Shows a failed call: message on top, field errors and rule messages next to the indicator they name. */
  function showApiError(e, sentValues) {
    const error = toApiError(e)
    if (error.status === 401) return error
    formError.value = error.message
    const details = []
    const byIndex = (i) => (sentValues && sentValues[i] ? sentValues[i].indicator : null)
    for (const fe of error.fieldErrors) {
      let row = null
      const m = /values\[(\d+)\]/.exec(fe.field || '')
      if (m) row = rows.value.find((r) => r.def.id === byIndex(Number(m[1])))
      if (!row) row = rows.value.find((r) => (fe.field || '').split(/[.[\]]/).includes(r.def.id))
      if (row) row.serverError = fe.message
      else if (fe.message !== error.message) details.push(fe.message)
    }
    for (const r of rows.value) {
      if (!r.serverError && error.message.includes(r.def.name)) r.serverError = error.message
    }
    formErrorDetails.value = details
    if (rows.value.some((r) => r.serverError)) scrollToFirstError()
    return error
  }

  /** Last approved values from earlier reports, for the hints before this period's report exists. */
  async function previousFromEarlierReports(code) {
    const p = parsePeriod(code)
    const earlier = reports.value
      .filter((r) => {
        const q = parsePeriod(r.period)
        return q && p && q.type === p.type && periodSortKey(r.period) < periodSortKey(code)
      })
      .slice(0, 3)
    const map = {}
    for (const r of earlier) {
      try {
        const d = await submissionApi.get(r.id)
        for (const v of (d && d.approvedValues) || []) {
          const id = indicatorIdOf(v)
          if (!map[id] && v.value !== null && v.value !== undefined) map[id] = { indicator: id, value: v.value, period: r.period }
        }
      } catch (e) {
        // hints only
      }
    }
    return map
  }

  /** Shows the report `d` (or a blank form when null) as saved. */
  function applyDetail(d) {
    detail.value = d
    if (d) prevMap.value = byIndicator(d.previousApproved)
    rows.value = buildRows(assigned.value, d ? d.values : [])
    markSaved()
    attempted.value = false
  }

  /** The page could not load the period: nothing to show. */
  function clear() {
    rows.value = []
    detail.value = null
  }

  // ---- commands ------------------------------------------------------------------------
  function getOrNull(id) {
    return submissionApi.get(id).catch((e) => {
      if (toApiError(e).status === 404) return null
      throw e
    })
  }

  /**
   * After a command: re-reads the report until the read model shows it (version moved on), ~3 s at most.
   * `result` is the command's answer ({id, status, version}) when the server sent one.
   */
  async function refreshAfter(id, oldVersion, result, done = () => true) {
    const target = result && typeof result.version === 'number' ? result.version : null
    const { data, visible } = await refetchUntil(
      () => getOrNull(id),
      (d) => !!d && (target !== null ? d.version >= target : d.version !== oldVersion) && done(d)
    )
    loadReports()
    return { data, visible, target }
  }

  /**
   * Runs a command on the open report (busy = `name`): `command(id, version)` calls the server, then the page
   * shows the report once the read model has it (`done` as for refreshAfter) and confirms with `text`,
   * or `lagText` while the read model lags. `onError` shows a failure (by default above the form).
   */
  async function runCommand(name, command, { done, text, lagText, onError = (e) => showApiError(e) }) {
    busy.value = name
    try {
      const id = detail.value.id
      const oldVersion = detail.value.version
      const result = await command(id, oldVersion)
      const { data, visible } = await refreshAfter(id, oldVersion, result, done)
      if (data) applyDetail(data)
      ElMessage.success(visible ? text : lagText)
    } catch (e) {
      onError(e)
    } finally {
      busy.value = ''
    }
  }

  async function findReportId() {
    await loadReports()
    const r = reports.value.find((x) => x.period === period.value)
    return r ? r.id : null
  }

  /** Saves the draft (creating the report the first time). Returns true when saved. */
  async function saveDraft({ quiet = false } = {}) {
    clearErrors()
    if (countErrors(false) > 0) {
      formError.value = `有 ${countErrors(false)} 处填写有误（已标红），请改正后再保存。`
      scrollToFirstError()
      return false
    }
    const values = payloadValues(rows.value)
    busy.value = 'save'
    try {
      let result
      let id
      const oldVersion = detail.value ? detail.value.version : null
      if (!detail.value) {
        result = await submissionApi.create(unitId.value, period.value, values)
        id = (result && result.id) || (await findReportId())
      } else {
        id = detail.value.id
        result = await submissionApi.save(id, values, detail.value.version)
      }
      markSaved()
      const { data, visible, target } = await refreshAfter(id, oldVersion, result)
      if (visible) {
        applyDetail(data)
      } else {
        // The list lags behind: keep what is on screen and remember the new version for the next step.
        if (data) detail.value = { ...data, version: target !== null ? target : data.version }
        else if (result && result.id) detail.value = { id: result.id, status: result.status || 'DRAFT', version: target, values }
      }
      if (!quiet) ElMessage.success(visible ? '草稿已保存' : '草稿已保存，页面稍后更新')
      return true
    } catch (e) {
      showApiError(e, values)
      if (toApiError(e).status === 409) loadReports()
      return false
    } finally {
      busy.value = ''
    }
  }

  async function submitReport() {
    clearErrors()
    attempted.value = true
    const n = countErrors(true)
    if (n > 0) {
      formError.value = `还有 ${n} 处未填写或填写有误（已标红），请补充或改正后再提交。`
      scrollToFirstError()
      return
    }
    const ok = await confirmed(
      `确定提交${unitName.value}${periodLabel(period.value)}的报告吗？提交后将由审核人员审核，审核期间不能修改（可撤回）。`,
      '提交审核',
      { type: 'info', confirmButtonText: '提交', confirmButtonClass: 'jc-confirm' }
    )
    if (!ok) return
    if (!detail.value || dirty.value || staleDraft.value) {
      const saved = await saveDraft({ quiet: true })
      if (!saved) return
      attempted.value = true
    }
    await runCommand('submit', submissionApi.submit, {
      done: (d) => d.status !== 'DRAFT' && d.status !== 'RETURNED',
      text: '报告已提交，请等待审核',
      lagText: '报告已提交，页面稍后更新',
      onError: (e) => showApiError(e, payloadValues(rows.value))
    })
  }

  async function withdrawReport() {
    const ok = await confirmed('撤回后报告变为草稿，可以修改后重新提交。确定撤回吗？', '撤回报告', {
      confirmButtonText: '撤回',
      confirmButtonClass: 'jc-confirm'
    })
    if (!ok) return
    clearErrors()
    await runCommand('withdraw', submissionApi.withdraw, {
      done: (d) => d.status !== 'SUBMITTED',
      text: '已撤回，可以修改后重新提交',
      lagText: '已撤回，页面稍后更新'
    })
  }

  const amend = useFormDialog({ reason: '' })
  function openAmend() {
    amend.open({ reason: '' })
  }
  // ReasonDialog has checked that a reason is written.
  async function confirmAmend() {
    amend.saving = true
    await runCommand(
      'amend',
      async (id, version) => {
        const result = await submissionApi.amend(id, version, amend.reason.trim())
        amend.visible = false
        return result
      },
      {
        done: (d) => d.status !== 'APPROVED',
        text: '已开始修改，改好后请重新提交审核',
        lagText: '已申请修改，页面稍后更新',
        onError: (e) => {
          const err = toApiError(e)
          if (err.status !== 401) amend.errors.message = err.fullText()
        }
      }
    )
    amend.saving = false
  }

  // ---- files -------------------------------------------------------------------------------
  function beforeEvidence(file) {
    if (file.size > MAX_FILE) {
      ElMessage.error(`文件“${file.name}”超过 20 MB，请压缩后再上传`)
      return false
    }
    return true
  }

  async function uploadEvidence({ file }) {
    if (!detail.value) return
    busy.value = 'evidence'
    try {
      const id = detail.value.id
      const oldVersion = detail.value.version
      const result = await submissionApi.uploadEvidence(id, file, oldVersion)
      const { data, visible } = await refreshAfter(id, oldVersion, result)
      if (data) {
        // keep the user's unsaved edits: only evidence, version and history come from the server
        const keep = dirty.value
        const state = keep ? rows.value : null
        const snap = snapshot.value
        detail.value = data
        if (keep) {
          rows.value = state
          snapshot.value = snap
        } else applyDetail(data)
      }
      ElMessage.success(visible ? `已上传“${file.name}”` : `已上传“${file.name}”，列表稍后更新`)
    } catch (e) {
      showError(e)
    } finally {
      busy.value = ''
    }
  }

  function beforeExcel(file) {
    if (!/\.xlsx$/i.test(file.name)) {
      ElMessage.error('请选择 .xlsx 格式的 Excel 文件（可先点击“下载模板”）')
      return false
    }
    if (file.size > MAX_EXCEL) {
      ElMessage.error('Excel 文件不能超过 5 MB')
      return false
    }
    return true
  }

  async function importExcel({ file }) {
    const overwrite = '导入的数据将覆盖页面上尚未保存的修改，确定导入吗？'
    if (dirty.value && !(await confirmed(overwrite, '导入Excel', { confirmButtonText: '导入' }))) return
    busy.value = 'import'
    clearErrors()
    try {
      const oldVersion = detail.value ? detail.value.version : null
      const result = await submissionApi.uploadExcel(file, unitId.value, period.value)
      const id = (result && result.id) || (detail.value && detail.value.id) || (await findReportId())
      if (id) {
        const { data, visible } = await refreshAfter(id, oldVersion, result)
        if (data) applyDetail(data)
        ElMessage.success(visible ? '已导入，请核对后提交' : '已导入，页面稍后更新')
      } else {
        ElMessage.success('已导入，请稍后刷新页面')
      }
    } catch (e) {
      showApiError(e)
    } finally {
      busy.value = ''
    }
  }

  function downloadTemplate() {
    return downloadFile(submissionApi.templateUrl(unitId.value, period.value), `${unitName.value}-${period.value}-指标填报表.xlsx`)
  }

  return {
    detail,
    prevMap,
    rows,
    busy,
    attempted,
    formError,
    formErrorDetails,
    editable,
    isAmendment,
    valueCommentCount,
    dirty,
    previousFromEarlierReports,
    applyDetail,
    clear,
    clearErrors,
    saveDraft,
    submitReport,
    withdrawReport,
    amend,
    openAmend,
    confirmAmend,
    beforeEvidence,
    uploadEvidence,
    beforeExcel,
    importExcel,
    downloadTemplate
  }
}
