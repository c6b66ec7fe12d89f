// Eventual consistency: after a command the read model may lag a little, so the pages re-read until they see it.
import { ElMessage } from 'element-plus'
import { showError } from './feedback.js'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Re-fetches until `isVisible(data)` is true or the time is up; returns {data, visible}.
 */
export async function refetchUntil(fetcher, isVisible, { interval = 200, timeout = 3000 } = {}) {
  const deadline = Date.now() + timeout
  let data = await fetcher()
  while (!isVisible(data) && Date.now() < deadline) {
    await sleep(interval)
    data = await fetcher()
  }
  return { data, visible: isVisible(data) }
}

/**
 * After a command on a list page: re-reads the list until `isVisible(list)` (~3 s), hands it to `apply`
 * and confirms with `text`, or with `lagText` when the list does not show the change yet.
 */
export async function refreshListAfter(fetcher, isVisible, apply, text, lagText = `${text}，列表稍后更新，请稍后刷新`) {
  try {
    const { data, visible } = await refetchUntil(fetcher, (d) => isVisible(d || []))
    apply(data || [])
    ElMessage.success(visible ? text : lagText)
  } catch (e) {
    ElMessage.success(text)
    showError(e)
  }
}
