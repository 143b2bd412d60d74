// Sorting a report table by one column. Numbers are compared as exact decimal strings (the
// cells' plain values), so money is never turned into floating point.
import type { ReportColumn, ReportRow } from '../api/reportTypes';

export type SortDir = 'asc' | 'desc';

export interface SortState {
  column: number;
  dir: SortDir;
}

const NUMERIC_KINDS = new Set(['int', 'money', 'percent', 'number']);

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Compares two plain decimal strings ("-12.5", "3", "0.4167") exactly; strings that are not
 * decimals compare as NaN (the caller puts them last).
 */
export function compareDecimal(a: string, b: string): number {
  const ma = DECIMAL.exec(a.trim());
  const mb = DECIMAL.exec(b.trim());
  if (!ma || !mb) return Number.NaN;
  const norm = (m: RegExpExecArray) => {
    const int = m[2].replace(/^0+(?=\d)/, '');
    const frac = (m[3] ?? '').replace(/0+$/, '');
    const zero = /^0*$/.test(int) && frac === '';
    return { neg: m[1] === '-' && !zero, int, frac };
  };
  const x = norm(ma);
  const y = norm(mb);
  if (x.neg !== y.neg) return x.neg ? -1 : 1;
  let c: number;
  if (x.int.length !== y.int.length) c = x.int.length < y.int.length ? -1 : 1;
  else if (x.int !== y.int) c = x.int < y.int ? -1 : 1;
  else {
    const w = Math.max(x.frac.length, y.frac.length);
    const fx = x.frac.padEnd(w, '0');
    const fy = y.frac.padEnd(w, '0');
    c = fx === fy ? 0 : fx < fy ? -1 : 1;
  }
  return x.neg ? -c : c;
}

/** Compares two cells of a column: numbers by value, dates/months by their ISO value, text by locale. */
function compareCells(kind: string, a: { text: string; value: string }, b: { text: string; value: string }, collator: Intl.Collator): number {
  if (NUMERIC_KINDS.has(kind)) {
    const c = compareDecimal(a.value, b.value);
    if (!Number.isNaN(c)) return c;
    // A missing value ("" → "—") goes after every number, whatever the direction.
    const an = DECIMAL.test(a.value.trim());
    const bn = DECIMAL.test(b.value.trim());
    if (an !== bn) return an ? -1 : 1;
    return 0;
  }
  if (kind === 'date' || kind === 'month') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return collator.compare(a.text, b.text);
}

/**
 * The rows sorted by one column (a stable sort; the input is not changed). Rows with no value in
 * a numeric column stay last in both directions.
 */
export function sortRows(rows: readonly ReportRow[], columns: readonly ReportColumn[], sort: SortState | null, locale = 'en'): ReportRow[] {
  if (!sort || sort.column < 0 || sort.column >= columns.length) return [...rows];
  const kind = columns[sort.column].kind;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = sort.dir === 'asc' ? 1 : -1;
  const empty = { text: '', value: '' };
  const isMissing = (r: ReportRow) => NUMERIC_KINDS.has(kind) && !DECIMAL.test((r.cells[sort.column]?.value ?? '').trim());
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      const mx = isMissing(x.r);
      const my = isMissing(y.r);
      if (mx !== my) return mx ? 1 : -1;
      const c = compareCells(kind, x.r.cells[sort.column] ?? empty, y.r.cells[sort.column] ?? empty, collator);
      return c !== 0 ? sign * c : x.i - y.i;
    })
    .map((x) => x.r);
}

/** The next sort after a click on a column header: ascending, descending, then unsorted. */
export function nextSort(cur: SortState | null, column: number): SortState | null {
  if (!cur || cur.column !== column) return { column, dir: 'asc' };
  if (cur.dir === 'asc') return { column, dir: 'desc' };
  return null;
}
