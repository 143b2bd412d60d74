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
}

export interface Contact extends ContactInput {
  id: string;
  version: number;
  displayName: string;
  /** RFC 3339, UTC */
  createdAt: string;
  /** RFC 3339, UTC */
  updatedAt: string;
}

export type Language = 'en' | 'bn';

export interface Settings {
  language: string;
}

export interface Status {
  version: string;
  databasePath: string;
  contacts: number;
  pendingChanges: number;
}

/** Events the Go side emits through the Wails runtime. */
export type BackendEvent = 'contacts:changed' | 'status:changed';

/** The rejection payload of a bound call (options.App.ErrorFormatter on the Go side). */
export interface ApiErrorPayload {
  code: string;
  message: string;
  field?: string;
}
