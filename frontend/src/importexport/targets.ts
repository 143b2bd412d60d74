// Column targets as the backend writes them ("phone:mobile#2") and how the wizard names them.
import type { TFunction } from 'i18next';

export interface ParsedTarget {
  field: string;
  label: string;
  index: number;
}

/** Parses "field[:label][#index]". */
export function parseTarget(s: string): ParsedTarget {
  let rest = s.trim();
  let index = 0;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    index = Number.parseInt(rest.slice(hash + 1), 10) || 0;
    rest = rest.slice(0, hash);
  }
  const colon = rest.indexOf(':');
  const field = (colon >= 0 ? rest.slice(0, colon) : rest).toLowerCase();
  const label = colon >= 0 ? rest.slice(colon + 1) : '';
  return { field, label, index };
}

/** The user-facing name of a target: "Phone (mobile) 2". Unknown fields show as written. */
export function targetLabel(target: string, t: TFunction): string {
  const p = parseTarget(target);
  const key = `importexport.targets.${p.field}`;
  let name = t(key, { defaultValue: p.field });
  if (p.label) name += ` (${t(`importexport.labels.${p.label}`, { defaultValue: p.label })})`;
  if (p.index > 1) name += ` ${p.index}`;
  return name;
}

/** Human text for a delimiter. */
export function delimiterName(d: string, t: TFunction): string {
  switch (d) {
    case ',':
      return t('importexport.delimiters.comma');
    case ';':
      return t('importexport.delimiters.semicolon');
    case '\t':
      return t('importexport.delimiters.tab');
    case '':
      return '—';
    default:
      return `“${d}”`;
  }
}

/** "12.3 MB" style sizes. */
export function formatBytes(n: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}
