// "Nothing lost": a page with a form registers a checker; leaving the page (menu, log-out) asks first.
import { confirmed } from './feedback.js'

let checker = null

/** The current page tells whether it holds unsaved changes (pass null when it goes away). */
export function setUnsavedChecker(fn) {
  checker = fn
}

export function hasUnsaved() {
  return !!checker && !!checker()
}

/** Asks whether to throw the unsaved changes away; true = discard and go on. */
export function confirmDiscard() {
  return confirmed('页面上有尚未保存的修改，离开后这些修改将丢失。', '有未保存的修改', {
    confirmButtonText: '放弃修改',
    cancelButtonText: '继续填写',
    confirmButtonClass: 'el-button--danger'
  })
}

/** For log-out and similar: asks when needed; after "放弃修改" the page no longer blocks leaving. */
export async function confirmLeave() {
  if (!hasUnsaved()) return true
  if (!(await confirmDiscard())) return false
  checker = null
  return true
}
