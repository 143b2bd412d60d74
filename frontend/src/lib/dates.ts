import dayjs from 'dayjs';
import 'dayjs/locale/bn';

// Shared settings of the @mantine/dates inputs: the display format and a lenient parser for
// typed dates. Values are "YYYY-MM-DD" strings throughout.

/** How a date input shows its value ("Mon, 2 Mar 2026"), in the UI language. */
export const DATE_INPUT_FORMAT = 'ddd, D MMM YYYY';

/**
 * Reads a typed date: "2026-03-02", "2.3.2026", "2/3/2026" (day first), or anything Date.parse
 * reads ("March 2, 2026"). Returns "YYYY-MM-DD" or null.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return valid(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function valid(y: number, mo: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The dayjs locale for a UI language. */
export function datesLocale(lng: string): string {
  return lng === 'bn' ? 'bn' : 'en';
}

export { dayjs };
