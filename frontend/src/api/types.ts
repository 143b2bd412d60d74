// DTOs of the Go ⇄ front-end contract (docs/API.md). These are the shapes the UI works with;
// src/api/bindings.ts adapts them to the classes Wails generates in wailsjs/go/models.ts, and
// src/api/contract.ts checks at compile time that the two stay compatible.

export interface ListContactsRequest {
  query: string;
  offset: number;
  limit: number;
}

export interface ContactSummary {
  id: string;
  displayName: string;
  company: string;
  title: string;
  email: string;
  phone: string;
  tags: string[];
}

export interface ContactPage {
  items: ContactSummary[];
  total: number;
  offset: number;
}

/** label is e.g. "work", "home", "mobile", "other" (imported data may carry others). */
export interface LabeledValue {
  label: string;
  value: string;
}

/** A postal address; label "work", "home" or "other". `street` may hold several lines ("\n"). */
export interface Address {
  label: string;
  street: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
}

export interface ContactInput {
  prefix: string;
  givenName: string;
  middleName: string;
  familyName: string;
  suffix: string;
  nickname: string;
  company: string;
  department: string;
  title: string;
  notes: string;
  /** Free text: the customer's personal profile (preferences, family, interests). */
  profile: string;
  emails: LabeledValue[];
  phones: LabeledValue[];
  /** Web addresses; labels "work", "home", "profile", "blog", "other". */
  urls: LabeledValue[];
  addresses: Address[];
  /** "YYYY-MM-DD", "--MM-DD" when the year is unknown, or "". */
  birthday: string;
  /** "YYYY-MM-DD", "--MM-DD" when the year is unknown, or "". */
  anniversary: string;
  tags: string[];
  /** Values of the custom fields by field id, in canonical text (numbers "12.5", dates "YYYY-MM-DD"). */
  custom: Record<string, string>;
}

/** How one of a contact's phone numbers reads (same order as `phones`). */
export interface PhoneInfo {
  /** National form in the default country, international otherwise; the typed text if unreadable. */
  formatted: string;
  /** "+4930123456"; '' when the number cannot be read. */
  e164: string;
  /** Why the number cannot be valid (English); '' when it is fine. */
  problem: string;
}

export interface Contact extends ContactInput {
  id: string;
  version: number;
  displayName: string;
  /** The company the contact belongs to ('' without one). */
  companyId: string;
  phoneInfo: PhoneInfo[];
  /** RFC 3339, UTC */
  createdAt: string;
  /** RFC 3339, UTC */
  updatedAt: string;
}

export type Language = 'en' | 'bn';

export interface Settings {
  language: string;
  /** Default country for phone numbers (ISO 3166, "DE"). */
  phoneRegion: string;
}

export interface Status {
  version: string;
  databasePath: string;
  contacts: number;
  pendingChanges: number;
}

// ---- Sync (SyncService; app/sync_dto.go) ----

/** What the add-account form sends. `url` may be a full URL or just the host. */
export interface AccountInput {
  name: string;
  url: string;
  username: string;
  password: string;
  /** SHA-256 fingerprint of a certificate the user chose to trust; '' otherwise. */
  certFingerprint: string;
}

/** An address book of an account, or one found by discovery (then `id` is ''). */
export interface AddressBook {
  id: string;
  href: string;
  name: string;
  description: string;
  enabled: boolean;
  /** New local contacts are uploaded here. */
  isDefault: boolean;
}

export interface Account {
  id: string;
  name: string;
  url: string;
  username: string;
  certFingerprint: string;
  /** RFC 3339 or '' */
  lastSyncAt: string;
  /** The server's or network's words, untranslated; '' when the last sync went well. */
  lastError: string;
  addressBooks: AddressBook[];
  /** The account's calendars; each syncs into a local calendar of its own. */
  calendars: CalendarCollection[];
}

/**
 * A calendar of an account (CalDAV collection), or one found on the server (then `id` is '' when
 * the account does not sync it yet).
 */
export interface CalendarCollection {
  id: string;
  href: string;
  name: string;
  description: string;
  /** "#RRGGBB" or '' */
  color: string;
  /** Holds meetings (VEVENT). */
  events: boolean;
  /** Holds tasks (VTODO). */
  tasks: boolean;
  enabled: boolean;
}

/** A server certificate that needs the user's explicit trust. */
export interface Certificate {
  /** SHA-256, "AB:CD:…" */
  fingerprint: string;
  subject: string;
  issuer: string;
  dnsNames: string[];
  notBefore: string;
  notAfter: string;
  selfSigned: boolean;
  /** Why it is not trusted (English, from Go's verifier). */
  problem: string;
}

