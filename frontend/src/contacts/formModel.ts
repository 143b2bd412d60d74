import type { Address, Contact, ContactInput, LabeledValue } from '../api/types';

export const EMAIL_LABELS = ['work', 'home', 'other'] as const;
export const PHONE_LABELS = ['mobile', 'work', 'home', 'other'] as const;
export const URL_LABELS = ['work', 'home', 'profile', 'blog', 'other'] as const;
export const ADDRESS_LABELS = ['work', 'home', 'other'] as const;
export const ADDRESS_PARTS = ['street', 'city', 'region', 'postcode', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
export const DATE_FIELDS = ['birthday', 'anniversary'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const SCALAR_FIELDS = [
  'prefix',
  'givenName',
  'middleName',
  'familyName',
  'suffix',
  'nickname',
  'company',
  'department',
  'title',
  'notes',
  'profile',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export interface RowModel {
  /** Stable React key / control id; not sent to the backend. */
  key: string;
  label: string;
  value: string;
}

export interface AddressModel extends Address {
  /** Stable React key / control id; not sent to the backend. */
  key: string;
}

/**
 * A date as the form edits it: day and month, and a year that may stay empty ("--MM-DD").
 * `raw` keeps a stored value the form cannot take apart, so that an edit sends it back unchanged
 * until the user types a date of their own.
 */
export interface DateModel {
  day: string;
  month: string;
  year: string;
  raw?: string;
}

export type FormModel = Record<ScalarField, string> & {
  emails: RowModel[];
  phones: RowModel[];
  urls: RowModel[];
  addresses: AddressModel[];
  birthday: DateModel;
  anniversary: DateModel;
  tags: string[];
  /** Custom field values by field id, as typed. */
  custom: Record<string, string>;
};

export type RowKind = 'emails' | 'phones' | 'urls';

const DEFAULT_LABEL: Record<RowKind, string> = { emails: 'work', phones: 'mobile', urls: 'work' };

let seq = 0;
export function newRow(kind: RowKind, v?: Partial<LabeledValue>): RowModel {
  seq += 1;
  return {
    key: `${kind}-${seq}`,
    label: v?.label || DEFAULT_LABEL[kind],
    value: v?.value ?? '',
  };
}

export function newAddress(a?: Partial<Address>): AddressModel {
  seq += 1;
  return {
    key: `addresses-${seq}`,
    label: a?.label || 'work',
    street: a?.street ?? '',
    city: a?.city ?? '',
    region: a?.region ?? '',
    postcode: a?.postcode ?? '',
    country: a?.country ?? '',
  };
}

const emptyDate = (): DateModel => ({ day: '', month: '', year: '' });

/** "1815-12-10" → {day 10, month 12, year 1815}; "--05-17" → no year; "" → empty. */
export function parseDate(v: string): DateModel {
  const s = v.trim();
  if (!s) return emptyDate();
  const m = /^(?:(\d{4})|--)-?(\d{2})-(\d{2})$/.exec(s);
  if (!m || (m[1] === undefined && !s.startsWith('--'))) return { ...emptyDate(), raw: v };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' };
}

/**
 * The API form of a date: "YYYY-MM-DD", "--MM-DD" without a year, "" when empty. Incomplete or
 * impossible dates are sent as typed (padded) so that the backend's date_invalid names the field.
 */
export function formatDateValue(d: DateModel): string {
  const day = d.day.trim();
  const month = d.month.trim();
  const year = d.year.trim();
  if (!day && !month && !year) return d.raw ?? '';
  const pad = (x: string, n: number) => (/^\d+$/.test(x) ? x.padStart(n, '0') : x || '0'.repeat(n));
  const md = `${pad(month, 2)}-${pad(day, 2)}`;
  return year ? `${pad(year, 4)}-${md}` : `--${md}`;
}

/** A form for a new contact: one empty e-mail row and one empty phone row, ready to type in. */
export function emptyModel(): FormModel {
  return {
    prefix: '',
    givenName: '',
    middleName: '',
    familyName: '',
    suffix: '',
    nickname: '',
    company: '',
    department: '',
    title: '',
    notes: '',
    profile: '',
    emails: [newRow('emails')],
    phones: [newRow('phones')],
    urls: [],
    addresses: [],
    birthday: emptyDate(),
    anniversary: emptyDate(),
    tags: [],
    custom: {},
  };
}

export function modelFromContact(c: Contact): FormModel {
  const emails = c.emails.map((e) => newRow('emails', e));
  const phones = c.phones.map((p) => newRow('phones', p));
  return {
    prefix: c.prefix,
    givenName: c.givenName,
    middleName: c.middleName,
    familyName: c.familyName,
    suffix: c.suffix,
    nickname: c.nickname,
    company: c.company,
    department: c.department,
    title: c.title,
    notes: c.notes,
    profile: c.profile,
    emails: emails.length ? emails : [newRow('emails')],
    phones: phones.length ? phones : [newRow('phones')],
    urls: c.urls.map((u) => newRow('urls', u)),
    addresses: c.addresses.map((a) => newAddress(a)),
    birthday: parseDate(c.birthday),
    anniversary: parseDate(c.anniversary),
    tags: [...c.tags],
    custom: { ...c.custom },
  };
}

/** Control key of a row's value input, as used in field errors: "emails.<row key>". */
export const rowControl = (kind: RowKind, key: string) => `${kind}.${key}`;

/** Control key of an address block ("addresses.<key>") or of one of its inputs ("addresses.<key>.city"). */
export const addressControl = (key: string, part?: AddressPart) =>
  part ? `addresses.${key}.${part}` : `addresses.${key}`;

export interface BuiltInput {
  input: ContactInput;
  /** API field name ("emails.1") → form control key ("emails.emails-7"). */
  fieldMap: Record<string, string>;
}

function rows(kind: RowKind, list: RowModel[], fieldMap: Record<string, string>): LabeledValue[] {
  const out: LabeledValue[] = [];
  for (const r of list) {
    const value = r.value.trim();
    if (!value) continue; // blank rows are left out, so API indexes count only the sent rows
    fieldMap[`${kind}.${out.length}`] = rowControl(kind, r.key);
    out.push({ label: r.label.trim() || 'other', value });
  }
  return out;
}

/** Keeps inner line breaks; trims every line and drops blank ones at the start and end. */
function multiline(v: string): string {
  return v
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function addresses(list: AddressModel[], fieldMap: Record<string, string>): Address[] {
  const out: Address[] = [];
  for (const a of list) {
    const v: Address = {
      label: a.label.trim() || 'other',
      street: multiline(a.street),
      city: a.city.trim(),
      region: a.region.trim(),
      postcode: a.postcode.trim(),
      country: a.country.trim(),
    };
    if (ADDRESS_PARTS.every((p) => !v[p])) continue; // an empty block is left out, like blank rows
    const n = out.length;
    fieldMap[`addresses.${n}`] = addressControl(a.key);
    for (const p of ADDRESS_PARTS) fieldMap[`addresses.${n}.${p}`] = addressControl(a.key, p);
    out.push(v);
  }
  return out;
}

/** Custom values trimmed, empty ones left out; errors on "custom.<id>" map to the control of the same name. */
function customValues(m: Record<string, string>, fieldMap: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, v] of Object.entries(m)) {
    fieldMap[`custom.${id}`] = `custom.${id}`;
    const t = v.trim();
    if (t) out[id] = t;
  }
  return out;
}

/**
 * The ContactInput for the backend: strings trimmed, blank e-mail/phone rows dropped, tags
 * trimmed and de-duplicated, including a tag still being typed (`pendingTag`).
 */
export function buildContactInput(m: FormModel, pendingTag = ''): BuiltInput {
  const fieldMap: Record<string, string> = {};
  for (const f of SCALAR_FIELDS) fieldMap[f] = f;
  fieldMap.tags = 'tags';
  fieldMap.emails = 'emails';
  fieldMap.phones = 'phones';
  fieldMap.urls = 'urls';
  fieldMap.addresses = 'addresses';
  for (const f of DATE_FIELDS) fieldMap[f] = f;

  const tags: string[] = [];
  for (const t of [...m.tags, pendingTag]) {
    const v = t.trim();
    if (v && !tags.includes(v)) tags.push(v);
  }
  const input: ContactInput = {
    prefix: m.prefix.trim(),
    givenName: m.givenName.trim(),
    middleName: m.middleName.trim(),
    familyName: m.familyName.trim(),
    suffix: m.suffix.trim(),
    nickname: m.nickname.trim(),
    company: m.company.trim(),
    department: m.department.trim(),
    title: m.title.trim(),
    // Notes and profile keep their inner line breaks; only surrounding blank space goes.
    notes: m.notes.replace(/^\s*\n|\s+$/g, ''),
    profile: m.profile.replace(/^\s*\n|\s+$/g, ''),
    emails: rows('emails', m.emails, fieldMap),
    phones: rows('phones', m.phones, fieldMap),
    urls: rows('urls', m.urls, fieldMap),
    addresses: addresses(m.addresses, fieldMap),
    birthday: formatDateValue(m.birthday),
    anniversary: formatDateValue(m.anniversary),
    tags,
    custom: customValues(m.custom, fieldMap),
  };
  return { input, fieldMap };
}

/**
 * The form control for an API error field: exact ("emails.1"), or its first two parts
 * ("emails.1.value"), or its first part ("givenName"). undefined when the form has no such control.
 */
export function controlForField(field: string | undefined, fieldMap: Record<string, string>): string | undefined {
  if (!field) return undefined;
  const parts = field.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const c = fieldMap[parts.slice(0, n).join('.')];
    if (c) return c;
  }
  return undefined;
}

/** DOM id of a control, for focusing it and for aria wiring. */
export const controlId = (control: string) => `contact-form-${control.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
