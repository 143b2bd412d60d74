import { describe, expect, it } from 'vitest';
import type { ReportChart } from '../api/reportTypes';
import { axisLabel, chartIsEmpty, drawValue, escapeHTML, forecastWonOption, reportChartOption } from './chartOptions';

const name = (s: { key: string; label: string }) => s.label || `T:${s.key}`;

const chart: ReportChart = {
  kind: 'barline',
  categories: ['Jan 2026', 'Feb 2026', '<b>Mar</b>'],
  series: [
    { key: 'resolved', label: '', unit: 'count', values: ['3', '', '7'], texts: ['3', '', '7'] },
    { key: 'mean_hours', label: '', unit: 'hours', values: ['12.5', '4', 'x'], texts: ['12.5 h', '4 h', ''] },
  ],
};

type AnyOpt = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('reportChartOption', () => {
  it('draws the first series as bars and the next as a line on a second axis', () => {
    const o = reportChartOption(chart, name) as AnyOpt;
    expect(o.series).toHaveLength(2);
    expect(o.series[0]).toMatchObject({ type: 'bar', name: 'T:resolved', yAxisIndex: 0, data: [3, null, 7] });
    expect(o.series[1]).toMatchObject({ type: 'line', name: 'T:mean_hours', yAxisIndex: 1, data: [12.5, 4, null] });
    expect(o.yAxis).toHaveLength(2);
    expect(o.yAxis.map((a: AnyOpt) => a.minInterval)).toEqual([1, undefined]);
    expect(o.xAxis.data).toEqual(chart.categories);
    expect(o.legend.show).toBe(true);
  });

  it('stacks bars for a stacked chart and keeps one axis for one unit', () => {
    const stacked: ReportChart = {
      kind: 'stacked',
      categories: ['Ann', 'Bo'],
      series: [
        { key: 'call', label: '', unit: 'count', values: ['1', '2'], texts: [] },
        { key: 'email', label: '', unit: 'count', values: ['3', '0'], texts: [] },
      ],
    };
    const o = reportChartOption(stacked, name) as AnyOpt;
    expect(o.series.map((s: AnyOpt) => [s.type, s.stack, s.yAxisIndex])).toEqual([
      ['bar', 'total', 0],
      ['bar', 'total', 0],
    ]);
    expect(o.yAxis).toHaveLength(1);
    const line = reportChartOption({ ...stacked, kind: 'line' }, name) as AnyOpt;
    expect(line.series.every((s: AnyOpt) => s.type === 'line')).toBe(true);
  });

  it('puts the backend texts in the tooltip, escaped', () => {
    const o = reportChartOption(chart, name) as AnyOpt;
    const html = o.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 2, marker: '' },
      { seriesIndex: 1, dataIndex: 2, marker: '' },
    ]);
    expect(html).toBe('&lt;b&gt;Mar&lt;/b&gt;<br/>T:resolved: 7<br/>T:mean_hours: —');
    expect(o.tooltip.formatter([{ seriesIndex: 1, dataIndex: 0 }])).toBe('Jan 2026<br/>T:mean_hours: 12.5 h');
  });
});

describe('helpers', () => {
  it('reads plain decimals only', () => {
    expect(drawValue('1234.50')).toBe(1234.5);
    expect(drawValue('-3')).toBe(-3);
    expect(drawValue('')).toBeNull();
    expect(drawValue('1,234')).toBeNull();
  });
  it('labels axes', () => {
    expect(axisLabel('percent')(25.7)).toBe('26%');
    expect(axisLabel('money')(1250000)).toBe('1.3M');
    expect(axisLabel('count')(12)).toBe('12');
  });
  it('knows an empty chart', () => {
    expect(chartIsEmpty(chart)).toBe(false);
    expect(chartIsEmpty({ kind: 'bar', categories: [], series: [] })).toBe(true);
    expect(chartIsEmpty({ kind: 'bar', categories: ['a'], series: [{ key: 'k', label: '', unit: 'count', values: [''], texts: [''] }] })).toBe(true);
    expect(chartIsEmpty({ kind: 'bar', categories: ['a', 'b'], series: [{ key: 'k', label: '', unit: 'count', values: ['0', '0.00'], texts: [] }] })).toBe(true);
    expect(chartIsEmpty({ kind: 'bar', categories: ['a', 'b'], series: [{ key: 'k', label: '', unit: 'count', values: ['0', '-1'], texts: [] }] })).toBe(false);
  });
  it('escapes HTML', () => {
    expect(escapeHTML(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('builds forecast vs won from the decimals, labelled with the texts', () => {
    const o = forecastWonOption({ decimal: '1500.00', text: '$1,500.00' }, { decimal: '250.5', text: '$250.50' }, { forecast: 'F', won: 'W' }) as AnyOpt;
    expect(o.yAxis.data).toEqual(['F', 'W']);
    expect(o.series[0].data.map((d: AnyOpt) => d.value)).toEqual([1500, 250.5]);
    expect(o.series[0].label.formatter({ dataIndex: 1 })).toBe('$250.50');
  });
});
