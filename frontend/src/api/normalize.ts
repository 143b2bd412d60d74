import type { Address, Contact, ContactPage, ContactSummary, LabeledValue, Settings, Status } from './types';

// Go encodes nil slices as null and may omit empty strings; the UI relies on arrays and strings.

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const arr = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};

export function labeledValue(v: unknown): LabeledValue {
  const o = obj(v);
  return { label: str(o.label), value: str(o.value) };
}

export function address(v: unknown): Address {
  const o = obj(v);
  return {
    label: str(o.label),
    street: str(o.street),
    city: str(o.city),
    region: str(o.region),
    postcode: str(o.postcode),
    country: str(o.country),
  };
}

export function contactSummary(v: unknown): ContactSummary {
  const o = obj(v);
  return {
    id: str(o.id),
    displayName: str(o.displayName),
    company: str(o.company),
    title: str(o.title),
    email: str(o.email),
    phone: str(o.phone),
    tags: arr(o.tags, str),
  };
}

export function contactPage(v: unknown): ContactPage {
  const o = obj(v);
  return { items: arr(o.items, contactSummary), total: num(o.total), offset: num(o.offset) };
}

export function contact(v: unknown): Contact {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    displayName: str(o.displayName),
    prefix: str(o.prefix),
    givenName: str(o.givenName),
    middleName: str(o.middleName),
    familyName: str(o.familyName),
    suffix: str(o.suffix),
    nickname: str(o.nickname),
    company: str(o.company),
    department: str(o.department),
    title: str(o.title),
    notes: str(o.notes),
    profile: str(o.profile),
    emails: arr(o.emails, labeledValue),
    phones: arr(o.phones, labeledValue),
    urls: arr(o.urls, labeledValue),
    addresses: arr(o.addresses, address),
    birthday: str(o.birthday),
    anniversary: str(o.anniversary),
    tags: arr(o.tags, str),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export function settings(v: unknown): Settings {
  return { language: str(obj(v).language) };
}

export function status(v: unknown): Status {
  const o = obj(v);
  return {
    version: str(o.version),
    databasePath: str(o.databasePath),
    contacts: num(o.contacts),
    pendingChanges: num(o.pendingChanges),
  };
}
