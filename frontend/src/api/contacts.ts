import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './normalize';
import type { Contact, ContactInput, ContactPage, ListContactsRequest } from './types';

const S = 'ContactsService';

/** Largest page the backend accepts (docs/API.md: limit 1..500). */
export const MAX_PAGE_SIZE = 500;

export async function listContacts(req: ListContactsRequest): Promise<ContactPage> {
  const limit = Math.min(Math.max(Math.trunc(req.limit), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(req.offset), 0);
  const page = await invoke<unknown>(S, 'List', () => raw.contacts.list({ query: req.query, offset, limit }));
  return n.contactPage(page);
}

export async function getContact(id: string): Promise<Contact> {
  return n.contact(await invoke<unknown>(S, 'Get', () => raw.contacts.get(id)));
}

export async function createContact(input: ContactInput): Promise<Contact> {
  return n.contact(await invoke<unknown>(S, 'Create', () => raw.contacts.create(input)));
}

/** `version` must be the version the edit started from, else the call fails with version_conflict. */
export async function updateContact(id: string, version: number, input: ContactInput): Promise<Contact> {
  return n.contact(await invoke<unknown>(S, 'Update', () => raw.contacts.update(id, version, input)));
}

/** Tombstones the contact; restoreContact undoes it. */
export async function deleteContact(id: string): Promise<Contact> {
  return n.contact(await invoke<unknown>(S, 'Delete', () => raw.contacts.delete(id)));
}

export async function restoreContact(id: string): Promise<Contact> {
  return n.contact(await invoke<unknown>(S, 'Restore', () => raw.contacts.restore(id)));
}
