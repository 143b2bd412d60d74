const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-02" → "2 Mar 2026" in the UI language; the text itself when it is not a date. */
export function formatDay(ymd: string, lng: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  let f = dayFormats.get(lng);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(lng, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** "JPY" → "Japanese yen" in the UI language (the code itself when the browser has no name). */
export function currencyName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}
