import type { Contact, ContactInput, ContactPage, ContactSummary } from '../api/types';

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

/** A ContactInput with every field empty. */
export function emptyInput(patch: Partial<ContactInput> = {}): ContactInput {
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
    emails: [],
    phones: [],
    urls: [],
    addresses: [],
    birthday: '',
    anniversary: '',
    tags: [],
    custom: {},
    ...patch,
  };
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
    nickname: '',
    company: 'Analytical Engines Ltd',
    department: '',
    title: 'Analyst',
    notes: 'Line one\nLine two',
    profile: '',
    emails: [{ label: 'work', value: 'ada@example.com' }],
    phones: [{ label: 'mobile', value: '+44 20 7946 0000' }],
    urls: [],
    addresses: [],
    birthday: '',
    anniversary: '',
    tags: ['vip', 'london'],
    custom: {},
    companyId: 'co1',
    phoneInfo: [{ formatted: '020 7946 0000', e164: '+442079460000', problem: '' }],
    createdAt: '2024-01-02T10:00:00Z',
    updatedAt: '2024-03-04T15:30:00Z',
    ...patch,
  };
}

/** A contact with every field filled in, including the profile fields. */
export function richContact(patch: Partial<Contact> = {}): Contact {
  return fullContact({
    prefix: 'Hon.',
    middleName: 'King',
    suffix: 'FRS',
    nickname: 'Ada',
    department: 'Research',
    profile: 'Loves poetry and horses.\nDaughter of Lord Byron.',
    emails: [
      { label: 'work', value: 'ada@example.com' },
      { label: 'home', value: 'ada@home.example' },
    ],
    phones: [
      { label: 'mobile', value: '+44 20 7946 0000' },
      { label: 'home', value: '+44 20 7946 0001' },
    ],
    urls: [
      { label: 'work', value: 'https://engines.example/ada' },
      { label: 'blog', value: 'https://ada.example/notes' },
    ],
    addresses: [
      {
        label: 'home',
        street: '12 St James\'s Square\nFlat 2',
        city: 'London',
        region: 'Greater London',
        postcode: 'SW1Y 4JH',
        country: 'United Kingdom',
      },
      { label: 'work', street: '1 Engine Lane', city: 'Cambridge', region: '', postcode: 'CB2 1TN', country: 'UK' },
    ],
    birthday: '1815-12-10',
    anniversary: '--07-08',
    ...patch,
  });
}
