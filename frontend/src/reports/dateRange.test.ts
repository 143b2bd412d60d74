import { describe, expect, it } from 'vitest';
import { isISODate, localToday, presetOf, presetRange } from './dateRange';

// Expected ranges worked out on a calendar by hand.
describe('presetRange', () => {
  it('computes each preset for a mid-year day', () => {
    const today = '2026-05-14';
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(presetRange('thisQuarter', today)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetRange('last12Months', today)).toEqual({ from: '2025-06-01', to: '2026-05-14' });
    expect(presetRange('custom', today)).toBeNull();
  });

  it('crosses the year boundary in January', () => {
    const today = '2026-01-03';
    expect(presetRange('lastMonth', today)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('thisQuarter', today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('last12Months', today)).toEqual({ from: '2025-02-01', to: '2026-01-03' });
  });

  it('knows February in leap and common years, and the last quarter', () => {
    expect(presetRange('thisMonth', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('lastMonth', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('thisQuarter', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('returns null for a malformed today', () => {
    expect(presetRange('thisMonth', '2026-02-30')).toBeNull();
    expect(presetRange('thisMonth', 'soon')).toBeNull();
  });
});

describe('presetOf', () => {
  it('recognises a preset range and calls anything else custom', () => {
    expect(presetOf({ from: '2026-04-01', to: '2026-04-30' }, '2026-05-14')).toBe('lastMonth');
    expect(presetOf({ from: '2025-06-01', to: '2026-05-14' }, '2026-05-14')).toBe('last12Months');
    expect(presetOf({ from: '2026-04-02', to: '2026-04-30' }, '2026-05-14')).toBe('custom');
  });
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isISODate('2024-02-29')).toBe(true);
    expect(isISODate('2025-02-29')).toBe(false);
    expect(isISODate('2025-13-01')).toBe(false);
  });
  it('writes the local day', () => {
    expect(localToday(new Date(2026, 6, 4, 23, 59))).toBe('2026-07-04');
  });
});
