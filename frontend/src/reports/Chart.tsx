import { useEffect, useRef } from 'react';
import { Text } from '@mantine/core';
import { echarts, type ChartOption } from './echarts';

export interface ChartProps {
  /** The ECharts option (see chartOptions.ts for the builders). */
  option: ChartOption;
  /** What the chart shows, for screen readers (the canvas itself is not readable). */
  label: string;
  /** Height of the chart; its width follows the container. */
  height?: number;
  /** Optional readable alternative (usually the table next to the chart) linked by id. */
  describedBy?: string;
  /** Shown instead of the canvas when the chart has nothing to draw. */
  emptyText?: string;
  'data-testid'?: string;
}

/**
 * A small ECharts wrapper: it draws into a canvas that resizes with its container
 * (ResizeObserver), applies a new option in place, and disposes the instance on unmount.
 */
export function Chart({ option, label, height = 260, describedBy, emptyText, 'data-testid': testId }: ChartProps) {
  const empty = !!emptyText;
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(node);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [empty]);

  useEffect(() => {
    // notMerge: a report switch must not keep series of the previous one.
    chart.current?.setOption(option, { notMerge: true });
  }, [option, empty]);

  if (empty) {
    return (
      <Text c="dimmed" size="sm" data-testid={testId}>
        {emptyText}
      </Text>
    );
  }
  return <div ref={el} role="img" aria-label={label} aria-describedby={describedBy} style={{ width: '100%', height }} data-testid={testId} />;
}
