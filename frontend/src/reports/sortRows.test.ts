import { describe, expect, it } from 'vitest';
import type { ReportColumn, ReportRow } from '../api/reportTypes';
import { compareDecimal, nextSort, sortRows } from './sortRows';

const cols: ReportColumn[] = [
  { key: 'stage', kind: 'text', label: '' },
  { key: 'total', kind: 'money', label: '' },
  { key: 'month', kind: 'month', label: '' },
  { key: 'rate', kind: 'percent', label: '' },
];

const row = (id: string, name: string, total: string, month: string, rate: string): ReportRow => ({
  id,
  cells: [
    { text: name, value: name },
    { text: `$${total}`, value: total },
    { text: month, value: month },
    { text: rate === '' ? '—' : rate, value: rate },
  ],
});

const rows = [
  row('a', 'proposal', '900.00', '2026-03', '0.5'),
  row('b', 'Meeting', '10000.00', '2026-01', ''),
  row('c', 'negotiation', '-5.50', '2026-02', '0.25'),
  row('d', 'qualified', '900', '2025-12', '0.7500'),
];

const ids = (rs: ReportRow[]) => rs.map((r) => r.id).join('');

describe('sortRows', () => {
  it('sorts money by exact decimal value, not by text', () => {
    // -5.50 < 900.00 = 900 < 10000.00; the tie keeps input order (a before d).
    expect(ids(sortRows(rows, cols, { column: 1, dir: 'asc' }))).toBe('cadb');
    expect(ids(sortRows(rows, cols, { column: 1, dir: 'desc' }))).toBe('badc');
  });

  it('sorts text case-insensitively and months by their ISO value', () => {
    expect(ids(sortRows(rows, cols, { column: 0, dir: 'asc' }))).toBe('bcad');
    expect(ids(sortRows(rows, cols, { column: 2, dir: 'asc' }))).toBe('dbca');
  });

  it('keeps rows without a value last in both directions', () => {
    expect(ids(sortRows(rows, cols, { column: 3, dir: 'asc' }))).toBe('cadb');
    expect(ids(sortRows(rows, cols, { column: 3, dir: 'desc' }))).toBe('dacb');
  });

  it('leaves the input alone and returns it unsorted without a sort', () => {
    const copy = [...rows];
    sortRows(rows, cols, { column: 1, dir: 'asc' });
    expect(rows).toEqual(copy);
    expect(ids(sortRows(rows, cols, null))).toBe('abcd');
  });
});

describe('compareDecimal', () => {
  it('compares signs, lengths and fractions', () => {
    expect(compareDecimal('2', '10')).toBe(-1);
    expect(compareDecimal('-2', '-10')).toBe(1);
    expect(compareDecimal('0.10', '0.1')).toBe(0);
    expect(compareDecimal('-0.00', '0')).toBe(0);
    expect(compareDecimal('12345678901234567.01', '12345678901234567.02')).toBe(-1);
    expect(Number.isNaN(compareDecimal('x', '1'))).toBe(true);
  });
});

describe('nextSort', () => {
  it('cycles ascending, descending, off, and restarts on another column', () => {
    const a = nextSort(null, 2);
    expect(a).toEqual({ column: 2, dir: 'asc' });
    const d = nextSort(a, 2);
    expect(d).toEqual({ column: 2, dir: 'desc' });
    expect(nextSort(d, 2)).toBeNull();
    expect(nextSort(d, 0)).toEqual({ column: 0, dir: 'asc' });
  });
});
