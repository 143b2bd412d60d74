// Date-range presets of the report filter bar. Pure: every range is computed from a given
// "today" (YYYY-MM-DD in the user's zone), so tests fix the day.

/** The presets in menu order; 'custom' is a range picked by hand. */
export const RANGE_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last12Months', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The preset the reports open with (the backend's default range too). */
export const DEFAULT_PRESET: RangePreset = 'last12Months';

/** An inclusive range of dates, YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

export function isRangePreset(v: unknown): v is RangePreset {
  return typeof v === 'string' && (RANGE_PRESETS as readonly string[]).includes(v);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether s is a real calendar date written YYYY-MM-DD. */
export function isISODate(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD of a year and a 0-based month (which may be out of 0..11) and day (0 = last of previous month). */
function ymd(year: number, month0: number, day: number): string {
  const dt = new Date(Date.UTC(year, month0, day));
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** Today's date in the local zone, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The range of a preset for `today`; null for 'custom' (the user picks it) or a bad `today`.
 * Ranges end on the last day of their period (this month runs to the month's last day), except
 * "last 12 months", which ends today.
 */
export function presetRange(preset: RangePreset, today: string): DateRange | null {
  if (!isISODate(today)) return null;
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  switch (preset) {
    case 'thisMonth':
      return { from: ymd(y, m, 1), to: ymd(y, m + 1, 0) };
    case 'lastMonth':
      return { from: ymd(y, m - 1, 1), to: ymd(y, m, 0) };
    case 'thisQuarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: ymd(y, q, 1), to: ymd(y, q + 3, 0) };
    }
    case 'thisYear':
      return { from: ymd(y, 0, 1), to: ymd(y, 11, 31) };
    case 'last12Months':
      return { from: ymd(y, m - 11, 1), to: today };
    case 'custom':
      return null;
  }
}

/** The preset whose range is exactly r on `today`, or 'custom'. */
export function presetOf(r: DateRange, today: string): RangePreset {
  for (const p of RANGE_PRESETS) {
    const pr = presetRange(p, today);
    if (pr && pr.from === r.from && pr.to === r.to) return p;
  }
  return 'custom';
}
