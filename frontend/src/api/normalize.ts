import type {
  Company,
  CompanyPage,
  CustomField,
  PhoneInfo,
  Account,
  Address,
  AddressBook,
  CalendarCollection,
  Certificate,
  Conflict,
  Contact,
  ContactPage,
  ContactSummary,
  Discovery,
  LabeledValue,
  OutboxEntry,
  Settings,
  Status,
  SyncProgress,
  SyncStatus,
  SyncSummary,
} from './types';

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
    custom: stringMap(o.custom),
    companyId: str(o.companyId),
    phoneInfo: arr(o.phoneInfo, phoneInfo),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export function settings(v: unknown): Settings {
  const o = obj(v);
  return { language: str(o.language), phoneRegion: str(o.phoneRegion) };
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v))) if (typeof x === 'string') out[k] = x;
  return out;
}

export function phoneInfo(v: unknown): PhoneInfo {
  const o = obj(v);
  return { formatted: str(o.formatted), e164: str(o.e164), problem: str(o.problem) };
}

export function company(v: unknown): Company {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    name: str(o.name),
    industry: str(o.industry),
    website: str(o.website),
    size: str(o.size),
    phone: str(o.phone),
    address: address(o.address),
    notes: str(o.notes),
    people: num(o.people),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export function companyPage(v: unknown): CompanyPage {
  const o = obj(v);
  return { items: arr(o.items, company), total: num(o.total), offset: num(o.offset) };
}

export function customField(v: unknown): CustomField {
  const o = obj(v);
  return { id: str(o.id), name: str(o.name), kind: str(o.kind), options: arr(o.options, str) };
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

// ---- Sync ----

const bool = (v: unknown): boolean => v === true;

export function addressBook(v: unknown): AddressBook {
  const o = obj(v);
  return {
    id: str(o.id),
    href: str(o.href),
    name: str(o.name),
    description: str(o.description),
    enabled: bool(o.enabled),
    isDefault: bool(o.isDefault),
  };
}

export function account(v: unknown): Account {
  const o = obj(v);
  return {
    id: str(o.id),
    name: str(o.name),
    url: str(o.url),
    username: str(o.username),
    certFingerprint: str(o.certFingerprint),
    lastSyncAt: str(o.lastSyncAt),
    lastError: str(o.lastError),
    addressBooks: arr(o.addressBooks, addressBook),
    calendars: arr(o.calendars, calendarCollection),
  };
}

export function calendarCollection(v: unknown): CalendarCollection {
  const o = obj(v);
  return {
    id: str(o.id),
    href: str(o.href),
    name: str(o.name),
    description: str(o.description),
    color: str(o.color),
    events: bool(o.events),
    tasks: bool(o.tasks),
    enabled: bool(o.enabled),
  };
}

export function certificate(v: unknown): Certificate {
  const o = obj(v);
  return {
    fingerprint: str(o.fingerprint),
    subject: str(o.subject),
    issuer: str(o.issuer),
    dnsNames: arr(o.dnsNames, str),
    notBefore: str(o.notBefore),
    notAfter: str(o.notAfter),
    selfSigned: bool(o.selfSigned),
    problem: str(o.problem),
  };
}

export function discovery(v: unknown): Discovery {
  const o = obj(v);
  const d: Discovery = {
    url: str(o.url),
    addressBooks: arr(o.addressBooks, addressBook),
    calendars: arr(o.calendars, calendarCollection),
  };
  if (o.untrusted != null && typeof o.untrusted === 'object') d.untrusted = certificate(o.untrusted);
  return d;
}

export function syncProgress(v: unknown): SyncProgress {
  const o = obj(v);
  return {
    account: str(o.account),
    addressBook: str(o.addressBook),
    phase: str(o.phase),
    done: num(o.done),
    total: num(o.total),
  };
}

export function syncSummary(v: unknown): SyncSummary {
  const o = obj(v);
  return {
    fetched: num(o.fetched),
    applied: num(o.applied),
    pushed: num(o.pushed),
    failed: num(o.failed),
    conflicts: num(o.conflicts),
    skipped: num(o.skipped),
    errors: arr(o.errors, str),
  };
}

export function syncStatus(v: unknown): SyncStatus {
  const o = obj(v);
  const s: SyncStatus = {
    accounts: num(o.accounts),
    running: bool(o.running),
    online: o.online !== false,
    lastSyncAt: str(o.lastSyncAt),
    nextSyncAt: str(o.nextSyncAt),
    lastError: str(o.lastError),
    pending: num(o.pending),
    conflicts: num(o.conflicts),
    intervalMinutes: num(o.intervalMinutes),
    policy: str(o.policy) || 'ask',
    credentialStorage: str(o.credentialStorage),
    credentialNotice: str(o.credentialNotice),
  };
  if (o.progress != null && typeof o.progress === 'object') s.progress = syncProgress(o.progress);
  if (o.last != null && typeof o.last === 'object') s.last = syncSummary(o.last);
  return s;
}

export function outboxEntry(v: unknown): OutboxEntry {
  const o = obj(v);
  return {
    seq: num(o.seq),
    entity: str(o.entity),
    entityId: str(o.entityId),
    title: str(o.title),
    op: str(o.op),
    fields: arr(o.fields, str),
    createdAt: str(o.createdAt),
    state: str(o.state),
    attempts: num(o.attempts),
    lastError: str(o.lastError),
  };
}

/** A conflict; one from before calendars (no entity) is a contact's. */
export function conflict(v: unknown): Conflict {
  const o = obj(v);
  const entity = str(o.entity) || 'contact';
  const contactId = str(o.contactId);
  const contactName = str(o.contactName);
  return {
    id: str(o.id),
    contactId,
    contactName,
    field: str(o.field),
    base: str(o.base),
    mine: str(o.mine),
    theirs: str(o.theirs),
    createdAt: str(o.createdAt),
    entity,
    itemId: str(o.itemId) || (entity === 'contact' ? contactId : ''),
    title: str(o.title) || (entity === 'contact' ? contactName : ''),
  };
}

export const list = <T>(v: unknown, f: (x: unknown) => T): T[] => arr(v, f);
