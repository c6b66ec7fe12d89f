// Error display, confirmations, downloads and form dialogs shared by the views.
import { reactive, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { download, toApiError } from './api.js'

/** Toast for a failed call (401 is handled globally by the redirect to log-in). */
export function showError(e) {
  const err = toApiError(e)
  if (err.status === 401) return err
  ElMessage({ type: 'error', message: err.fullText(), grouping: true, duration: 5000, showClose: true })
  return err
}

/** A `loading` flag and `load()`, which hands what `fetcher` answers to `apply`; a failure shows as a toast. */
export function useLoading(fetcher, apply) {
  const loading = ref(false)
  async function load() {
    loading.value = true
    try {
      apply(await fetcher())
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }
  return { loading, load }
}

/**
 * Inline errors for a dialog form: `message` for an ElAlert at the top (with `fullText`, the field
 * messages appended), `fields[name]` for each ElFormItem's `error` prop.
 */
export function useFormErrors({ fullText = false } = {}) {
  const state = reactive({ message: '', fields: {} })
  return {
    state,
    clear() {
      state.message = ''
      state.fields = {}
    },
    set(e) {
      const err = toApiError(e)
      if (err.status === 401) return err
      state.message = fullText ? err.fullText() : err.message
      state.fields = err.fieldMap()
      return err
    }
  }
}

/**
 * State of a dialog with a form, shown with <FormDialog :dialog="d">: visible, saving, inline errors
 * (`errors` of useFormErrors, `options` as there); bind the ElForm with :ref="d.bindForm" and each
 * ElFormItem with :error="d.errors.fields.<name>". `fields` are the dialog's own data (form model, the row …).
 */
export function useFormDialog(fields = {}, options = {}) {
  const errors = useFormErrors(options)
  let elForm = null
  const dialog = reactive({
    visible: false,
    saving: false,
    ...fields,
    errors: errors.state,
    bindForm: (el) => {
      elForm = el
    },
    clearErrors: errors.clear,
    /** Opens the dialog with fresh errors and `values` assigned to its data. */
    open(values = {}) {
      errors.clear()
      Object.assign(dialog, values)
      dialog.visible = true
      if (elForm) elForm.clearValidate()
    },
    /** True when the form's rules pass (or there is no form). */
    async validate() {
      return !elForm || (await elForm.validate().catch(() => false))
    },
    /** Runs the command with the saving flag; on success closes the dialog and runs `after`, else shows the error. */
    async submit(command, after) {
      errors.clear()
      dialog.saving = true
      try {
        await command()
        dialog.visible = false
        if (after) await after()
      } catch (e) {
        errors.set(e)
      } finally {
        dialog.saving = false
      }
    }
  })
  return dialog
}

/** ElMessageBox.confirm (a warning with 取消 unless `options` say otherwise); true when the user confirmed. */
export async function confirmed(message, title, options = {}) {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', cancelButtonText: '取消', ...options })
    return true
  } catch (e) {
    return false
  }
}

/** Downloads a file (see api.js download); a failure shows as a toast. Returns the saved name, or null. */
export async function downloadFile(url, fallbackName) {
  try {
    return await download(url, fallbackName)
  } catch (e) {
    showError(e)
    return null
  }
}

// ---- Org tree helpers ---------------------------------------------------------

export function walkTree(nodes, fn, parent = null) {
  for (const n of nodes || []) {
    fn(n, parent)
    walkTree(n.children, fn, n)
  }
}

export function findNode(nodes, id) {
  let found = null
  walkTree(nodes, (n) => {
    if (!found && n.id === id) found = n
  })
  return found
}

/** ids of the node and all its descendants */
export function subtreeIds(node) {
  const ids = new Set()
  if (node) {
    ids.add(node.id)
    walkTree(node.children, (n) => ids.add(n.id))
  }
  return ids
}
