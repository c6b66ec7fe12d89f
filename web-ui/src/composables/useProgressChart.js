// The dashboard's progress chart: one bar per indicator, its label and tooltip in the rollup's words.
import { computed } from 'vue'
import { isYesNo, pct, statusOf, targetText, valueText } from '../rollupText.js'

const shortName = (n) => (n && n.length > 14 ? `${n.slice(0, 13)}…` : n || '')

/** The 目标完成进度 bar chart of `indicators` (a ref), coloured by status, 100% marked. */
export function useProgressChart(indicators) {
  return computed(() => {
    const list = indicators.value
    return {
      grid: { left: 10, right: 90, top: 10, bottom: 20, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const i = list[p.dataIndex]
          const prog = i.progress === null || i.progress === undefined ? '无法计算' : `${pct(i.progress)}%`
          const lines = [
            `${i.number}. ${i.name}`,
            `全市数值：${valueText(i, i.cityValue)} ${isYesNo(i) ? '' : i.unit || ''}`,
            `目标：${targetText(i.nextTarget)}`,
            `完成进度：${prog}`,
            `状态：${statusOf(i).label}`
          ]
          if (i.statusReason) lines.push(i.statusReason)
          return lines.join('\n')
        }
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: list.map((i) => `${i.number}. ${shortName(i.name)}`),
        axisLabel: { fontSize: 12 }
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          data: list.map((i) => ({
            value: i.progress === null || i.progress === undefined ? 0 : pct(i.progress),
            itemStyle: { color: statusOf(i).color }
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (p) => {
              const i = list[p.dataIndex]
              return i.progress === null || i.progress === undefined ? statusOf(i).label : `${pct(i.progress)}%  ${statusOf(i).label}`
            }
          },
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#2e9d4f', type: 'dashed' },
            label: { show: false },
            data: [{ xAxis: 100 }]
          }
        }
      ]
    }
  })
}
