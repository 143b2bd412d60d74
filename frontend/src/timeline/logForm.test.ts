import { describe, expect, it } from 'vitest';
import type { Activity } from '../api';
import { localInputValue, newValues, problem, toInput, valuesOf } from './logForm';
import { opensLogForm } from './shortcuts';
import { isEmlFile } from './emlFile';

const activity = (patch: Partial<Activity> = {}): Activity => ({
  id: 'a1', version: 3, kind: 'visit', occurredAt: '2026-11-20T09:30:00Z', durationMinutes: 45, outcome: 'Met',
  subject: 'Site visit', body: 'Notes', contactId: 'c1', companyId: 'co1', leadId: '', dealId: '', ownerId: 'o7',
  contactName: 'Ann', companyName: 'Acme', email: null, createdAt: '', updatedAt: '', ...patch,
});

describe('log form model', () => {
  it('starts a new entry now with the kind’s usual duration', () => {
    const now = new Date(2026, 10, 23, 14, 5);
    expect(newValues('call', now)).toEqual({ kind: 'call', when: '2026-11-23T14:05', durationMinutes: 5, outcome: '', subject: '', body: '' });
    expect(newValues('note', now).durationMinutes).toBe('');
  });

  it('refuses an entry without text or time, or with a bad duration', () => {
    const v = newValues('call', new Date(2026, 10, 23, 14, 5));
    expect(problem(v)).toBe('text');
    expect(problem({ ...v, body: 'x' })).toBeNull();
    expect(problem({ ...v, subject: 'x', when: '' })).toBe('when');
    expect(problem({ ...v, subject: 'x', durationMinutes: -3 })).toBe('duration');
    expect(problem({ ...v, subject: 'x', durationMinutes: 1.5 })).toBe('duration');
  });

  it('sends the instant in UTC with the page’s record, and an edit keeps its links and owner', () => {
    const v = { ...newValues('call', new Date(2026, 10, 23, 14, 5)), subject: 'Intro', durationMinutes: '' as const };
    const input = toInput(v, { contactId: 'c9' });
    expect(input).toMatchObject({ kind: 'call', subject: 'Intro', durationMinutes: 0, contactId: 'c9', companyId: '', ownerId: '' });
    expect(new Date(input.occurredAt).getTime()).toBe(new Date(2026, 10, 23, 14, 5).getTime());
    expect(input.occurredAt.endsWith('Z')).toBe(true);
    const a = activity();
    const edit = toInput({ ...valuesOf(a), outcome: 'Nobody there' }, { companyId: 'other' }, a);
    expect(edit).toMatchObject({ contactId: 'c1', companyId: 'co1', ownerId: 'o7', outcome: 'Nobody there', durationMinutes: 45 });
    expect(edit.occurredAt).toBe('2026-11-20T09:30:00.000Z');
    expect(valuesOf(a).when).toBe(localInputValue(new Date('2026-11-20T09:30:00Z')));
  });

  it('opens on L only outside text fields and dialogs', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}, target: EventTarget | null = document.body) => ({
      key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target, ...extra,
    });
    expect(opensLogForm(key('l'), false)).toBe(true);
    expect(opensLogForm(key('l'), true)).toBe(false);
    expect(opensLogForm(key('l', { ctrlKey: true }), false)).toBe(false);
    expect(opensLogForm(key('k'), false)).toBe(false);
    expect(opensLogForm(key('l', {}, document.createElement('textarea')), false)).toBe(false);
  });

  it('knows an .eml by name or type', () => {
    expect(isEmlFile({ name: 'Quote.EML', type: '' })).toBe(true);
    expect(isEmlFile({ name: 'mail', type: 'message/rfc822' })).toBe(true);
    expect(isEmlFile({ name: 'photo.jpg', type: 'image/jpeg' })).toBe(false);
  });
});
