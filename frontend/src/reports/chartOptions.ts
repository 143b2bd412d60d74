// Builders that turn the backend's chart data (categories + series of plain decimal strings,
// with formatted texts) into ECharts options. Pure, so tests check the options directly.
// Values become JS numbers here for drawing only; every number a user reads (tooltips, table)
// is the backend's formatted text.
import type { ReportChart, ReportSeries } from '../api/reportTypes';
import type { ChartOption } from './echarts';

/** Names a series for the legend (a data-named label, or a translated key). */
export type SeriesNamer = (s: ReportSeries) => string;

/** A plain decimal string as a number for drawing; '' or garbage → null (a gap). */
export function drawValue(v: string): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(v.trim())) return null;
  return Number(v);
}

/** Axis labels: percent series carry percentages (41.67 → 42%). */
export function axisLabel(unit: string): (v: number) => string {
  if (unit === 'percent') return (v) => `${Math.round(v)}%`;
  return (v) => (Math.abs(v) >= 1000 ? compact(v) : String(Math.round(v * 100) / 100));
}

function compact(v: number): string {
  const abs = Math.abs(v);
  const [d, s] = abs >= 1e9 ? [1e9, 'G'] : abs >= 1e6 ? [1e6, 'M'] : [1e3, 'k'];
  return `${Math.round((v / d) * 10) / 10}${s}`;
}

const PALETTE = ['#228be6', '#40c057', '#fab005', '#fa5252', '#7950f2', '#15aabf', '#fd7e14', '#868e96'];

interface TooltipParam {
  seriesIndex?: number;
  dataIndex?: number;
  marker?: unknown;
}

/**
 * The option for a report chart. kind: "bar" (grouped bars), "stacked" (stacked bars),
 * "line", "barline" (first series bars, the others lines). Series with a second unit get a
 * second y axis on the right. Tooltips show the backend's texts.
 */
export function reportChartOption(chart: ReportChart, name: SeriesNamer): ChartOption {
  const units: string[] = [];
  for (const s of chart.series) if (!units.includes(s.unit)) units.push(s.unit);
  const axisOf = (s: ReportSeries) => Math.min(units.indexOf(s.unit), 1);
  const series = chart.series.map((s, i) => {
    const line = chart.kind === 'line' || (chart.kind === 'barline' && i > 0);
    const base = {
      name: name(s),
      data: chart.categories.map((_, j) => drawValue(s.values[j] ?? '')),
      yAxisIndex: axisOf(s),
    };
    if (line) return { ...base, type: 'line' as const, smooth: false, connectNulls: false, showSymbol: true };
    return { ...base, type: 'bar' as const, stack: chart.kind === 'stacked' ? 'total' : undefined, barMaxWidth: 48 };
  });
  const yAxis = units.slice(0, 2).map((u, i) => ({
    type: 'value' as const,
    position: i === 0 ? ('left' as const) : ('right' as const),
    axisLabel: { formatter: axisLabel(u) },
    // Counts are whole numbers: no 2.5 calls on the axis.
    minInterval: u === 'count' ? 1 : undefined,
    splitLine: { show: i === 0 },
  }));
  return {
    color: PALETTE,
    aria: { enabled: true },
    animation: false,
    grid: { left: 56, right: yAxis.length > 1 ? 56 : 16, top: chart.series.length > 1 ? 36 : 16, bottom: 32, containLabel: false },
    legend: { show: chart.series.length > 1, top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const ps = (Array.isArray(params) ? params : [params]) as TooltipParam[];
        const j = ps[0]?.dataIndex ?? 0;
        const lines = [escapeHTML(chart.categories[j] ?? '')];
        for (const p of ps) {
          const s = chart.series[p.seriesIndex ?? -1];
          if (!s) continue;
          const text = s.texts[j] || (drawValue(s.values[j] ?? '') === null ? '—' : s.values[j]);
          lines.push(`${typeof p.marker === 'string' ? p.marker : ''}${escapeHTML(name(s))}: ${escapeHTML(text)}`);
        }
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { hideOverlap: true } },
    yAxis: yAxis.length ? yAxis : [{ type: 'value' }],
    series,
  };
}

/** Whether a chart has anything to draw (all values missing or zero draws nothing). */
export function chartIsEmpty(chart: ReportChart): boolean {
  return chart.categories.length === 0 || chart.series.every((s) => s.values.every((v) => !drawValue(v)));
}

/**
 * Forecast vs won for the dashboard: two horizontal bars in the home currency; labels are the
 * backend's formatted amounts.
 */
export function forecastWonOption(
  forecast: { decimal: string; text: string },
  won: { decimal: string; text: string },
  labels: { forecast: string; won: string },
): ChartOption {
  return {
    color: PALETTE,
    aria: { enabled: true },
    animation: false,
    grid: { left: 96, right: 130, top: 8, bottom: 8 },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: [labels.forecast, labels.won], inverse: true, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: [
          { value: drawValue(forecast.decimal) ?? 0, itemStyle: { color: PALETTE[0] } },
          { value: drawValue(won.decimal) ?? 0, itemStyle: { color: PALETTE[1] } },
        ],
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => (p.dataIndex === 0 ? forecast.text : won.text) },
      },
    ],
  };
}

/** ECharts tooltips are HTML: record data (stage names, owners) must be escaped. */
export function escapeHTML(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
