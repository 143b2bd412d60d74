import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Numbers and dates are formatted with Intl for the current UI language (Bengali uses Bengali
// digits, for instance). Formatters are cached per language.

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(n: number, lng: string): string {
  let f = numberFormats.get(lng);
  if (!f) {
    f = new Intl.NumberFormat(lng);
    numberFormats.set(lng, f);
  }
  return f.format(n);
}

/** Formats an RFC 3339 timestamp as a local date and time; '' when it cannot be parsed. */
export function formatDateTime(iso: string, lng: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  let f = dateTimeFormats.get(lng);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(lng, f);
  }
  return f.format(d);
}

/** Formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(
    () => ({
      lng,
      number: (n: number) => formatNumber(n, lng),
      dateTime: (iso: string) => formatDateTime(iso, lng),
      relative: (iso: string, now?: number) => formatRelative(iso, lng, now),
      contactDate: (v: string) => formatContactDate(v, lng),
      monthNames: () => monthNames(lng),
    }),
    [lng],
  );
}

const monthDayFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, lng: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = monthDayFormats.get(`${key}|${lng}`);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { ...opts, timeZone: 'UTC' });
    monthDayFormats.set(`${key}|${lng}`, f);
  }
  return f;
}

/** The twelve month names of a language, January first. */
export function monthNames(lng: string): string[] {
  const f = cachedFormat('month', lng, { month: 'long' });
  return Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2000, i, 1)));
}

/**
 * Formats a contact date: "YYYY-MM-DD" with its year, "--MM-DD" (year unknown) as day and month
 * only. A value that is not such a date is returned as it is; '' stays ''.
 */
export function formatContactDate(v: string, lng: string): string {
  const m = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) return v;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (m[1] !== undefined) {
    const d = new Date(Date.UTC(2000, month - 1, day));
    d.setUTCFullYear(Number(m[1]));
    if (Number.isNaN(d.getTime()) || d.getUTCMonth() !== month - 1) return v;
    return cachedFormat('ymd', lng, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  }
  // 2000 is a leap year, so 29 February formats too.
  const d = new Date(Date.UTC(2000, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return v;
  return cachedFormat('md', lng, { day: 'numeric', month: 'long' }).format(d);
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "5 minutes ago", "in 2 hours", "now" for an RFC 3339 timestamp relative to `now`, in the
 * language; '' when it cannot be parsed.
 */
export function formatRelative(iso: string, lng: string, now: number = Date.now()): string {
  if (!iso) return '';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  let f = relativeFormats.get(lng);
  if (!f) {
    f = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
    relativeFormats.set(lng, f);
  }
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 10) return f.format(0, 'second');
  if (abs < 45) return f.format(seconds, 'second'); // "in 30 seconds", not "now", for a retry
  if (abs < 45 * 60) return f.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return f.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return f.format(Math.round(seconds / 86400), 'day');
  if (abs < 320 * 86400) return f.format(Math.round(seconds / (30 * 86400)), 'month');
  return f.format(Math.round(seconds / (365 * 86400)), 'year');
}

/** The current time, refreshed every `everyMs` so relative times stay true. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
