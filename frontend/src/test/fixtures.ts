import type { Contact, ContactPage, ContactSummary } from '../api/types';

export function summary(i: number, patch: Partial<ContactSummary> = {}): ContactSummary {
  return {
    id: `c${i}`,
    displayName: `Person ${i}`,
    company: `Company ${i}`,
    title: 'Buyer',
    email: `person${i}@example.com`,
    phone: '',
    tags: [],
    ...patch,
  };
}

/** A List answer for `offset`/`limit` out of `total` generated contacts. */
export function page(total: number, offset: number, limit: number, make = summary): ContactPage {
  const items: ContactSummary[] = [];
  for (let i = offset; i < Math.min(offset + limit, total); i++) items.push(make(i));
  return { items, total, offset };
}

export function fullContact(patch: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    version: 3,
    displayName: 'Ada Lovelace',
    prefix: '',
    givenName: 'Ada',
    middleName: '',
    familyName: 'Lovelace',
    suffix: '',
    company: 'Analytical Engines Ltd',
    title: 'Analyst',
    notes: 'Line one\nLine two',
    emails: [{ label: 'work', value: 'ada@example.com' }],
    phones: [{ label: 'mobile', value: '+44 20 7946 0000' }],
    tags: ['vip', 'london'],
    createdAt: '2024-01-02T10:00:00Z',
    updatedAt: '2024-03-04T15:30:00Z',
    ...patch,
  };
}
