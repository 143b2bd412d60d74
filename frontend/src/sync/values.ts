// Pure helpers of the sync page: field names and readable conflict values (contacts; meetings
// and tasks in calendarValues.ts).
import { calendarFieldName, isCalendarEntity } from './calendarValues';

/** The translation key of a contact field as the journal and the conflict inbox name it. */
export const FIELD_LABEL_KEYS: Record<string, string> = {
  prefix: 'form.prefix',
  givenName: 'form.givenName',
  middleName: 'form.middleName',
  familyName: 'form.familyName',
  suffix: 'form.suffix',
  nickname: 'form.nickname',
  company: 'form.company',
  department: 'form.department',
  title: 'form.jobTitle',
  notes: 'form.notes',
  profile: 'form.profile',
  emails: 'form.emails',
  phones: 'form.phones',
  urls: 'form.urls',
  addresses: 'form.addresses',
  birthday: 'form.birthday',
  anniversary: 'form.anniversary',
  tags: 'form.tags',
};

/**
 * The translated name of a field of a record of kind `entity` (contact, event or task); an
 * unknown name is shown as it is.
 */
export function fieldName(t: (k: string) => string, field: string, entity = 'contact'): string {
  if (isCalendarEntity(entity)) return calendarFieldName(t, field, entity);
  const key = FIELD_LABEL_KEYS[field];
  return key ? t(key) : field;
}

/** A conflict value made readable: lines of text (each rendered as text, never HTML). */
export type ReadableValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'date'; value: string }
  | { kind: 'lines'; lines: { label?: string; text: string }[] }
  | { kind: 'addresses'; items: { label: string; lines: string[] }[] }
  /** Rows whose label (if any) is already translated, each with an optional quieter note. */
  | { kind: 'rows'; rows: { label?: string; text: string; note?: string }[] };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const s = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/**
 * Reads a conflict side (the field's value as JSON text: a string, a list of {label, value}, a
 * list of addresses, or a list of tags). Text that is not JSON is shown as it is.
 */
export function readableValue(field: string, json: string): ReadableValue {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json.trim() ? { kind: 'text', text: json } : { kind: 'empty' };
  }
  if (v == null) return { kind: 'empty' };
  if (typeof v === 'string') {
    if (v.trim() === '') return { kind: 'empty' };
    if (field === 'birthday' || field === 'anniversary') return { kind: 'date', value: v };
    return { kind: 'text', text: v };
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return { kind: 'empty' };
    if (v.every((x) => isObj(x) && ('street' in x || 'city' in x || 'postcode' in x || 'country' in x || 'region' in x))) {
      return {
        kind: 'addresses',
        items: v.map((x) => {
          const a = x as Record<string, unknown>;
          const cityLine = [s(a.postcode), s(a.city)].filter(Boolean).join(' ');
          const lines = [...s(a.street).split('\n'), cityLine, s(a.region), s(a.country)]
            .map((l) => l.trim())
            .filter(Boolean);
          return { label: s(a.label), lines };
        }),
      };
    }
    return {
      kind: 'lines',
      lines: v.map((x) => (isObj(x) ? { label: s(x.label) || undefined, text: s(x.value) } : { text: s(x) })),
    };
  }
  return { kind: 'text', text: JSON.stringify(v) };
}
