// The period a page shows (reporting, city rollup): kept in the address as ?period=, last year by default.
import { ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { parsePeriod } from './format.js'

const PERIOD_TYPES = ['ANNUAL', 'QUARTERLY', 'MONTHLY']

export function useRoutePeriod() {
  const route = useRoute()
  const router = useRouter()
  const asked = route.query.period
  const period = ref(typeof asked === 'string' && parsePeriod(asked) ? asked : String(new Date().getFullYear() - 1))
  /** Shows `code` and puts it into the address. */
  function setPeriod(code) {
    period.value = code
    router.replace({ query: { ...route.query, period: code } }).catch(() => {})
  }
  return { period, setPeriod }
}

/** Period types (in picker order, annual always) of the catalog indicators that `applies` selects. */
export function periodTypesOf(indicators, applies = () => true) {
  const types = new Set(['ANNUAL'])
  for (const ind of indicators || []) if (ind.periodType && applies(ind)) types.add(ind.periodType)
  return PERIOD_TYPES.filter((t) => types.has(t))
}
