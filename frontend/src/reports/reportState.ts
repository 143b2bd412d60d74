// The reports area's state (selected report and its filters) lives in the URL hash,
// "#/reports/win_rate?range=lastMonth&owner=o1", so a report can be bookmarked and reopened.
import type { ReportFilters } from '../api/reportTypes';
import { DEFAULT_PRESET, isISODate, isRangePreset, presetRange, type RangePreset } from './dateRange';

export interface ReportState {
  /** The report's name; '' = the first of the catalogue. */
  report: string;
  preset: RangePreset;
  /** The custom range (only used when preset is 'custom'). */
  from: string;
  to: string;
  ownerId: string;
  pipelineId: string;
  period: string;
}

export const EMPTY_STATE: ReportState = { report: '', preset: DEFAULT_PRESET, from: '', to: '', ownerId: '', pipelineId: '', period: '' };

const PERIODS = ['day', 'week', 'month', 'quarter'];

/** Reads "#/reports/<name>?…"; anything unknown or malformed falls back to the defaults. */
export function parseReportHash(hash: string): ReportState {
  const body = hash.replace(/^#\/?/, '');
  const [path, query = ''] = body.split('?', 2);
  const parts = path.split('/');
  if (parts[0] !== 'reports') return { ...EMPTY_STATE };
  const p = new URLSearchParams(query);
  const name = parts[1] ?? '';
  const st: ReportState = {
    ...EMPTY_STATE,
    report: /^[a-z0-9_]+$/.test(name) ? name : '',
    ownerId: p.get('owner') ?? '',
    pipelineId: p.get('pipeline') ?? '',
    period: PERIODS.includes(p.get('period') ?? '') ? (p.get('period') as string) : '',
  };
  const range = p.get('range');
  if (range === 'custom') {
    const from = p.get('from') ?? '';
    const to = p.get('to') ?? '';
    if (isISODate(from) && isISODate(to) && from <= to) return { ...st, preset: 'custom', from, to };
  } else if (isRangePreset(range)) {
    st.preset = range;
  }
  return st;
}

/** Writes the state as a hash; default values are left out to keep it short. */
export function reportHash(st: ReportState): string {
  const p = new URLSearchParams();
  if (st.preset !== DEFAULT_PRESET) p.set('range', st.preset);
  if (st.preset === 'custom') {
    p.set('from', st.from);
    p.set('to', st.to);
  }
  if (st.ownerId) p.set('owner', st.ownerId);
  if (st.pipelineId) p.set('pipeline', st.pipelineId);
  if (st.period) p.set('period', st.period);
  const q = p.toString();
  return `#/reports${st.report ? `/${st.report}` : ''}${q ? `?${q}` : ''}`;
}

/**
 * The filters sent to the backend for `today`: a preset becomes its dates; filters the report
 * does not take are left empty.
 */
export function filtersFor(st: ReportState, today: string, accepts: readonly string[]): ReportFilters {
  const range = st.preset === 'custom' ? { from: st.from, to: st.to } : (presetRange(st.preset, today) ?? { from: '', to: '' });
  const has = (k: string) => accepts.includes(k);
  return {
    from: has('range') ? range.from : '',
    to: has('range') ? range.to : '',
    ownerId: has('owner') ? st.ownerId : '',
    pipelineId: has('pipeline') ? st.pipelineId : '',
    period: has('period') ? st.period : '',
  };
}
