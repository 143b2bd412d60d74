import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { onEvent } from './events';
import { dashboard, listReports, runReport, saveReportCSV } from './reports';
import type { ReportFilters } from './reportTypes';
import type { BackendEvent } from './types';

export const reportKeys = {
  all: ['reports'] as const,
  list: ['reports', 'list'] as const,
  run: (name: string, f: ReportFilters) => ['reports', 'run', name, f.from, f.to, f.ownerId, f.pipelineId, f.period] as const,
  dashboard: ['reports', 'dashboard'] as const,
};

/** The events after which a report or the dashboard may show other numbers. */
export const REPORT_EVENTS: BackendEvent[] = [
  'deals:changed',
  'pipelines:changed',
  'activities:changed',
  'leads:changed',
  'orders:changed',
  'tasks:changed',
  'calendar:changed',
  'contacts:changed',
  'companies:changed',
  'owners:changed',
  'currency:changed',
  'feedback:changed',
  'cases:changed',
];

/** Re-runs reports and the dashboard when the data under them changes. Mount where they show. */
export function useReportEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: reportKeys.all });
    const offs = REPORT_EVENTS.map((e) => onEvent(e, refresh));
    return () => offs.forEach((off) => off());
  }, [qc]);
}

export const useReportList = () => useQuery({ queryKey: reportKeys.list, queryFn: listReports, staleTime: Infinity });

/** One report run; the previous result stays on screen while a new filter loads. */
export function useReport(name: string, filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.run(name, filters),
    queryFn: () => runReport(name, filters),
    enabled: name !== '',
    placeholderData: keepPreviousData,
  });
}

export const useDashboard = () => useQuery({ queryKey: reportKeys.dashboard, queryFn: dashboard });

export function useExportReport() {
  return useMutation({ mutationFn: (a: { name: string; filters: ReportFilters; path: string }) => saveReportCSV(a.name, a.filters, a.path) });
}
