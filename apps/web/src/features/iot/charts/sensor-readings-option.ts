import type { EChartsOption } from 'echarts';

/** What the readings chart shows: a sensor's values over time, its alarm line and when it alarmed. */
export interface SensorReadingsData {
  name: string;
  unit: string;
  readings: readonly { at: Date; value: number }[];
  alarmAbove: number;
  alarms?: readonly { at: Date; value: number | null }[];
}

/**
 * The chart as a pure function of its data (drawn by the shared `<EChart>`): a time axis, the readings as a line, the threshold (阈值)
 * as a dashed mark line, the alarms as red points.
 */
export function sensorReadingsOption(data: SensorReadingsData): EChartsOption {
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}${data.unit}` },
    legend: { data: [data.name, '告警'], top: 4 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: data.unit, max: (v) => Math.max(v.max, data.alarmAbove) * 1.1 },
    series: [
      {
        name: data.name,
        type: 'line',
        showSymbol: data.readings.length < 60,
        data: data.readings.map((r) => [r.at.getTime(), r.value]),
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#cf1322' },
          label: { position: 'insideEndTop', formatter: `告警阈值 ${data.alarmAbove}${data.unit}` },
          data: [{ yAxis: data.alarmAbove }],
        },
      },
      {
        name: '告警',
        type: 'scatter',
        symbolSize: 10,
        z: 5,
        itemStyle: { color: '#cf1322' },
        data: (data.alarms ?? []).filter((a) => a.value !== null).map((a) => [a.at.getTime(), a.value]),
      },
    ],
  };
}
