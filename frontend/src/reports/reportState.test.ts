import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, filtersFor, parseReportHash, reportHash } from './reportState';

describe('report hash', () => {
  it('round-trips a report with a preset and filters', () => {
    const st = { ...EMPTY_STATE, report: 'win_rate', preset: 'lastMonth' as const, ownerId: 'o1', pipelineId: 'p1', period: 'week' };
    const h = reportHash(st);
    expect(h).toBe('#/reports/win_rate?range=lastMonth&owner=o1&pipeline=p1&period=week');
    expect(parseReportHash(h)).toEqual(st);
  });

  it('round-trips a custom range and leaves defaults out', () => {
    const st = { ...EMPTY_STATE, report: 'revenue', preset: 'custom' as const, from: '2026-01-05', to: '2026-02-10' };
    expect(reportHash(st)).toBe('#/reports/revenue?range=custom&from=2026-01-05&to=2026-02-10');
    expect(parseReportHash(reportHash(st))).toEqual(st);
    expect(reportHash({ ...EMPTY_STATE, report: 'forecast' })).toBe('#/reports/forecast');
  });

  it('falls back to defaults on malformed input', () => {
    expect(parseReportHash('#/reports/x?range=custom&from=2026-02-30&to=2026-03-01').preset).toBe('last12Months');
    expect(parseReportHash('#/reports/x?range=custom&from=2026-03-02&to=2026-03-01').preset).toBe('last12Months');
    expect(parseReportHash('#/reports/<b>?range=yesterday&period=hour')).toEqual(EMPTY_STATE);
    expect(parseReportHash('#/contacts')).toEqual(EMPTY_STATE);
  });
});

describe('filtersFor', () => {
  it('turns the preset into dates and drops filters the report does not take', () => {
    const st = { ...EMPTY_STATE, report: 'activities', preset: 'thisQuarter' as const, ownerId: 'o1', pipelineId: 'p1' };
    expect(filtersFor(st, '2026-08-20', ['range', 'owner'])).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      ownerId: 'o1',
      pipelineId: '',
      period: '',
    });
    expect(filtersFor({ ...st, preset: 'custom', from: '2026-01-01', to: '2026-01-31' }, '2026-08-20', ['range', 'pipeline'])).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      ownerId: '',
      pipelineId: 'p1',
      period: '',
    });
  });
});
