// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, errorMessageKey, toApiError } from './errors';
import i18n from '../i18n';

describe('toApiError', () => {
  it('maps the contract payload {code, message, field}', () => {
    const e = toApiError({ code: 'email_invalid', message: 'bad e-mail', field: 'emails.1' });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('email_invalid');
    expect(e.message).toBe('bad e-mail');
    expect(e.field).toBe('emails.1');
  });

  it('reads the payload from an Error carrying JSON (how the Wails v2.16 runtime rejects)', () => {
    const e = toApiError(new Error('{"code":"version_conflict","message":"stale version"}'));
    expect(e.code).toBe('version_conflict');
    expect(e.message).toBe('stale version');
    expect(e.field).toBeUndefined();
  });

  it('reads the payload from a JSON string', () => {
    expect(toApiError('{"code":"not_found","message":"no such contact"}').code).toBe('not_found');
  });

  it('treats an empty field as no field', () => {
    expect(toApiError({ code: 'contact_empty', message: 'empty', field: '' }).field).toBeUndefined();
  });

  it('maps anything else to unknown, keeping the text for logs', () => {
    const fromError = toApiError(new Error('Call to app/ContactsService.List timed out'));
    expect(fromError.code).toBe('unknown');
    expect(fromError.message).toContain('timed out');
    expect(toApiError('plain text').code).toBe('unknown');
    expect(toApiError(new Error('[object Object]')).code).toBe('unknown');
    expect(toApiError(undefined).code).toBe('unknown');
    expect(toApiError({ message: 'no code' }).code).toBe('unknown');
  });

  it('returns an ApiError unchanged', () => {
    const e = new ApiError('internal', 'boom');
    expect(toApiError(e)).toBe(e);
  });
});

describe('errorMessageKey', () => {
  const exists = (k: string) => i18n.exists(k);

  it('uses errors.<code> when it is translated', () => {
    expect(errorMessageKey({ code: 'email_invalid', message: 'x' }, exists)).toBe('errors.email_invalid');
    expect(i18n.t(errorMessageKey({ code: 'not_found', message: 'x' }, exists))).toBe('This contact no longer exists.');
  });

  it('falls back to errors.generic for codes without a translation', () => {
    expect(errorMessageKey({ code: 'brand_new_code', message: 'x' }, exists)).toBe('errors.generic');
  });
});
