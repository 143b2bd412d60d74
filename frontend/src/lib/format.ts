import { useMemo } from 'react';
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
    }),
    [lng],
  );
}