export interface Discovery {
  url: string;
  addressBooks: AddressBook[];
  /** Set when the certificate needs trust; addressBooks is then empty. */
  untrusted?: Certificate;
  /** The server's calendars of meetings or tasks. */
  calendars: CalendarCollection[];
}

export type SyncPhase = 'pull' | 'push' | string;

export interface SyncProgress {
  account: string;
  addressBook: string;
  phase: SyncPhase;
  done: number;
  /** 0 when unknown */
  total: number;
}

export interface SyncSummary {
  fetched: number;
  applied: number;
  pushed: number;
  failed: number;
  conflicts: number;
  skipped: number;
  errors: string[];
}

export type ConflictPolicy = 'ask' | 'mine' | 'theirs';

export interface SyncStatus {
  accounts: number;
  running: boolean;
  online: boolean;
  lastSyncAt: string;
  nextSyncAt: string;
  lastError: string;
  pending: number;
  conflicts: number;
  intervalMinutes: number;
  policy: string;
  /** "keyring", "file", … */
  credentialStorage: string;
  credentialNotice: string;
  progress?: SyncProgress;
  last?: SyncSummary;
}

export interface OutboxEntry {
  seq: number;
  entity: string;
  entityId: string;
  title: string;
  /** create, update, delete or restore */
  op: string;
  fields: string[];
  createdAt: string;
  /** pending or failed */
  state: string;
  attempts: number;
  lastError: string;
}

/** What a conflict or an outbox entry is about. */
export type SyncEntity = 'contact' | 'event' | 'task';

/**
 * One field changed on both sides. base/mine/theirs are the field's value as JSON text. A
 * meeting's times are the field "when", {start, end, allDay, timeZone}; a task's {start, due,
 * timeZone}, and a task's "status" is {status, percentComplete, completedAt}.
 */
export interface Conflict {
  id: string;
  /** Set for a contact (with contactName). */
  contactId: string;
  contactName: string;
  field: string;
  base: string;
  mine: string;
  theirs: string;
  createdAt: string;
  /** 'contact', 'event' or 'task' (others are shown as they are). */
  entity: SyncEntity | string;
  /** The record's ID (the contact's, meeting's or task's). */
  itemId: string;
  /** The record's name or title. */
  title: string;
}

export type ConflictChoice = 'mine' | 'theirs' | 'both';

/** Events the Go side emits through the Wails runtime. */
export type BackendEvent =
  | 'contacts:changed'
  | 'status:changed'
  | 'sync:progress'
  | 'sync:status'
  | 'companies:changed'
  | 'customfields:changed'
  | 'import:progress'
  | 'import:done'
  | 'calendar:changed'
  | 'tasks:changed'
  | 'reminder:due'
  // Selling (issue 6).
  | 'owners:changed'
  | 'currency:changed'
  | 'activities:changed'
  | 'deals:changed'
  | 'pipelines:changed'
  | 'leads:changed'
  | 'orders:changed'
  // Service (issue 7).
  | 'feedback:changed'
  | 'cases:changed'
  // Campaigns (issue 7).
  | 'campaigns:changed';

/** The rejection payload of a bound call (options.App.ErrorFormatter on the Go side). */
export interface ApiErrorPayload {
  code: string;
  message: string;
  field?: string;
}

// ---- Companies and custom fields (CompaniesService, CustomFieldsService; app/company_dto.go) ----

export interface CompanyInput {
  name: string;
  industry: string;
  website: string;
  /** A head-count band such as "11-50". */
  size: string;
  phone: string;
  address: Address;
  notes: string;
}

export interface Company extends CompanyInput {
  id: string;
  version: number;
  /** Live contacts of the company. */
  people: number;
  createdAt: string;
  updatedAt: string;
}

export interface ListCompaniesRequest {
  query: string;
  offset: number;
  limit: number;
}

export interface CompanyPage {
  items: Company[];
  total: number;
  offset: number;
}

export interface CompanyPeopleRequest {
  companyId: string;
  offset: number;
  limit: number;
}

export type CustomFieldKind = 'text' | 'number' | 'date' | 'choice';

export interface CustomField {
  id: string;
  name: string;
  kind: CustomFieldKind | string;
  options: string[];
}

export interface CustomFieldInput {
  name: string;
  kind: string;
  options: string[];
}
