// A list page with filters and offset paging (不涉及确认, 整改台账): the filter, the current page and its rows.
import { reactive, ref } from 'vue'
import { useLoading } from '../feedback.js'

/**
 * `fetchPage(filter, { offset, limit })` returns `{ items, total }`; `emptyFilter()` gives the filter's initial
 * (and 重置) values.
 */
export function usePagedList(fetchPage, emptyFilter, { limit = 20 } = {}) {
  const filter = reactive(emptyFilter())
  const offset = ref(0)
  const total = ref(0)
  const rows = ref([])

  /** Shows a page the caller fetched itself (e.g. after a command, polled until it shows). */
  function apply(page) {
    rows.value = (page && page.items) || []
    total.value = (page && page.total) || 0
  }

  const fetchCurrent = () => fetchPage(filter, { offset: offset.value, limit })
  const { loading, load } = useLoading(fetchCurrent, apply)

  /** 查询: the first page of the filter as it is now. */
  function search() {
    offset.value = 0
    return load()
  }

  /** 重置: the initial filter, first page. */
  function reset() {
    Object.assign(filter, emptyFilter())
    return search()
  }

  function goTo(pageNumber) {
    offset.value = (pageNumber - 1) * limit
    return load()
  }

  /** The 序号 of a row on this page, counted over all pages. */
  const rowNumber = (index) => offset.value + index + 1

  return reactive({ filter, offset, total, rows, loading, limit, apply, fetchCurrent, load, search, reset, goTo, rowNumber })
}
