import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './normalize';
import type { Company, CompanyInput, CompanyPage, ContactPage, CustomField, CustomFieldInput, ListCompaniesRequest } from './types';

const S = 'CompaniesService';
const F = 'CustomFieldsService';
const C = 'ContactsService';

const clampWindow = (offset: number, limit: number) => ({
  offset: Math.max(Math.trunc(offset), 0),
  limit: Math.min(Math.max(Math.trunc(limit), 1), 500),
});

export async function listCompanies(req: ListCompaniesRequest): Promise<CompanyPage> {
  const w = clampWindow(req.offset, req.limit);
  return n.companyPage(await invoke<unknown>(S, 'List', () => raw.companies.list({ query: req.query, ...w })));
}

export async function getCompany(id: string): Promise<Company> {
  return n.company(await invoke<unknown>(S, 'Get', () => raw.companies.get(id)));
}

export async function createCompany(input: CompanyInput): Promise<Company> {
  return n.company(await invoke<unknown>(S, 'Create', () => raw.companies.create(input)));
}

/** `version` must be the version the edit started from, else the call fails with version_conflict. */
export async function updateCompany(id: string, version: number, input: CompanyInput): Promise<Company> {
  return n.company(await invoke<unknown>(S, 'Update', () => raw.companies.update(id, version, input)));
}

/** Fails with company_has_people while the company has people. */
export async function deleteCompany(id: string): Promise<void> {
  await invoke<unknown>(S, 'Delete', () => raw.companies.delete(id));
}

export async function companyPeople(companyId: string, offset: number, limit: number): Promise<ContactPage> {
  const w = clampWindow(offset, limit);
  return n.contactPage(await invoke<unknown>(S, 'People', () => raw.companies.people({ companyId, ...w })));
}

export async function listCustomFields(): Promise<CustomField[]> {
  const v = await invoke<unknown>(F, 'List', () => raw.customFields.list());
  return Array.isArray(v) ? v.map(n.customField) : [];
}

export async function createCustomField(input: CustomFieldInput): Promise<CustomField> {
  return n.customField(await invoke<unknown>(F, 'Create', () => raw.customFields.create(input)));
}

export async function updateCustomField(id: string, input: CustomFieldInput): Promise<CustomField> {
  return n.customField(await invoke<unknown>(F, 'Update', () => raw.customFields.update(id, input)));
}

export async function deleteCustomField(id: string): Promise<void> {
  await invoke<unknown>(F, 'Delete', () => raw.customFields.delete(id));
}

export async function reorderCustomFields(ids: string[]): Promise<CustomField[]> {
  const v = await invoke<unknown>(F, 'Reorder', () => raw.customFields.reorder(ids));
  return Array.isArray(v) ? v.map(n.customField) : [];
}

/** Sets a contact's photo from a data: URL (or bare base64); returns the stored photo as a data: URL. */
export async function setContactPhoto(id: string, dataUrl: string, mime: string): Promise<string> {
  const v = await invoke<unknown>(C, 'SetPhoto', () => raw.contacts.setPhoto(id, dataUrl, mime));
  return typeof v === 'string' ? v : '';
}

export async function removeContactPhoto(id: string): Promise<void> {
  await invoke<unknown>(C, 'RemovePhoto', () => raw.contacts.removePhoto(id));
}

/** The contact's photo as a data: URL, '' when it has none. */
export async function contactPhoto(id: string): Promise<string> {
  const v = await invoke<unknown>(C, 'Photo', () => raw.contacts.photo(id));
  return typeof v === 'string' ? v : '';
}

export async function setPhoneRegion(region: string) {
  return n.settings(await invoke<unknown>('SettingsService', 'SetPhoneRegion', () => raw.settings.setPhoneRegion(region)));
}

export async function phoneRegions(): Promise<string[]> {
  const v = await invoke<unknown>('SettingsService', 'PhoneRegions', () => raw.settings.phoneRegions());
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
