import type { Contact, ContactInput, LabeledValue } from '../api/types';

export const EMAIL_LABELS = ['work', 'home', 'other'] as const;
export const PHONE_LABELS = ['mobile', 'work', 'home', 'other'] as const;

export const SCALAR_FIELDS = [
  'prefix',
  'givenName',
  'middleName',
  'familyName',
  'suffix',
  'company',
  'title',
  'notes',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export interface RowModel {
  /** Stable React key / control id; not sent to the backend. */
  key: string;
  label: string;
  value: string;
}

export type FormModel = Record<ScalarField, string> & {
  emails: RowModel[];
  phones: RowModel[];
  tags: string[];
};

export type RowKind = 'emails' | 'phones';

let seq = 0;
export function newRow(kind: RowKind, v?: Partial<LabeledValue>): RowModel {
  seq += 1;
  return {
    key: `${kind}-${seq}`,
    label: v?.label || (kind === 'emails' ? 'work' : 'mobile'),
    value: v?.value ?? '',
  };
}

/** A form for a new contact: one empty e-mail row and one empty phone row, ready to type in. */
export function emptyModel(): FormModel {
  return {
    prefix: '',
    givenName: '',
    middleName: '',
    familyName: '',
    suffix: '',
    company: '',
    title: '',
    notes: '',
    emails: [newRow('emails')],
    phones: [newRow('phones')],
    tags: [],
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
    company: c.company,
    title: c.title,
    notes: c.notes,
    emails: emails.length ? emails : [newRow('emails')],
    phones: phones.length ? phones : [newRow('phones')],
    tags: [...c.tags],
  };
}

/** Control key of a row's value input, as used in field errors: "emails.<row key>". */
export const rowControl = (kind: RowKind, key: string) => `${kind}.${key}`;

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
    company: m.company.trim(),
    title: m.title.trim(),
    // Notes keep their inner line breaks; only surrounding blank space goes.
    notes: m.notes.replace(/^\s*\n|\s+$/g, ''),
    emails: rows('emails', m.emails, fieldMap),
    phones: rows('phones', m.phones, fieldMap),
    tags,
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
