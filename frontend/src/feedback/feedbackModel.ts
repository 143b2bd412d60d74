// Pure helpers of the feedback area: score scales and bands, date-range presets, shortcuts.
import type { DateRange, FeedbackBand, FeedbackKind, NPS } from '../api/careTypes';

/** The scores a kind of survey allows, lowest first. */
export function scale(kind: FeedbackKind): number[] {
  return kind === 'nps' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1, 2, 3, 4, 5];
}

/** Where a score falls: detractor 0–6 / passive 7–8 / promoter 9–10; CSAT 1–2 / 3 / 4–5. */
export function bandOf(kind: FeedbackKind, score: number): FeedbackBand {
  if (kind === 'nps') return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'unsatisfied';
}

/** The Mantine colour of a band: red for the unhappy, yellow in between, green for the happy. */
export function bandColor(band: string): 'red' | 'yellow' | 'teal' | 'gray' {
  switch (band) {
    case 'detractor':
    case 'unsatisfied':
      return 'red';
    case 'passive':
    case 'neutral':
      return 'yellow';
    case 'promoter':
    case 'satisfied':
      return 'teal';
    default:
      return 'gray';
  }
}

/** The colour of an NPS: red below 0, yellow up to 30, green above; gray without answers. */
export function npsColor(n: NPS): 'red' | 'yellow' | 'teal' | 'gray' {
  if (n.responses === 0) return 'gray';
  return n.score < 0 ? 'red' : n.score <= 30 ? 'yellow' : 'teal';
}

export const RANGE_PRESETS = ['d30', 'd90', 'm12', 'year', 'lastYear', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The inclusive date range of a preset ending today (custom: the last 30 days as a start). */
export function presetRange(preset: RangePreset, today: Date): DateRange {
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  const to = isoDate(today);
  switch (preset) {
    case 'd90':
      return { from: isoDate(new Date(y, m, d - 89)), to };
    case 'm12':
      return { from: isoDate(new Date(y, m - 11, 1)), to };
    case 'year':
      return { from: `${y}-01-01`, to };
    case 'lastYear':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    default:
      return { from: isoDate(new Date(y, m, d - 29)), to };
  }
}

/** A valid range: two dates, the first not after the second. */
export function isValidRange(r: DateRange): boolean {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  return re.test(r.from) && re.test(r.to) && r.from <= r.to;
}

/** "+33" / "0" / "−12": an NPS with its sign, the way it is usually written. */
export function npsText(n: NPS, none: string, num: (n: number) => string = String): string {
  if (n.responses === 0) return none;
  return n.score > 0 ? `+${num(n.score)}` : n.score < 0 ? `−${num(-n.score)}` : num(0);
}

/** A decimal text from the backend ("4.3") in the UI language's digits, one decimal kept. */
export function decimalText(v: string, lng: string): string {
  const n = Number(v);
  if (v === '' || !Number.isFinite(n)) return v;
  return new Intl.NumberFormat(lng, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}
