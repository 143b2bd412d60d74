// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addressControl,
  buildContactInput,
  controlForField,
  emptyModel,
  formatDateValue,
  modelFromContact,
  newAddress,
  newRow,
  parseDate,
} from './formModel';
import { emptyInput, fullContact, richContact } from '../test/fixtures';
import type { Contact, ContactInput } from '../api/types';

/** The ContactInput part of a contact (what an edit sends back). */
function inputOf(c: Contact): ContactInput {
  const { id: _id, version: _v, displayName: _d, createdAt: _c, updatedAt: _u, companyId: _co, phoneInfo: _p, ...input } = c;
  return input;
}

describe('buildContactInput', () => {
  it('trims, drops blank rows and maps API indexes to the rows that were sent', () => {
    const m = emptyModel();
    m.givenName = '  Ada ';
    m.familyName = 'Lovelace';
    m.notes = '\nfirst line\n  second line  \n\n';
    const blank = newRow('emails', { value: '   ' });
    const second = newRow('emails', { label: 'home', value: ' ada@home.example ' });
    m.emails = [newRow('emails', { value: 'ada@work.example' }), blank, second];
    m.phones = [newRow('phones', { label: 'work', value: '+1 555 0100' })];
    m.tags = ['vip', ' vip ', 'london'];

    const { input, fieldMap } = buildContactInput(m, ' new ');
    expect(input).toEqual({
      ...emptyInput(),
      givenName: 'Ada',
      familyName: 'Lovelace',
      notes: 'first line\n  second line',
      emails: [
        { label: 'work', value: 'ada@work.example' },
        { label: 'home', value: 'ada@home.example' },
      ],
      phones: [{ label: 'work', value: '+1 555 0100' }],
      tags: ['vip', 'london', 'new'],
    });
    expect(fieldMap['emails.1']).toBe(`emails.${second.key}`);
    expect(fieldMap['emails.2']).toBeUndefined();
  });

  it('round-trips a contact through the form model', () => {
    const c = fullContact();
    const { input } = buildContactInput(modelFromContact(c));
    expect(input.emails).toEqual(c.emails);
    expect(input.phones).toEqual(c.phones);
    expect(input.tags).toEqual(c.tags);
    expect(input.notes).toBe(c.notes);
  });
});

describe('the profile fields', () => {
  it('round-trip every field of a contact unchanged (an edit drops nothing)', () => {
    const c = richContact();
    const { input } = buildContactInput(modelFromContact(c));
    expect(input).toEqual(inputOf(c));
  });

  it('round-trip a birthday without a year as --MM-DD', () => {
    const c = richContact({ birthday: '--05-17', anniversary: '' });
    const m = modelFromContact(c);
    expect(m.birthday).toEqual({ day: '17', month: '5', year: '' });
    const { input } = buildContactInput(m);
    expect(input.birthday).toBe('--05-17');
    expect(input.anniversary).toBe('');
  });

  it('builds dates from day, month and an optional year', () => {
    expect(formatDateValue({ day: '10', month: '12', year: '' })).toBe('--12-10');
    expect(formatDateValue({ day: '1', month: '2', year: '1990' })).toBe('1990-02-01');
    expect(formatDateValue({ day: '', month: '', year: '' })).toBe('');
    // Incomplete: sent as typed so that the backend's date_invalid names the field.
    expect(formatDateValue({ day: '5', month: '', year: '' })).toBe('--00-05');
    expect(parseDate('1815-12-10')).toEqual({ day: '10', month: '12', year: '1815' });
    // A stored value the form cannot take apart goes back unchanged.
    expect(formatDateValue(parseDate('sometime in May'))).toBe('sometime in May');
  });

  it('leaves out empty web-address rows and address blocks, and maps address errors to their inputs', () => {
    const m = emptyModel();
    m.givenName = 'Ada';
    m.urls = [newRow('urls', { value: ' ' }), newRow('urls', { label: 'blog', value: ' ada.example ' })];
    const blank = newAddress({ label: 'home' });
    const home = newAddress({ label: 'home', street: '  12 Square \n Flat 2 \n', city: ' London ', country: 'UK' });
    m.addresses = [blank, home];
    const { input, fieldMap } = buildContactInput(m);
    expect(input.urls).toEqual([{ label: 'blog', value: 'ada.example' }]);
    expect(input.addresses).toEqual([
      { label: 'home', street: '12 Square\nFlat 2', city: 'London', region: '', postcode: '', country: 'UK' },
    ]);
    expect(controlForField('addresses.0', fieldMap)).toBe(addressControl(home.key));
    expect(controlForField('addresses.0.postcode', fieldMap)).toBe(addressControl(home.key, 'postcode'));
    expect(controlForField('urls.0', fieldMap)).toBe(`urls.${m.urls[1].key}`);
    expect(controlForField('birthday', fieldMap)).toBe('birthday');
  });
});

describe('controlForField', () => {
  const map = { givenName: 'givenName', emails: 'emails', 'emails.0': 'emails.emails-9' };
  it('finds exact, nested and top-level fields', () => {
    expect(controlForField('emails.0', map)).toBe('emails.emails-9');
    expect(controlForField('emails.0.value', map)).toBe('emails.emails-9');
    expect(controlForField('givenName', map)).toBe('givenName');
    expect(controlForField('emails.5', map)).toBe('emails');
    expect(controlForField('birthday', map)).toBeUndefined();
    expect(controlForField(undefined, map)).toBeUndefined();
  });
});
