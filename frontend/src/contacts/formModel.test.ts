// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildContactInput, controlForField, emptyModel, modelFromContact, newRow } from './formModel';
import { fullContact } from '../test/fixtures';

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
      prefix: '',
      givenName: 'Ada',
      middleName: '',
      familyName: 'Lovelace',
      suffix: '',
      company: '',
      title: '',
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
